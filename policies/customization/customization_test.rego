package routewise.rules.customization_test

import data.routewise.rules.customization

config := {
	"fineTuningOffers": [
		{"provider": "openai", "models": ["gpt-4o", "gpt-4.1"]},
		{"provider": "azure-openai", "models": ["gpt-4o"], "regions": ["swedencentral", "northcentralus"]},
		{"provider": "bedrock", "models": ["amazon.nova"], "regions": ["us-east-1", "us-west-2"]},
	],
	"providerAliases": {"aws-bedrock": "bedrock"},
	"allowRegulatedOnCloudApi": false,
	"regulationsNeverOnCloudApi": ["pci-dss"],
}

target(id, type, provider, open_weights) := serving(id, type, provider, open_weights, "m", null)

serving(id, type, provider, open_weights, model, region) := {
	"id": id, "type": type, "model": model, "provider": provider, "region": region,
	"openWeights": open_weights, "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": null, "monitored": true, "reachedBy": ["tuner"], "path": ["deployment", "targets", 0],
}

workload(id, kind) := {
	"id": id, "dataClasses": ["docs"], "customization": kind,
	"volume": {"tokensPerMonth": 1000, "pattern": "steady", "peakToAverage": 1},
	"targets": [], "routedTargets": [], "path": ["workloads", 0],
}

reach(workload_id, class_id, target_id) := {
	"workload": workload_id, "dataClass": class_id, "target": target_id, "via": "unrestricted",
	"route": null, "path": ["deployment", "targets", 0],
}

served(w, t) := {
	"strategy": "cloud-api", "workloads": [w], "targets": [t],
	"reaches": [reach(w.id, "docs", t.id), reach(w.id, "notes", t.id)],
}

ids(findings) := [f.id | some f in findings]

test_deep_modification_on_cloud_api_is_denied if {
	found := customization.deny with input as served(workload("tuner", "deep-modification"), target("gpt", "cloud-api", "openai", false))
	ids(found) == ["RW-CUST-001"]
	some f in found
	f.subject == {"workload": "tuner", "target": "gpt"}
	mentions(f.message, "cloud API")
}

test_deep_modification_on_closed_weights_self_hosted_model_is_denied if {
	found := customization.deny with input as served(workload("tuner", "deep-modification"), target("vllm", "cloud-self-hosted", "aws", false))
	ids(found) == ["RW-CUST-001"]
	some f in found
	mentions(f.message, "open weights")
}

test_deep_modification_on_open_weights_self_hosted_model_passes if {
	count(customization.deny) == 0 with input as served(workload("tuner", "deep-modification"), target("rack", "on-premises", null, true))
}

test_fine_tuning_on_provider_without_fine_tuning_warns if {
	found := customization.warn with input as served(workload("tuner", "fine-tuning"), target("claude", "cloud-api", "anthropic", false))
		with data.routewise.config as config
	ids(found) == ["RW-CUST-002"]
	some f in found
	mentions(f.message, "anthropic")
}

test_fine_tuning_on_provider_with_fine_tuning_passes if {
	count(customization.warn) == 0 with input as served(workload("tuner", "fine-tuning"), serving("gpt", "cloud-api", "openai", false, "gpt-4o-mini", null))
		with data.routewise.config as config
}

# Defect: fine-tuning was judged per provider only.
test_fine_tuning_a_model_family_the_provider_does_not_tune_warns if {
	found := customization.warn with input as served(workload("tuner", "fine-tuning"), serving("gpt", "cloud-api", "openai", false, "o3-pro", null))
		with data.routewise.config as config
	ids(found) == ["RW-CUST-002"]
	some f in found
	mentions(f.message, "does not fine-tune model o3-pro")
}

test_fine_tuning_in_a_region_without_the_offer_warns if {
	found := customization.warn with input as served(workload("tuner", "fine-tuning"), serving("gpt", "cloud-api", "azure-openai", false, "gpt-4o", "westeurope"))
		with data.routewise.config as config
	ids(found) == ["RW-CUST-002"]
	some f in found
	mentions(f.message, "only in northcentralus, swedencentral")
	count(customization.warn) == 0 with input as served(workload("tuner", "fine-tuning"), serving("gpt", "cloud-api", "azure-openai", false, "gpt-4o", "swedencentral"))
		with data.routewise.config as config
}

# Teams write one provider several ways; the offers name it once.
test_fine_tuning_offers_are_found_under_other_spellings_of_the_provider if {
	count(customization.warn) == 0 with input as served(workload("tuner", "fine-tuning"), serving("nova", "cloud-api", "AWS Bedrock", false, "amazon.nova-lite-v1:0", "us-east-1"))
		with data.routewise.config as config
	count(customization.warn) == 0 with input as served(workload("tuner", "fine-tuning"), serving("gpt", "cloud-api", "Azure OpenAI", false, "gpt-4o", "swedencentral"))
		with data.routewise.config as config
	found := customization.warn with input as served(workload("tuner", "fine-tuning"), serving("nova", "cloud-api", "aws-bedrock", false, "amazon.nova-lite-v1:0", "eu-west-1"))
		with data.routewise.config as config
	ids(found) == ["RW-CUST-002"]
	some f in found
	mentions(f.message, "fine-tunes amazon.nova-lite-v1:0 only in us-east-1, us-west-2")
}

test_fine_tuning_on_self_hosted_model_passes if {
	count(customization.warn) == 0 with input as served(workload("tuner", "fine-tuning"), target("vllm", "cloud-self-hosted", "aws", true))
		with data.routewise.config as config
}

test_prompting_only_on_self_hosted_strategy_is_noted if {
	doc := object.union(served(workload("chat", "rag"), target("vllm", "cloud-self-hosted", "aws", true)), {"strategy": "cloud-self-hosted"})
	found := customization.info with input as doc with data.routewise.config as config
	ids(found) == ["RW-CUST-003"]
	some f in found
	f.path == ["deployment", "strategy"]
}

test_fine_tuned_workload_justifies_self_hosting if {
	doc := {
		"strategy": "on-premises",
		"workloads": [workload("chat", "prompting"), workload("tuner", "fine-tuning")],
		"targets": [target("rack", "on-premises", null, true)], "reaches": [],
	}
	count(customization.info) == 0 with input as doc
}

# Defect: RW-CUST-003 told HIPAA on-premises deployments that APIs would be cheaper.
test_prompting_on_own_hardware_is_not_noted_when_data_must_stay if {
	records := {"id": "records", "category": "health", "regulated": true, "regulations": ["hipaa"], "residency": null, "usedBy": ["chat"], "path": ["dataClasses", 0]}
	doc := object.union(served(workload("chat", "rag"), target("rack", "on-premises", null, true)), {"strategy": "on-premises", "dataClasses": [records]})
	count(customization.info) == 0 with input as doc with data.routewise.config as config
}

test_prompting_on_cloud_api_strategy_is_not_noted if {
	count(customization.info) == 0 with input as served(workload("chat", "prompting"), target("gpt", "cloud-api", "openai", false))
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0

# A fine-tuned workload routed to its own model by its sensitive class still sends requests that
# carry only its public class to the API: the message says which requests do.
test_fine_tuning_names_the_requests_that_reach_the_api if {
	w := object.union(workload("tuner", "fine-tuning"), {"dataClasses": ["claims", "catalogue"]})
	t := target("claude", "cloud-api", "anthropic", false)
	doc := {"strategy": "hybrid", "workloads": [w], "targets": [t], "reaches": [reach("tuner", "catalogue", "claude")]}
	found := customization.warn with input as doc with data.routewise.config as config
	some f in found
	mentions(f.message, "reaches cloud API target claude with its requests carrying catalogue, and")
	every_class := object.union(doc, {"reaches": [reach("tuner", "catalogue", "claude"), reach("tuner", "claims", "claude")]})
	some g in customization.warn with input as every_class with data.routewise.config as config
	not mentions(g.message, "requests carrying")
}
