package routewise.rules.residency_test

import data.routewise.rules.residency

class(allowed) := {
	"id": "patients", "category": "health", "regulated": true, "regulations": ["gdpr"],
	"residency": allowed, "usedBy": ["chat"], "path": ["dataClasses", 0],
}

target(id, region) := {
	"id": id, "type": "cloud-api", "model": "m", "provider": "openai", "region": region,
	"openWeights": false, "agreements": {"baa": false, "dpa": true, "zeroDataRetention": true, "trainingOptOut": true},
	"hardware": null, "monitored": true, "reachedBy": ["chat"], "path": ["deployment", "targets", 0],
}

flow(allowed, region) := {
	"dataClasses": [class(allowed)],
	"targets": [target("gpt", region)],
	"reaches": [{
		"workload": "chat", "dataClass": "patients", "target": "gpt", "via": "default",
		"route": 1, "path": ["deployment", "routing", 1, "to"],
	}],
}

test_class_reaching_a_target_outside_its_regions_is_denied if {
	found := residency.deny with input as flow(["eu"], "us")
	count(found) == 1
	some f in found
	f.id == "RW-DATA-002"
	f.subject == {"dataClass": "patients", "target": "gpt"}
	f.path == ["deployment", "routing", 1, "to"]
	mentions(f.message, "region us")
}

test_class_reaching_a_target_without_region_is_denied if {
	found := residency.deny with input as flow(["eu"], null)
	count(found) == 1
	some f in found
	mentions(f.message, "declares no region")
}

test_class_reaching_a_target_inside_its_regions_passes if {
	count(residency.deny) == 0 with input as flow(["eu", "uk"], "uk")
}

test_class_without_residency_may_go_anywhere if {
	count(residency.deny) == 0 with input as flow(null, null)
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
