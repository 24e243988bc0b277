package routewise.rules.hybrid_test

import data.routewise.rules.hybrid

target(id, type, index, monitored) := {
	"id": id, "type": type, "model": "m", "provider": "p", "region": null,
	"openWeights": type != "cloud-api", "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": null, "thirdParty": type != "on-premises",
	"monitored": monitored, "monitoringTools": tools(monitored), "reachedBy": ["chat"],
	"path": ["deployment", "targets", index],
}

tools(true) := ["prometheus"]

tools(false) := []

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
	"routing": routing, "burst": null, "reaches": [], "mixedLandings": [],
}

reach(class_id, target_id, via) := {
	"workload": "chat", "dataClass": class_id, "target": target_id, "via": via, "route": null,
	"fallback": fallback_index(via), "with": null, "path": via_path(via),
}

fallback_index("fallback") := 0

fallback_index(via) := null if via != "fallback"

via_path("burst") := ["deployment", "burst", "to"]

via_path("fallback") := ["deployment", "fallbacks", 0, "to"]

via_path("route") := ["deployment", "routing", 0, "to"]

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

# Defect: a monitored hybrid target named no tool and passed.
test_monitored_target_without_tools_is_denied if {
	listed_without_tools := object.union(gpt, {"monitoringTools": []})
	doc := object.union(hybrid_input([route(0, "gpt", null)]), {"targets": [rack, listed_without_tools]})
	found := hybrid.deny with input as doc
	ids(found) == ["RW-HYB-002"]
	some f in found
	mentions(f.message, "names no tool")
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
		"reaches": [reach("records", "rack", "route"), reach("records", "gpt", "burst"), reach("faq", "gpt", "burst")],
	})
	found := hybrid.deny with input as doc with data.routewise.config as strict
	ids(found) == ["RW-HYB-003"]
	some f in found
	f.subject == {"dataClass": "records", "target": "gpt"}
	f.path == ["deployment", "burst", "excludeDataClasses"]
}

test_burst_excluding_regulated_data_passes if {
	doc := object.union(hybrid_input([route(0, "rack", null)]), {
		"dataClasses": [class("records", true, ["chat"])],
		"burst": burst_to("gpt", ["records"]),
		"reaches": [reach("records", "rack", "route")],
	})
	count(hybrid.deny) == 0 with input as doc with data.routewise.config as strict
}

test_burst_to_self_hosted_target_may_carry_regulated_data if {
	doc := object.union(hybrid_input([route(0, "gpt", null)]), {
		"dataClasses": [class("records", true, ["chat"])],
		"burst": burst_to("rack", []),
		"reaches": [reach("records", "rack", "burst")],
	})
	count(hybrid.deny) == 0 with input as doc with data.routewise.config as strict
}

# Defect: fallbacks did not exist in the model; a fallback to a cloud API took patient data.
test_fallback_of_regulated_data_to_cloud_api_is_denied_at_the_fallback if {
	doc := object.union(hybrid_input([route(0, "rack", null)]), {
		"dataClasses": [class("records", true, ["chat"])],
		"reaches": [reach("records", "rack", "route"), reach("records", "gpt", "fallback")],
	})
	found := hybrid.deny with input as doc with data.routewise.config as strict
	ids(found) == ["RW-HYB-003"]
	some f in found
	f.path == ["deployment", "fallbacks", 0, "excludeDataClasses"]
	mentions(f.message, "deployment.fallbacks[0].to")
}

test_regulated_class_routed_and_bursting_to_one_api_is_left_to_data_001 if {
	doc := object.union(hybrid_input([route(0, "gpt", null)]), {
		"dataClasses": [class("records", true, ["chat"])],
		"reaches": [reach("records", "gpt", "route"), reach("records", "gpt", "burst")],
	})
	count(hybrid.deny) == 0 with input as doc with data.routewise.config as strict
}

test_burst_of_regulated_data_where_the_organisation_allows_cloud_apis_passes if {
	doc := object.union(hybrid_input([route(0, "rack", null)]), {
		"dataClasses": [class("records", true, ["chat"])],
		"reaches": [reach("records", "gpt", "burst")],
	})
	count(hybrid.deny) == 0 with input as doc with data.routewise.config as lenient
}

strict := {"allowRegulatedOnCloudApi": false, "regulationsNeverOnCloudApi": ["pci-dss"]}

lenient := {"allowRegulatedOnCloudApi": true, "regulationsNeverOnCloudApi": ["pci-dss"]}

landing := {
	"workload": "support", "dataClass": "records", "with": ["faq"], "route": 0, "target": "gpt",
	"aloneTarget": "rack", "path": ["deployment", "routing", 0], "workloadPath": ["workloads", 0],
}

# Defect: routing per (workload, class) pair hid a public-first rule that takes patient records.
test_class_carried_by_a_mixed_request_to_another_target_warns if {
	doc := object.union(hybrid_input([route(0, "gpt", null), route(1, "rack", null)]), {"mixedLandings": [landing]})
	found := [f | some f in hybrid.warn; f.id == "RW-HYB-005"] with input as doc
	count(found) == 1
	found[0].subject == {"workload": "support", "dataClass": "records", "target": "gpt"}
	mentions(found[0].message, "records with faq")
	mentions(found[0].message, "deployment.routing[0]")
	mentions(found[0].message, "alone it goes to rack")
}

test_a_class_carried_to_a_safer_target_is_not_a_warning if {
	safer := object.union(landing, {"dataClass": "faq", "with": ["records"], "target": "rack", "aloneTarget": "gpt"})
	doc := object.union(hybrid_input([route(0, "rack", null), route(1, "gpt", null)]), {"mixedLandings": [safer]})
	count([f | some f in hybrid.warn; f.id == "RW-HYB-005"]) == 0 with input as doc
}

# Putting the sensitive class's rule first, as RW-HYB-005 advises, sends public text along with it
# to another API: nothing to protect, so no warning. The same landing of a personal class warns.
test_public_class_carried_to_another_api_is_not_a_warning if {
	bedrock := target("bedrock", "cloud-api", 1, true)
	faq_along := object.union(landing, {"dataClass": "faq", "with": ["records"], "target": "bedrock", "aloneTarget": "gpt"})
	classes := [{"id": "faq", "category": "public"}, {"id": "records", "category": "health"}]
	doc := object.union(hybrid_input([route(0, "bedrock", null), route(1, "gpt", null)]), {"targets": [rack, gpt, bedrock], "dataClasses": classes, "mixedLandings": [faq_along]})
	count([f | some f in hybrid.warn; f.id == "RW-HYB-005"]) == 0 with input as doc
	personal := [{"id": "faq", "category": "personal"}, {"id": "records", "category": "health"}]
	count([f | some f in hybrid.warn; f.id == "RW-HYB-005"]) == 1 with input as object.union(doc, {"dataClasses": personal})
}

test_no_mixed_landing_gives_no_hyb_005 if {
	doc := hybrid_input([route(0, "rack", null), route(1, "gpt", null)])
	count([f | some f in hybrid.warn; f.id == "RW-HYB-005"]) == 0 with input as doc
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
