package routewise.lib.provider_test

import data.routewise.lib.provider

test_settings_names_are_kept if {
	provider.key("bedrock") == "bedrock"
	provider.key("azure-openai") == "azure-openai"
}

test_other_spellings_find_the_settings_name if {
	provider.key("AWS Bedrock") == "bedrock"
	provider.key("amazon_bedrock") == "bedrock"
	provider.key("Amazon  Bedrock") == "bedrock"
	provider.key(" Vertex AI ") == "vertex"
	provider.key("Azure OpenAI") == "azure-openai"
}

test_unknown_providers_are_only_normalised if {
	provider.key("CoreWeave") == "coreweave"
	provider.key("Lambda Labs") == "lambda-labs"
}

test_organisation_aliases_are_used if {
	provider.key("acme-gateway") == "openai" with data.routewise.config.providerAliases as {"acme-gateway": "openai"}
}

test_no_key_without_a_name if {
	not provider.key(null)
}
