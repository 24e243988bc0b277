# Health, financial and payment-card data is regulated unless someone accountable says otherwise:
# `regulated: false` on such a class needs a complete, current regulatedExemption, judged like a
# waiver (reason, approver, expiry; the organisation's allowedApprovers and maxWaiverDays).
package routewise.rules.exemptions

import data.routewise.rules.waivers

regulated_by_default := {"health", "financial", "payment-card"}

exemption_path(i) := ["dataClasses", i, "regulatedExemption"]

# What RW-WAIVE-001 finds wrong with the exemption of the class at index i.
faults(i) := {p.message |
	some p in waivers.problems
	array.slice(p.path, 0, 3) == exemption_path(i)
}

unexempted contains [i, d, "without a regulatedExemption"] if {
	some i, d in input.manifest.dataClasses
	d.regulated == false
	d.category in regulated_by_default
	# object.get, not the bare ref: a missing field would make the whole body undefined (OPA moves
	# refs out of a negated call), and the rule would never fire.
	not is_object(object.get(d, "regulatedExemption", null))
}

unexempted contains [i, d, "and its regulatedExemption does not hold (see RW-WAIVE-001)"] if {
	some i, d in input.manifest.dataClasses
	d.regulated == false
	d.category in regulated_by_default
	is_object(d.regulatedExemption)
	count(faults(i)) > 0
}

# METADATA
# title: Regulated categories need an approved exemption to be treated as unregulated
# description: >-
#   Health, financial and payment-card data is regulated by default. Marking such a class
#   `regulated: false` switches off the rules that keep it away from cloud APIs, so it needs a
#   `regulatedExemption` with a reason, an approver and an expiry date, accepted under the
#   organisation's allowedApprovers and maxWaiverDays. This rule cannot be waived.
# custom:
#   id: RW-DATA-006
#   severity: error
#   remediation: >-
#     Remove `regulated: false`, or add a `regulatedExemption` with `reason`, `approvedBy` (an
#     allowed approver) and an `expires` date within the organisation's limit.
#   guidance: An exemption from regulation is a decision someone accountable signs and dates.
deny contains finding if {
	some [i, d, why] in unexempted
	finding := {
		"id": "RW-DATA-006",
		"message": sprintf("Data class %s is %s data marked regulated: false %s.", [d.id, d.category, why]),
		"path": ["dataClasses", i, "regulated"],
		"subject": {"dataClass": d.id},
	}
}
