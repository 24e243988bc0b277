package routewise.rules.customization_test

import data.routewise.rules.customization

config := {"fineTuningProviders": ["openai", "vertex"]}

target(id, type, provider, open_weights) := {
	"id": id, "type": type, "model": "m", "provider": provider, "region": null,
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
	count(customization.warn) == 0 with input as served(workload("tuner", "fine-tuning"), target("gpt", "cloud-api", "openai", false))
		with data.routewise.config as config
}

test_fine_tuning_on_self_hosted_model_passes if {
	count(customization.warn) == 0 with input as served(workload("tuner", "fine-tuning"), target("vllm", "cloud-self-hosted", "aws", true))
		with data.routewise.config as config
}

test_prompting_only_on_self_hosted_strategy_is_noted if {
	doc := object.union(served(workload("chat", "rag"), target("vllm", "cloud-self-hosted", "aws", true)), {"strategy": "cloud-self-hosted"})
	found := customization.info with input as doc
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

test_prompting_on_cloud_api_strategy_is_not_noted if {
	count(customization.info) == 0 with input as served(workload("chat", "prompting"), target("gpt", "cloud-api", "openai", false))
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
