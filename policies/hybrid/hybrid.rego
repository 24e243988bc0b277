# Hybrid deployments (guidance 4): sensitive traffic to models you run, the rest to cloud APIs,
# which only works with clear routing, monitoring at both ends, and bursts that respect the data.
package routewise.rules.hybrid

import data.routewise.lib.reach

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

unmonitored(target) := "is not listed in deployment.monitoring" if not target.monitored

unmonitored(target) := "is listed in deployment.monitoring but names no tool" if {
	target.monitored
	count(target.monitoringTools) == 0
}

# METADATA
# title: Every target of a hybrid deployment must be monitored
# description: >-
#   Hybrid traffic crosses systems run by different parties; a failure or drift on an unwatched
#   end goes unseen. Both the self-hosted side and the cloud API side need monitoring. Judgement
#   call: an entry that names no tool is a promise, not monitoring, so it counts as unmonitored.
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
	why := unmonitored(target)
	finding := {
		"id": "RW-HYB-002",
		"message": sprintf("Target %s (%s) of this hybrid deployment %s.", [target.id, target.type, why]),
		"path": target.path,
		"subject": {"target": target.id},
	}
}

# (class, target) -> the overflow reaches (burst or fallback) that take a class which may not go
# to cloud APIs to a cloud API that routing does not already send it to (that is RW-DATA-001).
overflow contains [r.dataClass, r.target] if {
	some r in input.reaches
	r.via in overflow_vias
	targets[r.target].type == "cloud-api"
	reach.cloud_api_objection(classes[r.dataClass])
	not reach.routed(r.dataClass, r.target)
}

overflow_vias := {"burst", "fallback"}

overflow_paths(class_id, target_id) := [r.path | some r in input.reaches; r.dataClass == class_id; r.target == target_id; r.via in overflow_vias]

# Where the exclusion belongs: the burst, or the fallback whose `to` is the target.
exclusion_path(path) := ["deployment", "burst", "excludeDataClasses"] if path[1] == "burst"

exclusion_path(path) := ["deployment", "fallbacks", path[2], "excludeDataClasses"] if path[1] == "fallbacks"

described(path) := "burst.to" if path[1] == "burst"

described(path) := sprintf("deployment.fallbacks[%d].to", [path[2]]) if path[1] == "fallbacks"

# METADATA
# title: Bursts and fallbacks to cloud APIs must exclude regulated data
# description: >-
#   Bursting sends overflow traffic of every workload to the burst target, and a fallback sends a
#   failing target's traffic to another. When that target is a cloud API, regulated data would
#   leave your control exactly when load is highest or a system is down. Judgement calls: only
#   classes that can actually get there count (through routing to the failing target, followed
#   transitively), and only those no cloud API may receive (`allowRegulatedOnCloudApi`,
#   `regulationsNeverOnCloudApi`, as RW-DATA-001 judges them); a class that routing already sends
#   to the same API is RW-DATA-001's alone; missing agreements of an allowed cloud API are
#   RW-DATA-007's. Reported once per class and target, at the first burst or fallback that takes it.
# custom:
#   id: RW-HYB-003
#   severity: error
#   remediation: >-
#     Add the data class to `burst.excludeDataClasses` or to the fallback's `excludeDataClasses`
#     (those requests queue, shed load or fail over to your own capacity instead), or burst and
#     fall back to a self-hosted target.
#   guidance: "4. Base load on own hardware with bursts to APIs, but regulated data stays home."
deny contains finding if {
	some pair in overflow
	class := classes[pair[0]]
	path := overflow_paths(pair[0], pair[1])[0]
	finding := {
		"id": "RW-HYB-003",
		"message": sprintf("Regulated data class %s (used by %s) can reach cloud API target %s through %s, and is not excluded there.", [class.id, reach.senders(class.id, pair[1]), pair[1], described(path)]),
		"path": exclusion_path(path),
		"subject": {"dataClass": class.id, "target": pair[1]},
	}
}

rule_names(indices) := concat(", ", [sprintf("deployment.routing[%d]", [i]) | some i in indices])

# METADATA
# title: Routing rules must be reachable
# description: >-
#   Routing is first match wins, per request. A rule whose every request is already taken by
#   earlier rules, or by an earlier default, never applies, which usually means the author meant a
#   different order. Checking each class alone is enough: a rule that takes a mixed request first
#   also takes one of its classes alone first.
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

alone_routing(landing) := sprintf("alone it goes to %s", [landing.aloneTarget])

# How much of the data stays with you: own hardware, then own model on rented GPUs, then an API.
protection := {"on-premises": 2, "cloud-self-hosted": 1, "cloud-api": 0}

less_protected(target, alone) if {
	target.thirdParty == true
	protection[target.type] <= protection[alone.type]
}

# Public text has nothing to protect wherever a mixed request takes it.
public_class(id) if classes[id].category == "public"

# METADATA
# title: A rule for a less sensitive class must not take mixed requests away from a more specific rule
# description: >-
#   Routing is decided per request, and a request may carry several of its workload's classes (a
#   support chat holds public text and a patient's record at once). A rule for one class placed
#   before the rule for another class of the same workload takes every request carrying both, and
#   with it the second class, to the first rule's target. Judgement calls: only workloads that mix
#   classes (`mixesDataClasses`, default true) are judged; the finding names the combination, the
#   rule that takes it and the target, once per workload, class and target; a landing is reported
#   only when it is no safer than where the class goes alone: a third-party target of the same or a
#   less protected kind (on premises, then rented GPUs, then cloud APIs), so public text carried
#   with patient records to your own servers is not a warning; a public class is never judged
#   here (putting the patient records' rule first, as advised, sends public text along with them,
#   which harms no one, and the data rules still judge where it lands); a class with no route of
#   its own is RW-DATA-003's; whether the landing breaks a data rule is for those rules to say (RW-DATA-001
#   and the others read the same reaches).
# custom:
#   id: RW-HYB-005
#   severity: warning
#   remediation: >-
#     Put the rule for the more sensitive class first, or, if requests of this workload really
#     carry one class each, say `mixesDataClasses: false` on the workload.
#   guidance: "4. Hybrid needs clear routing rules."
warn contains finding if {
	some landing in input.mixedLandings
	not public_class(landing.dataClass)
	less_protected(targets[landing.target], targets[landing.aloneTarget])
	finding := {
		"id": "RW-HYB-005",
		"message": sprintf("In workload %s, a request carrying %s with %s is taken by deployment.routing[%d] to target %s, although %s.", [landing.workload, landing.dataClass, concat(", ", landing.with), landing.route, landing.target, alone_routing(landing)]),
		"path": landing.path,
		"subject": {"workload": landing.workload, "dataClass": landing.dataClass, "target": landing.target},
	}
}
