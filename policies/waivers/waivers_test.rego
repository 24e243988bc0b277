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

dated(w) := object.union(doc(w), {"today": "2026-12-01"})

test_expired_waiver_is_a_warning_until_routewise_finds_what_it_named if {
	found := waivers.deny with input as dated(waiver({"expires": "2026-01-31", "expired": true}))
	some f in found
	f.severity == "warning"
}

test_waivers_of_the_waiver_and_exemption_rules_are_denied if {
	some rule in ["RW-WAIVE-001", "RW-DATA-006"]
	found := waivers.deny with input as dated(object.union(waiver({"rule": rule, "target": null}), {})) with input.knownRuleIds as [rule]
	some f in found
	f.path == ["waivers", 0, "rule"]
	mentions(f.message, "cannot be waived")
}

test_waiver_beyond_max_waiver_days_is_denied if {
	found := waivers.deny with input as dated(waiver({"expires": "9999-12-31"}))
	some f in found
	f.path == ["waivers", 0, "expires"]
	mentions(f.message, "2027-12-01")
	count(waivers.deny) == 0 with input as dated(waiver({"expires": "2027-12-01"}))
	count(waivers.deny) == 1 with input as dated(waiver({"expires": "2027-03-01"})) with data.routewise.config.maxWaiverDays as 30
}

test_waiver_by_someone_not_allowed_is_denied_when_approvers_are_set if {
	count(waivers.deny) == 0 with input as dated(waiver({"approvedBy": "pr-author"}))
	found := waivers.deny with input as dated(waiver({"approvedBy": "pr-author"})) with data.routewise.config.allowedApprovers as ["privacy-office"]
	some f in found
	f.path == ["waivers", 0, "approvedBy"]
	mentions(f.message, "pr-author")
	count(waivers.deny) == 0 with input as dated(waiver({})) with data.routewise.config.allowedApprovers as ["privacy-office"]
}

test_retired_rule_is_known_with_a_warning_naming_its_replacement if {
	found := waivers.deny with input as dated(waiver({"rule": "RW-VOL-001", "target": null}))
	count(found) == 1
	some f in found
	f.severity == "warning"
	mentions(f.message, "RW-COST-001")
}

test_regulated_exemption_is_judged_like_a_waiver if {
	exemption := {"reason": "Aggregates only", "approvedBy": "pr-author", "expires": "9999-12-31"}
	input_doc := object.union(dated(waiver({})), {"manifest": {"dataClasses": [{"id": "notes", "category": "health", "regulated": false, "regulatedExemption": exemption}]}})
	found := waivers.deny with input as input_doc with data.routewise.config.allowedApprovers as ["privacy-office"]
	paths := {f.path | some f in found}
	paths == {["dataClasses", 0, "regulatedExemption", "approvedBy"], ["dataClasses", 0, "regulatedExemption", "expires"]}
}
