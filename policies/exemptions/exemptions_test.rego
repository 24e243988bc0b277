package routewise.rules.exemptions_test

import data.routewise.rules.exemptions

exemption := {"reason": "Aggregated counts only, no record-level data", "approvedBy": "privacy-office", "expires": "2027-01-31"}

doc(class) := {
	"today": "2026-12-01",
	"manifest": {"dataClasses": [class]},
	"waivers": [],
	"knownRuleIds": ["RW-DATA-006"],
	"targets": [], "dataClasses": [], "workloads": [],
}

test_health_marked_unregulated_without_exemption_fails if {
	found := exemptions.deny with input as doc({"id": "notes", "category": "health", "regulated": false})
	some f in found
	f.id == "RW-DATA-006"
	f.path == ["dataClasses", 0, "regulated"]
	f.subject == {"dataClass": "notes"}
}

test_complete_current_exemption_passes if {
	count(exemptions.deny) == 0 with input as doc({"id": "notes", "category": "financial", "regulated": false, "regulatedExemption": exemption})
}

test_expired_or_incomplete_exemption_fails if {
	count(exemptions.deny) == 1 with input as doc({"id": "cards", "category": "payment-card", "regulated": false, "regulatedExemption": object.union(exemption, {"expires": "2026-11-30"})})
	count(exemptions.deny) == 1 with input as doc({"id": "cards", "category": "payment-card", "regulated": false, "regulatedExemption": object.remove(exemption, ["approvedBy"])})
}

test_exemption_beyond_the_organisation_limits_fails if {
	count(exemptions.deny) == 1 with input as doc({"id": "notes", "category": "health", "regulated": false, "regulatedExemption": object.union(exemption, {"expires": "2099-01-01"})})
	count(exemptions.deny) == 1 with input as doc({"id": "notes", "category": "health", "regulated": false, "regulatedExemption": exemption})
		with data.routewise.config.allowedApprovers as ["ciso"]
}

test_other_categories_and_regulated_classes_are_not_judged if {
	count(exemptions.deny) == 0 with input as doc({"id": "chat", "category": "personal", "regulated": false})
	count(exemptions.deny) == 0 with input as doc({"id": "notes", "category": "health", "regulated": true})
	count(exemptions.deny) == 0 with input as doc({"id": "notes", "category": "health"})
}
