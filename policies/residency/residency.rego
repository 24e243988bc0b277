# Data residency (guidance 1): a data class restricted to some regions must only reach targets
# that declare a region in that list.
package routewise.rules.residency

classes := {d.id: d | some d in input.dataClasses}

targets := {t.id: t | some t in input.targets}

first_reach(class_id, target_id) := reaches[0] if {
	reaches := [r | some r in input.reaches; r.dataClass == class_id; r.target == target_id]
}

breaches contains [r.dataClass, r.target] if {
	some r in input.reaches
	allowed := classes[r.dataClass].residency
	is_array(allowed)
	not targets[r.target].region in allowed
}

whereabouts(target) := sprintf("in region %s", [target.region]) if is_string(target.region)

whereabouts(target) := "which declares no region" if not is_string(target.region)

# METADATA
# title: Data with residency limits must stay in its regions
# description: >-
#   A data class with `residency` may only be processed in the listed regions. A target outside
#   them, or one that does not say where it runs, cannot show that the limit holds.
# custom:
#   id: RW-DATA-002
#   severity: error
#   remediation: >-
#     Route this data class to a target whose `region` is in its `residency` list (for cloud APIs,
#     pick the provider's regional endpoint), or declare the target's `region` if it already
#     runs there.
#   guidance: "1. Data requirements come first, including where data may be processed."
deny contains finding if {
	some pair in breaches
	class := classes[pair[0]]
	target := targets[pair[1]]
	finding := {
		"id": "RW-DATA-002",
		"message": sprintf("Data class %s may be processed only in %s, but reaches target %s %s.", [class.id, concat(", ", class.residency), target.id, whereabouts(target)]),
		"path": first_reach(class.id, target.id).path,
		"subject": {"dataClass": class.id, "target": target.id},
	}
}
