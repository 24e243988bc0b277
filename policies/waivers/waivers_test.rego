package routewise.rules.waivers_test

import data.routewise.rules.waivers

waiver(overrides) := object.union({
	"index": 0, "rule": "RW-DATA-001", "target": "gpt", "reason": "De-identified, legal review LGL-1",
	"approvedBy": "privacy-office", "expires": "2027-01-31", "expired": false, "path": ["waivers", 0],
}, overrides)

doc(w) := {
	"waivers": [w],
	"knownRuleIds": ["RW-DATA-001", "RW-DATA-004"],
	"targets": [{"id": "gpt"}], "dataClasses": [{"id": "records"}], "workloads": [{"id": "chat"}],
}

test_complete_current_waiver_passes if {
	count(waivers.deny) == 0 with input as doc(waiver({}))
}

test_waiver_may_name_a_data_class_or_workload if {
	count(waivers.deny) == 0 with input as doc(waiver({"target": "records"}))
	count(waivers.deny) == 0 with input as doc(waiver({"target": null}))
}

test_expired_waiver_is_denied if {
	found := waivers.deny with input as doc(waiver({"expires": "2026-01-31", "expired": true}))
	count(found) == 1
	some f in found
	f.id == "RW-WAIVE-001"
	f.path == ["waivers", 0, "expires"]
	mentions(f.message, "2026-01-31")
}

test_waiver_for_unknown_rule_is_denied if {
	found := waivers.deny with input as doc(waiver({"rule": "RW-DATA-999"}))
	count(found) == 1
	some f in found
	f.path == ["waivers", 0, "rule"]
	mentions(f.message, "RW-DATA-999")
}

test_waiver_for_unknown_target_is_denied if {
	found := waivers.deny with input as doc(waiver({"target": "claude"}))
	count(found) == 1
	some f in found
	f.path == ["waivers", 0, "target"]
}

test_waiver_without_reason_or_approver_is_denied_per_field if {
	found := waivers.deny with input as doc(waiver({"reason": null, "approvedBy": "  "}))
	paths := {f.path | some f in found}
	paths == {["waivers", 0, "reason"], ["waivers", 0, "approvedBy"]}
}

test_waiver_without_expiry_is_denied if {
	found := waivers.deny with input as doc(waiver({"expires": null}))
	count(found) == 1
	some f in found
	mentions(f.message, "lacks expires")
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
