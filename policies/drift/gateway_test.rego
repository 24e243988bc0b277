package routewise.rules.drift_test

import data.routewise.rules.drift

at(line) := {"file": "gw.yaml", "line": line, "column": 5}

class(id, category, regulated, regulations, residency) := {
	"id": id, "category": category, "regulated": regulated, "regulations": regulations,
	"residency": residency, "usedBy": ["w"], "path": ["dataClasses", 0],
}

target(id, type, provider) := {
	"id": id, "type": type, "model": "m", "provider": provider, "region": null, "openWeights": false,
	"agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": null, "monitored": true, "reachedBy": ["w"], "path": ["deployment", "targets", 0],
}

reach(class_id, target_id) := {"workload": "w", "dataClass": class_id, "target": target_id, "via": "route", "route": 0, "path": ["deployment", "routing", 0, "to"]}

deployment(name, model, hosting, provider, target) := {
	"file": "gw.yaml", "modelName": name, "model": model, "provider": provider, "providerModel": model,
	"apiBase": null, "hosting": hosting, "region": null, "processingScope": "regional", "dataZone": null,
	"modelInfoId": null, "tags": [], "wildcard": false, "location": at(3), "modelLocation": at(5),
	"regionLocation": null, "target": target, "matchedBy": null,
	"agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
}

fallback(kind, from, to) := {"file": "gw.yaml", "kind": kind, "settings": "router_settings", "from": from, "to": to, "location": at(20)}

observed(deployments, fallbacks) := {
	"sources": [{"type": "litellm", "file": "gw.yaml", "location": at(1)}],
	"gatewayDeployments": deployments, "gatewayFallbacks": fallbacks, "guardrails": [],
	"databaseModels": [], "clusterDeployments": [],
}

patients := class("patients", "health", true, ["hipaa"], null)

llama := deployment("llama", "hosted_vllm/llama", "self-hosted", "hosted_vllm", "onprem")

gpt := deployment("gpt", "openai/gpt-4o", "cloud-api", "openai", null)

hospital(fallbacks) := {
	"dataClasses": [patients],
	"targets": [target("onprem", "on-premises", null)],
	"reaches": [reach("patients", "onprem")],
	"manifest": {"deployment": {"targets": []}},
	"observed": observed([llama, gpt], fallbacks),
}

ids(set) := {f.id | some f in set}

# RW-DRIFT-001

test_cloud_api_behind_an_on_premises_target_is_denied if {
	input_ := {
		"dataClasses": [patients], "targets": [target("onprem", "on-premises", null)], "reaches": [],
		"observed": observed([deployment("llama", "openai/llama", "cloud-api", "openai", "onprem")], []),
	}
	found := [f | some f in drift.deny with input as input_; f.id == "RW-DRIFT-001"]
	count(found) == 1
	found[0].location == at(5)
	found[0].related[0].path == ["deployment", "targets", 0]
}

test_provider_known_under_another_name_passes if {
	input_ := {
		"dataClasses": [], "targets": [target("az", "cloud-api", "azure-openai")], "reaches": [],
		"observed": observed([deployment("gpt", "azure/gpt-4o", "cloud-api", "azure", "az")], []),
	}
	not "RW-DRIFT-001" in ids(drift.deny) with input as input_
}

test_provider_spelled_another_way_passes if {
	every spelled in ["AWS Bedrock", "amazon_bedrock", "Bedrock"] {
		input_ := {
			"dataClasses": [], "targets": [target("claude", "cloud-api", spelled)], "reaches": [],
			"observed": observed([deployment("claude", "bedrock/anthropic.claude-3-5-sonnet", "cloud-api", "bedrock", "claude")], []),
		}
		not "RW-DRIFT-001" in ids(drift.deny) with input as input_
	}
}

test_other_provider_than_declared_is_denied if {
	input_ := {
		"dataClasses": [], "targets": [target("az", "cloud-api", "azure-openai")], "reaches": [],
		"observed": observed([deployment("gpt", "openai/gpt-4o", "cloud-api", "openai", "az")], []),
	}
	some f in drift.deny with input as input_
	f.id == "RW-DRIFT-001"
	contains(f.message, "provider openai while the target declares azure-openai")
}

# RW-DRIFT-002

test_fallback_of_regulated_data_to_an_undeclared_cloud_api_is_denied if {
	found := [f | some f in drift.deny with input as hospital([fallback("fallbacks", "llama", "gpt")]); f.id == "RW-DRIFT-002"]
	count(found) == 1
	found[0].location == at(20)
	found[0].subject == {"dataClass": "patients", "target": null}
}

# A waiver may name the target the data would reach, as for the manifest's own rules.
test_fallback_to_a_declared_cloud_api_names_its_target_as_subject if {
	azure := deployment("gpt", "azure/gpt-4o", "cloud-api", "azure", "az")
	input_ := object.union(hospital([fallback("fallbacks", "llama", "gpt")]), {
		"targets": [target("onprem", "on-premises", null), target("az", "cloud-api", "azure-openai")],
		"observed": observed([llama, azure], [fallback("fallbacks", "llama", "gpt")]),
	})
	found := [f | some f in drift.deny with input as input_; f.id == "RW-DRIFT-002"]
	count(found) == 1
	found[0].subject == {"dataClass": "patients", "target": "az"}
}

test_default_fallback_is_denied_too if {
	"RW-DRIFT-002" in ids(drift.deny) with input as hospital([fallback("default_fallbacks", null, "gpt")])
}

test_fallback_of_a_fallback_is_followed if {
	found := [f | some f in drift.deny with input as hospital([
		fallback("fallbacks", "llama", "llama-2"),
		fallback("context_window_fallbacks", "llama-2", "gpt"),
	]); f.id == "RW-DRIFT-002"]
	count(found) == 1
	contains(found[0].message, "context_window_fallbacks")
}

test_without_fallbacks_nothing_leaves if {
	not "RW-DRIFT-002" in ids(drift.deny) with input as hospital([])
}

test_fallback_to_a_target_the_manifest_allows_passes if {
	allowed := object.union(hospital([fallback("fallbacks", "llama", "gpt")]), {
		"targets": [target("onprem", "on-premises", null), target("api", "cloud-api", "openai")],
		"reaches": [reach("patients", "onprem"), reach("patients", "api")],
		"observed": observed([llama, object.union(gpt, {"target": "api"})], [fallback("fallbacks", "llama", "gpt")]),
	})
	not "RW-DRIFT-002" in ids(drift.deny) with input as allowed
}

test_load_balanced_sibling_is_denied_at_its_entry if {
	sibling := object.union(gpt, {"modelName": "llama", "location": at(9)})
	input_ := object.union(hospital([]), {"observed": observed([llama, sibling], [])})
	found := [f | some f in drift.deny with input as input_; f.id == "RW-DRIFT-002"]
	count(found) == 1
	found[0].location == at(9)
}

# Where the organisation allows regulated data on cloud APIs, the fallback is judged by the
# agreements the regulation needs, read as RW-DATA-007 reads them.
lenient_config := object.union(data.routewise.config, {"allowRegulatedOnCloudApi": true})

test_fallback_to_a_cloud_api_without_the_needed_agreement_is_denied_where_cloud_apis_are_allowed if {
	found := [f | some f in drift.deny with input as hospital([fallback("fallbacks", "llama", "gpt")]) with data.routewise.config as lenient_config; f.id == "RW-DRIFT-002"]
	count(found) == 1
	contains(found[0].message, "without a baa (hipaa)")
}

test_fallback_to_a_cloud_api_with_the_needed_agreement_passes_where_cloud_apis_are_allowed if {
	covered := object.union(gpt, {"agreements": {"baa": true}})
	input_ := object.union(hospital([fallback("fallbacks", "llama", "gpt")]), {"observed": observed([llama, covered], [fallback("fallbacks", "llama", "gpt")])})
	not "RW-DRIFT-002" in ids(drift.deny) with input as input_ with data.routewise.config as lenient_config
}

test_public_data_may_fall_back_to_a_cloud_api if {
	public := object.union(hospital([fallback("fallbacks", "llama", "gpt")]), {"dataClasses": [class("patients", "public", false, [], null)]})
	not "RW-DRIFT-002" in ids(drift.deny) with input as public
}

# RW-DRIFT-003

regional(scope, zone, region) := {
	"dataClasses": [class("eu-data", "personal", false, ["gdpr"], ["eu"])],
	"targets": [target("claude", "cloud-api", "bedrock")],
	"reaches": [reach("eu-data", "claude")],
	"observed": observed([object.union(deployment("claude", "bedrock/x", "cloud-api", "bedrock", "claude"), {
		"processingScope": scope, "dataZone": zone, "region": region, "regionLocation": at(7),
	})], []),
}

test_global_profile_for_eu_data_is_denied if {
	found := [f | some f in drift.deny with input as regional("global", null, "eu-central-1"); f.id == "RW-DRIFT-003"]
	count(found) == 1
	found[0].location == at(7)
	contains(found[0].message, "global profile")
}

test_us_region_for_eu_data_is_denied if {
	"RW-DRIFT-003" in ids(drift.deny) with input as regional("regional", null, "us-east-1")
}

test_eu_data_zone_for_eu_data_passes if {
	not "RW-DRIFT-003" in ids(drift.deny) with input as regional("data-zone", "eu", "eu-central-1")
}

test_us_data_zone_for_eu_data_is_denied if {
	"RW-DRIFT-003" in ids(drift.deny) with input as regional("data-zone", "us", "us-east-1")
}

test_eu_regions_pass_through_the_residency_table if {
	not "RW-DRIFT-003" in ids(drift.deny) with input as regional("regional", null, "eu-central-1")
	not "RW-DRIFT-003" in ids(drift.deny) with input as regional("regional", null, "swedencentral")
}

# The organisation's own site, added to regionJurisdictions with --data, counts for the gateway
# as it does for RW-DATA-002; without it the site lies only in itself.
own_site_config := object.union(data.routewise.config, {"regionJurisdictions": {"fra-dc-1": ["de"]}})

test_own_region_from_the_data_places_a_gateway_deployment if {
	not "RW-DRIFT-003" in ids(drift.deny) with input as regional("regional", null, "fra-dc-1") with data.routewise.config as own_site_config
	"RW-DRIFT-003" in ids(drift.deny) with input as regional("regional", null, "fra-dc-1")
}

test_deployment_that_does_not_say_where_it_runs_is_not_judged_on_residency if {
	not "RW-DRIFT-003" in ids(drift.deny) with input as regional("regional", null, null)
}

# RW-DRIFT-004, RW-DRIFT-005

test_unmatched_deployment_is_warned if {
	found := [f | some f in drift.warn with input as hospital([]); f.id == "RW-DRIFT-004"]
	count(found) == 1
	contains(found[0].message, "gpt")
}

test_matched_deployments_are_not_warned if {
	input_ := object.union(hospital([]), {"observed": observed([llama], [])})
	not "RW-DRIFT-004" in ids(drift.warn) with input as input_
}

test_wildcard_is_warned if {
	input_ := object.union(hospital([]), {"observed": observed([llama, object.union(gpt, {"wildcard": true})], [])})
	"RW-DRIFT-005" in ids(drift.warn) with input as input_
}

test_named_models_are_no_wildcard if {
	not "RW-DRIFT-005" in ids(drift.warn) with input as hospital([])
}

# RW-DRIFT-006

guarded(mode, default_on, classes) := object.union(hospital([]), {
	"dataClasses": classes,
	"observed": object.union(observed([llama], []), {"guardrails": [{
		"file": "gw.yaml", "name": "pii", "guardrail": "presidio", "mode": mode,
		"defaultOn": default_on, "pii": true, "location": at(30),
	}]}),
})

test_pii_guardrail_that_only_logs_is_warned if {
	found := [f | some f in drift.warn with input as guarded("logging_only", true, [patients]); f.id == "RW-DRIFT-006"]
	count(found) == 1
	found[0].location == at(30)
}

test_pii_guardrail_not_on_by_default_is_warned if {
	"RW-DRIFT-006" in ids(drift.warn) with input as guarded("pre_call", false, [patients])
}

test_pii_guardrail_on_every_request_passes if {
	not "RW-DRIFT-006" in ids(drift.warn) with input as guarded("pre_call", true, [patients])
}

test_weak_guardrail_without_personal_data_passes if {
	not "RW-DRIFT-006" in ids(drift.warn) with input as guarded("logging_only", false, [class("docs", "public", false, [], null)])
}

# RW-DRIFT-007

test_target_without_gateway_deployment_is_warned_at_the_manifest if {
	input_ := object.union(hospital([]), {"observed": observed([gpt], [])})
	found := [f | some f in drift.warn with input as input_; f.id == "RW-DRIFT-007"]
	count(found) == 1
	found[0].path == ["deployment", "targets", 0]
	found[0].related[0].file == "gw.yaml"
}

test_without_a_gateway_source_nothing_is_undeployed if {
	input_ := object.union(hospital([]), {"observed": object.union(observed([], []), {"sources": []})})
	not "RW-DRIFT-007" in ids(drift.warn) with input as input_
}

test_deployed_target_is_not_warned if {
	not "RW-DRIFT-007" in ids(drift.warn) with input as hospital([])
}

# RW-DRIFT-008

test_database_models_are_warned if {
	input_ := object.union(hospital([]), {"observed": object.union(observed([llama], []), {"databaseModels": [{"file": "gw.yaml", "location": at(40)}]})})
	some f in drift.warn with input as input_
	f.id == "RW-DRIFT-008"
	f.location == at(40)
}

test_file_only_gateway_is_not_warned if {
	not "RW-DRIFT-008" in ids(drift.warn) with input as hospital([])
}
