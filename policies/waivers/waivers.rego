# Waivers (accepted, justified exceptions) must themselves be valid: current, about a real rule
# and a real id, with a reason, an approver and an expiry date.
package routewise.rules.waivers

known_ids := {t.id | some t in input.targets} | {d.id | some d in input.dataClasses} | {w.id | some w in input.workloads}

blank(value) if not is_string(value)

blank(value) if {
	is_string(value)
	trim_space(value) == ""
}

problems contains item if {
	some w in input.waivers
	w.expired == true
	item := {
		"message": sprintf("waivers[%d] for %s expired on %s and no longer applies.", [w.index, w.rule, w.expires]),
		"path": array.concat(w.path, ["expires"]),
	}
}

problems contains item if {
	some w in input.waivers
	not w.rule in input.knownRuleIds
	item := {
		"message": sprintf("waivers[%d] names rule %s, which no loaded policy reports.", [w.index, w.rule]),
		"path": array.concat(w.path, ["rule"]),
	}
}

problems contains item if {
	some w in input.waivers
	is_string(w.target)
	not w.target in known_ids
	item := {
		"message": sprintf("waivers[%d] for %s names %s, which is no target, data class or workload of this manifest.", [w.index, w.rule, w.target]),
		"path": array.concat(w.path, ["target"]),
	}
}

problems contains item if {
	some w in input.waivers
	some field in ["reason", "approvedBy", "expires"]
	blank(w[field])
	item := {
		"message": sprintf("waivers[%d] for %s lacks %s.", [w.index, w.rule, field]),
		"path": array.concat(w.path, [field]),
	}
}

# METADATA
# title: Waivers must be current, specific and justified
# description: >-
#   A waiver turns a finding into an accepted exception, so it must say why, who approved it and
#   until when, and it must name a rule (and id) that exists. Expired waivers stop applying.
# custom:
#   id: RW-WAIVE-001
#   severity: error
#   remediation: >-
#     Renew the waiver with a new `expires` date after a fresh review, or fix the underlying
#     finding and delete the waiver; give every waiver a `rule` that exists, a `reason`, an
#     `approvedBy` and an `expires` date.
#   guidance: Waivers are reviewed exceptions with an owner and an end date.
deny contains finding if {
	some item in problems
	finding := object.union(item, {"id": "RW-WAIVE-001"})
}
