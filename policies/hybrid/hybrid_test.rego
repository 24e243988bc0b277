package routewise.rules.hybrid_test

import data.routewise.rules.hybrid

target(id, type, index, monitored) := {
	"id": id, "type": type, "model": "m", "provider": "p", "region": null,
	"openWeights": type != "cloud-api", "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": null, "monitored": monitored, "reachedBy": ["chat"], "path": ["deployment", "targets", index],
}

class(id, regulated, used_by) := {
	"id": id, "category": "internal", "regulated": regulated, "regulations": [],
	"residency": null, "usedBy": used_by, "path": ["dataClasses", 0],
}

route(index, to, shadowed_by) := {
	"index": index, "when": {"dataClasses": [], "workloads": [], "default": true}, "to": to,
	"shadowedBy": shadowed_by, "path": ["deployment", "routing", index],
}

rack := target("rack", "on-premises", 0, true)

gpt := target("gpt", "cloud-api", 1, true)

hybrid_input(routing) := {
	"strategy": "hybrid", "targets": [rack, gpt], "dataClasses": [],
	"routing": routing, "burst": null,
}

ids(findings) := [f.id | some f in findings]

test_hybrid_without_routing_is_denied if {
	ids(hybrid.deny) == ["RW-HYB-001"] with input as hybrid_input([])
}

test_hybrid_with_routing_passes if {
	count(hybrid.deny) == 0 with input as hybrid_input([route(0, "gpt", null)])
}

test_single_strategy_without_routing_passes if {
	count(hybrid.deny) == 0 with input as object.union(hybrid_input([]), {"strategy": "cloud-api", "targets": [gpt]})
}

test_unmonitored_target_of_hybrid_is_denied if {
	doc := object.union(hybrid_input([route(0, "gpt", null)]), {"targets": [rack, target("gpt", "cloud-api", 1, false)]})
	found := hybrid.deny with input as doc
	ids(found) == ["RW-HYB-002"]
	some f in found
	f.subject == {"target": "gpt"}
	f.path == ["deployment", "targets", 1]
}

test_unmonitored_target_outside_hybrid_passes if {
	doc := {"strategy": "cloud-api", "targets": [target("gpt", "cloud-api", 0, false)], "dataClasses": [], "routing": [], "burst": null}
	count(hybrid.deny) == 0 with input as doc
}

burst_to(to, excluded) := {"to": to, "excludeDataClasses": excluded, "path": ["deployment", "burst"]}

test_burst_of_regulated_data_to_cloud_api_is_denied if {
	doc := object.union(hybrid_input([route(0, "rack", null)]), {
		"dataClasses": [class("records", true, ["chat"]), class("faq", false, ["chat"])],
		"burst": burst_to("gpt", []),
	})
	found := hybrid.deny with input as doc
	ids(found) == ["RW-HYB-003"]
	some f in found
	f.subject == {"dataClass": "records", "target": "gpt"}
	f.path == ["deployment", "burst", "excludeDataClasses"]
}

test_burst_excluding_regulated_data_passes if {
	doc := object.union(hybrid_input([route(0, "rack", null)]), {
		"dataClasses": [class("records", true, ["chat"])],
		"burst": burst_to("gpt", ["records"]),
	})
	count(hybrid.deny) == 0 with input as doc
}

test_burst_to_self_hosted_target_may_carry_regulated_data if {
	doc := object.union(hybrid_input([route(0, "gpt", null)]), {
		"dataClasses": [class("records", true, ["chat"])],
		"burst": burst_to("rack", []),
	})
	count(hybrid.deny) == 0 with input as doc
}

test_unused_regulated_class_does_not_block_a_burst if {
	doc := object.union(hybrid_input([route(0, "rack", null)]), {
		"dataClasses": [class("records", true, [])],
		"burst": burst_to("gpt", []),
	})
	count(hybrid.deny) == 0 with input as doc
}

test_shadowed_routing_rule_warns if {
	found := hybrid.warn with input as hybrid_input([route(0, "gpt", null), route(1, "rack", [0])])
	ids(found) == ["RW-HYB-004"]
	some f in found
	f.path == ["deployment", "routing", 1]
	mentions(f.message, "deployment.routing[0]")
}

test_reachable_routing_rules_pass if {
	count(hybrid.warn) == 0 with input as hybrid_input([route(0, "rack", null), route(1, "gpt", null)])
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
