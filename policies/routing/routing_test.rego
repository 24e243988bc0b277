package routewise.rules.routing_test

import data.routewise.rules.routing

class(id, used_by) := {
	"id": id, "category": "internal", "regulated": false, "regulations": [],
	"residency": null, "usedBy": used_by, "path": ["dataClasses", 0],
}

target(id, reached_by) := {
	"id": id, "type": "cloud-api", "model": "m", "provider": "openai", "region": null,
	"openWeights": false, "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": null, "monitored": true, "reachedBy": reached_by, "path": ["deployment", "targets", 3],
}

test_unrouted_pair_is_denied if {
	found := routing.deny with input as {"unrouted": [{"workload": "chat", "dataClass": "docs", "path": ["workloads", 0, "dataClasses", 1]}]}
	count(found) == 1
	some f in found
	f.id == "RW-DATA-003"
	f.path == ["workloads", 0, "dataClasses", 1]
	f.subject == {"workload": "chat", "dataClass": "docs"}
}

test_fully_routed_manifest_passes if {
	count(routing.deny) == 0 with input as {"unrouted": []}
}

test_data_class_used_by_no_workload_warns if {
	found := routing.warn with input as {"dataClasses": [class("docs", ["chat"]), class("orphan", [])], "targets": []}
	count(found) == 1
	some f in found
	f.id == "RW-DATA-005"
	f.subject == {"dataClass": "orphan"}
}

test_target_reached_by_no_workload_warns if {
	found := routing.warn with input as {"dataClasses": [], "targets": [target("gpt", ["chat"]), target("spare", [])]}
	count(found) == 1
	some f in found
	f.id == "RW-DATA-005"
	f.subject == {"target": "spare"}
	f.path == ["deployment", "targets", 3]
}

test_everything_used_passes if {
	count(routing.warn) == 0 with input as {"dataClasses": [class("docs", ["chat"])], "targets": [target("gpt", ["chat"])]}
}
