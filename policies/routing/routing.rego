# Routing coverage (guidance 4): every request must go somewhere, and every declared data class
# and target should be used by some workload.
package routewise.rules.routing

# METADATA
# title: Every workload's data must have a route
# description: >-
#   Routing decides, per request, which target serves it. A request carrying only this class of
#   the workload matches no rule, so it has nowhere to go and would fail or fall to an unplanned
#   target. Judgement call: only requests of one class are reported, since a request carrying
#   several classes is matched whenever one of them is (a rule for any of its classes takes it).
# custom:
#   id: RW-DATA-003
#   severity: error
#   remediation: >-
#     Add a routing rule whose `when.dataClasses` or `when.workloads` matches this pair, or end
#     `deployment.routing` with a `when: { default: true }` rule.
#   guidance: "4. Hybrid deployments need clear routing rules."
deny contains finding if {
	some pair in input.unrouted
	finding := {
		"id": "RW-DATA-003",
		"message": sprintf("Workload %s sends data class %s, but no routing rule sends that pair to any target.", [pair.workload, pair.dataClass]),
		"path": pair.path,
		"subject": {"workload": pair.workload, "dataClass": pair.dataClass},
	}
}

unused contains item if {
	some class in input.dataClasses
	count(class.usedBy) == 0
	item := {
		"message": sprintf("Data class %s is declared but no workload uses it.", [class.id]),
		"path": class.path,
		"subject": {"dataClass": class.id},
	}
}

unused contains item if {
	some target in input.targets
	count(target.reachedBy) == 0
	item := {
		"message": sprintf("Target %s (%s) is declared but no workload reaches it by routing, default, burst or fallback.", [target.id, target.type]),
		"path": target.path,
		"subject": {"target": target.id},
	}
}

# METADATA
# title: Declared data classes and targets should be used
# description: >-
#   A data class no workload touches, or a target no workload reaches, is usually a leftover or a
#   routing mistake, and it makes the manifest claim more than the deployment does.
# custom:
#   id: RW-DATA-005
#   severity: warning
#   remediation: >-
#     Remove the unused entry, or list the data class under the workload that handles it, or add
#     the routing rule (or burst) that should send traffic to the target.
#   guidance: Hygiene. The manifest should describe exactly what is deployed.
warn contains finding if {
	some item in unused
	finding := object.union(item, {"id": "RW-DATA-005"})
}
