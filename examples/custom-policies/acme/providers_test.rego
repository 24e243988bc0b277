package acme.providers_test

import data.acme.providers

test_unapproved_provider_is_denied if {
	findings := providers.deny with input as {"targets": [{"id": "gpt", "type": "cloud-api", "provider": "openai", "path": ["deployment", "targets", 0]}]}
		with data.acme.approvedProviders as ["bedrock"]
	some f in findings
	f.id == "ACME-001"
	f.path == ["deployment", "targets", 0, "provider"]
}

test_approved_provider_passes if {
	count(providers.deny) == 0 with input as {"targets": [{"id": "claude", "type": "cloud-api", "provider": "bedrock", "path": ["deployment", "targets", 0]}]}
		with data.acme.approvedProviders as ["bedrock"]
}

test_self_hosted_targets_are_not_judged if {
	count(providers.deny) == 0 with input as {"targets": [{"id": "llama", "type": "on-premises", "provider": null, "path": ["deployment", "targets", 0]}]}
		with data.acme.approvedProviders as []
}
