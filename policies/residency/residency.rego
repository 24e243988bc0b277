# Data residency (guidance 1): a data class restricted to some places must only reach targets
# that process it within one of them. Places are blocs, countries or region codes; where a
# cloud region lies comes from `regionJurisdictions` and `countryBlocs` (data.yaml).
package routewise.rules.residency

import data.routewise.lib.reach

classes := {d.id: d | some d in input.dataClasses}

targets := {t.id: t | some t in input.targets}

# Where each target with a region lies, worked out once per target rather than per reach.
target_places := {t.id: reach.places(t.region) | some t in input.targets; is_string(t.region)}

breaches contains [r.dataClass, r.target] if {
	some r in input.reaches
	allowed := classes[r.dataClass].residency
	is_array(allowed)
	target := targets[r.target]
	reach.outside(target, object.get(target_places, target.id, set()), allowed)
}

# METADATA
# title: Data with residency limits must stay in its places
# description: >-
#   A data class with `residency` may only be processed in the listed places: blocs (eu), countries
#   (de, us, uk) or region codes (eu-central-1 means that region only). A target lies where its
#   `region` lies: the region code itself, its country and that country's blocs
#   (`regionJurisdictions` and `countryBlocs`, for the regions of AWS, Azure, Google Cloud,
#   Oracle, Scaleway and Hetzner; organisations add their own). Judgement calls: a target that does not say where it runs
#   cannot show that the limit holds; `processingScope: global` may process anywhere, so it is
#   outside every list; `data-zone` is inside only when its `dataZone` is itself listed (a zone
#   spans countries, so listing one of them is not enough); a region code unknown to the table lies
#   only in itself; every way of reaching counts, burst and fallbacks included.
# custom:
#   id: RW-DATA-002
#   severity: error
#   remediation: >-
#     Route this data class to a target whose `region` lies in its `residency` list (for cloud
#     APIs, a regional deployment in that place, not a global one), declare the target's `region`
#     if it already runs there, or add an unknown region code to `regionJurisdictions` with --data.
#   guidance: "1. Data requirements come first, including where data may be processed."
deny contains finding if {
	some pair in breaches
	class := classes[pair[0]]
	target := targets[pair[1]]
	finding := {
		"id": "RW-DATA-002",
		"message": sprintf("Data class %s may be processed only in %s, but reaches target %s %s.", [class.id, concat(", ", class.residency), target.id, reach.outside(target, object.get(target_places, target.id, set()), class.residency)]),
		"path": reach.first(class.id, target.id).path,
		"subject": {"dataClass": class.id, "target": target.id},
	}
}
