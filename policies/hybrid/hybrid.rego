# Hybrid deployments (guidance 4): sensitive traffic to models you run, the rest to cloud APIs,
# which only works with clear routing, monitoring at both ends, and bursts that respect the data.
package routewise.rules.hybrid

targets := {t.id: t | some t in input.targets}

classes := {d.id: d | some d in input.dataClasses}

# METADATA
# title: Hybrid deployments need routing rules
# description: >-
#   A hybrid deployment is only as safe as the rules that decide which requests go where. Without
#   them every workload may reach every target, including sensitive data reaching cloud APIs.
# custom:
#   id: RW-HYB-001
#   severity: error
#   remediation: >-
#     Add `deployment.routing`: rules that send sensitive data classes (or specialised workloads)
#     to self-hosted targets first, then a `when: { default: true }` rule for everything else.
#   guidance: "4. Hybrid needs clear routing rules."
deny contains finding if {
	input.strategy == "hybrid"
	count(input.routing) == 0
	finding := {
		"id": "RW-HYB-001",
		"message": sprintf("Strategy is hybrid across %d targets, but deployment.routing declares no rules.", [count(input.targets)]),
		"path": ["deployment", "routing"],
	}
}

# METADATA
# title: Every target of a hybrid deployment must be monitored
# description: >-
#   Hybrid traffic crosses systems run by different parties; a failure or drift on an unwatched
#   end goes unseen. Both the self-hosted side and the cloud API side need monitoring.
# custom:
#   id: RW-HYB-002
#   severity: error
#   remediation: >-
#     List the target under `deployment.monitoring` with the tools that watch it (latency,
#     errors, cost and quality at both ends).
#   guidance: "4. Hybrid needs monitoring at both ends."
deny contains finding if {
	input.strategy == "hybrid"
	some target in input.targets
	not target.monitored
	finding := {
		"id": "RW-HYB-002",
		"message": sprintf("Target %s (%s) of this hybrid deployment is not listed in deployment.monitoring.", [target.id, target.type]),
		"path": target.path,
		"subject": {"target": target.id},
	}
}

# METADATA
# title: Bursts to cloud APIs must exclude regulated data
# description: >-
#   Bursting sends overflow traffic of every workload to the burst target. When that target is a
#   cloud API, regulated data would leave your control exactly when load is highest.
# custom:
#   id: RW-HYB-003
#   severity: error
#   remediation: >-
#     Add the data class to `burst.excludeDataClasses` (those requests queue or shed load on your
#     own capacity during spikes), or burst to a self-hosted target instead.
#   guidance: "4. Base load on own hardware with bursts to APIs, but regulated data stays home."
deny contains finding if {
	burst := input.burst
	targets[burst.to].type == "cloud-api"
	some class in input.dataClasses
	class.regulated == true
	count(class.usedBy) > 0
	not class.id in burst.excludeDataClasses
	finding := {
		"id": "RW-HYB-003",
		"message": sprintf("Burst target %s is a cloud API, but regulated data class %s (used by %s) is not in burst.excludeDataClasses.", [burst.to, class.id, concat(", ", sort(class.usedBy))]),
		"path": array.concat(burst.path, ["excludeDataClasses"]),
		"subject": {"dataClass": class.id, "target": burst.to},
	}
}

rule_names(indices) := concat(", ", [sprintf("deployment.routing[%d]", [i]) | some i in indices])

# METADATA
# title: Routing rules must be reachable
# description: >-
#   Routing is first match wins. A rule whose every (workload, data class) pair is already taken by
#   earlier rules, or by an earlier default, never applies, which usually means the author meant a
#   different order.
# custom:
#   id: RW-HYB-004
#   severity: warning
#   remediation: >-
#     Move the rule above the rules that shadow it (a `default: true` rule belongs last), or
#     remove it if it is redundant.
#   guidance: "4. Hybrid needs clear routing rules."
warn contains finding if {
	some route in input.routing
	route.shadowedBy != null
	finding := {
		"id": "RW-HYB-004",
		"message": sprintf("deployment.routing[%d] (to %s) can never match: %s already match(es) every request it would.", [route.index, route.to, rule_names(route.shadowedBy)]),
		"path": route.path,
		"subject": {"target": route.to},
	}
}
