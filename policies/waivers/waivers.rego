# Waivers (accepted, justified exceptions) must themselves be valid: current, about a real rule
# and a real id, with a reason, an approver and an expiry date. The author of a pull request can
# write waivers, so the organisation may name who approves them (`allowedApprovers`) and how far
# ahead they may run (`maxWaiverDays`); `regulatedExemption` of a data class obeys the same.
package routewise.rules.waivers

config := data.routewise.config

# Rules whose findings no waiver may accept: the waiver rule itself, and the exemption rule.
unwaivable := {"RW-WAIVE-001", "RW-DATA-006"}

# Retired rule ids stay known to waivers for one minor version, with the id that replaced them.
retired := {"RW-VOL-001": "RW-COST-001", "RW-VOL-003": "RW-COST-002"}

max_days := object.get(config, "maxWaiverDays", 365)

allowed_approvers := object.get(config, "allowedApprovers", null)

# Both waivers and exemptions: [what it is called, its path, the object].
approvals contains [sprintf("waivers[%d] for %s", [w.index, w.rule]), w.path, w] if some w in input.waivers

approvals contains [sprintf("the regulatedExemption of data class %s", [d.id]), ["dataClasses", i, "regulatedExemption"], d.regulatedExemption] if {
	some i, d in input.manifest.dataClasses
	is_object(d.regulatedExemption)
}

# The last day an approval may run to: today plus maxWaiverDays. Dates compare as text, so an
# expiry far beyond what nanosecond time can hold (9999-12-31) is still judged.
latest_expiry := sprintf("%04d-%02d-%02d", time.date(time.add_date(time.parse_ns("2006-01-02", input.today), 0, 0, max_days)))

known_ids := {t.id | some t in input.targets} | {d.id | some d in input.dataClasses} | {w.id | some w in input.workloads}

blank(value) if not is_string(value)

blank(value) if {
	is_string(value)
	trim_space(value) == ""
}

# Expired: a warning here; when the finding it named is present, routewise gives this finding
# that finding's severity (rules.md, RW-WAIVE-001 severity).
problems contains item if {
	some w in input.waivers
	w.expired == true
	item := {
		"message": sprintf("waivers[%d] for %s expired on %s and no longer applies.", [w.index, w.rule, w.expires]),
		"path": array.concat(w.path, ["expires"]),
		"severity": "warning",
	}
}

problems contains item if {
	some i, d in input.manifest.dataClasses
	is_string(d.regulatedExemption.expires)
	d.regulatedExemption.expires < input.today
	item := {
		"message": sprintf("the regulatedExemption of data class %s expired on %s and no longer applies.", [d.id, d.regulatedExemption.expires]),
		"path": ["dataClasses", i, "regulatedExemption", "expires"],
	}
}

problems contains item if {
	some w in input.waivers
	not w.rule in input.knownRuleIds
	not retired[w.rule]
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
	some [name, path, approval] in approvals
	some field in ["reason", "approvedBy", "expires"]
	blank(object.get(approval, field, null))
	item := {
		"message": sprintf("%s lacks %s.", [name, field]),
		"path": array.concat(path, [field]),
	}
}

problems contains item if {
	some w in input.waivers
	replacement := retired[w.rule]
	not w.rule in input.knownRuleIds
	item := {
		"message": sprintf("waivers[%d] names retired rule %s; %s replaces it: waive that rule instead if its finding needs a waiver.", [w.index, w.rule, replacement]),
		"path": array.concat(w.path, ["rule"]),
		"severity": "warning",
	}
}

problems contains item if {
	some w in input.waivers
	w.rule in unwaivable
	item := {
		"message": sprintf("waivers[%d] waives %s, which cannot be waived.", [w.index, w.rule]),
		"path": array.concat(w.path, ["rule"]),
	}
}

problems contains item if {
	is_array(allowed_approvers)
	some [name, path, approval] in approvals
	is_string(approval.approvedBy)
	not blank(approval.approvedBy)
	not approval.approvedBy in allowed_approvers
	item := {
		"message": sprintf("%s is approved by %s, who is not among the organisation's allowed approvers (%s).", [name, approval.approvedBy, concat(", ", [sprintf("%v", [a]) | some a in allowed_approvers])]),
		"path": array.concat(path, ["approvedBy"]),
	}
}

problems contains item if {
	some [name, path, approval] in approvals
	is_string(approval.expires)
	approval.expires > latest_expiry
	item := {
		"message": sprintf("%s expires on %s, more than %d days from today (the latest allowed is %s).", [name, approval.expires, max_days, latest_expiry]),
		"path": array.concat(path, ["expires"]),
	}
}

# METADATA
# title: Waivers must be current, specific and justified
# description: >-
#   A waiver turns a finding into an accepted exception, so it must say why, who approved it and
#   until when, and it must name a rule (and id) that exists. Expired waivers stop applying. When
#   the organisation sets allowedApprovers or maxWaiverDays, a waiver or regulatedExemption
#   approved by anyone else, or running longer, does not apply. RW-WAIVE-001 and RW-DATA-006
#   cannot be waived.
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
