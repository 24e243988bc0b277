package routewise.rules.residency_test

import data.routewise.rules.residency

class(allowed) := {
	"id": "patients", "category": "health", "regulated": true, "regulations": ["gdpr"],
	"residency": allowed, "usedBy": ["chat"], "path": ["dataClasses", 0],
}

target(id, region) := scoped(id, region, "regional", null)

scoped(id, region, scope, zone) := {
	"id": id, "type": "cloud-api", "model": "m", "provider": "openai", "region": region,
	"processingScope": scope, "dataZone": zone, "thirdParty": true,
	"openWeights": false, "agreements": {"baa": false, "dpa": true, "zeroDataRetention": true, "trainingOptOut": true},
	"hardware": null, "monitored": true, "reachedBy": ["chat"], "path": ["deployment", "targets", 0],
}

flow(allowed, region) := flow_to(allowed, target("gpt", region))

flow_to(allowed, tgt) := {
	"dataClasses": [class(allowed)],
	"targets": [tgt],
	"reaches": [{
		"workload": "chat", "dataClass": "patients", "target": "gpt", "via": "default",
		"route": 1, "fallback": null, "with": null, "path": ["deployment", "routing", 1, "to"],
	}],
}

test_class_reaching_a_target_outside_its_regions_is_denied if {
	found := residency.deny with input as flow(["eu"], "us") with data.routewise.config as jurisdictions
	count(found) == 1
	some f in found
	f.id == "RW-DATA-002"
	f.subject == {"dataClass": "patients", "target": "gpt"}
	f.path == ["deployment", "routing", 1, "to"]
	mentions(f.message, "region us")
}

jurisdictions := {
	"regionJurisdictions": {"eu-central-1": ["de"], "swedencentral": ["se"], "us-east-1": ["us"], "eu-west-2": ["uk"]},
	"countryBlocs": {"de": ["eu", "eea"], "se": ["eu", "eea"]},
}

# Defect: regions were matched as strings, so residency [eu] failed eu-central-1 and swedencentral.
test_cloud_regions_inside_a_bloc_pass if {
	count(residency.deny) == 0 with input as flow(["eu"], "eu-central-1") with data.routewise.config as jurisdictions
	count(residency.deny) == 0 with input as flow(["eu"], "swedencentral") with data.routewise.config as jurisdictions
	count(residency.deny) == 0 with input as flow(["de"], "eu-central-1") with data.routewise.config as jurisdictions
	count(residency.deny) == 0 with input as flow(["eu"], "de") with data.routewise.config as jurisdictions
}

test_cloud_regions_outside_a_bloc_or_country_are_denied if {
	count(residency.deny) == 1 with input as flow(["eu"], "us-east-1") with data.routewise.config as jurisdictions
	count(residency.deny) == 1 with input as flow(["eu"], "eu-west-2") with data.routewise.config as jurisdictions
	count(residency.deny) == 1 with input as flow(["de"], "swedencentral") with data.routewise.config as jurisdictions
	count(residency.deny) == 1 with input as flow(["de"], "eu") with data.routewise.config as jurisdictions
}

test_a_region_code_in_residency_means_that_region_only if {
	count(residency.deny) == 0 with input as flow(["eu-central-1"], "eu-central-1") with data.routewise.config as jurisdictions
	count(residency.deny) == 1 with input as flow(["eu-central-1"], "swedencentral") with data.routewise.config as jurisdictions
}

# Defect: an Azure Global deployment in an EU region passed residency [eu].
test_global_processing_scope_is_outside_every_residency if {
	found := residency.deny with input as flow_to(["eu"], scoped("gpt", "swedencentral", "global", null)) with data.routewise.config as jurisdictions
	count(found) == 1
	some f in found
	mentions(f.message, "processingScope global")
}

test_data_zone_inside_only_when_the_zone_is_listed if {
	count(residency.deny) == 0 with input as flow_to(["eu"], scoped("gpt", "swedencentral", "data-zone", "eu")) with data.routewise.config as jurisdictions
	count(residency.deny) == 1 with input as flow_to(["se"], scoped("gpt", "swedencentral", "data-zone", "eu")) with data.routewise.config as jurisdictions
	count(residency.deny) == 1 with input as flow_to(["eu"], scoped("gpt", "swedencentral", "data-zone", null)) with data.routewise.config as jurisdictions
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
