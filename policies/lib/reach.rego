# Shared by the built-in rules: how a data class reaches a target, whether its data may leave
# for a cloud API at all, where a region lies and whether that is inside a residency. Reaches themselves are computed once, per
# request, in the policy input; these only read them.
package routewise.lib.reach

config := data.routewise.config

# Routing (a rule, the default, or no routing at all) as opposed to overflow and failover.
primary_vias := {"route", "default", "unrestricted"}

# Whether routing sends the class to the target. A scan, not a set of pairs: a manifest has few
# reaches, and building sets of tuples costs more than looking through them.
routed(class_id, target_id) if {
	some r in input.reaches
	r.dataClass == class_id
	r.target == target_id
	r.via in primary_vias
}

# The first reach of a class to a target, for the finding's path (routing before burst/fallback).
first(class_id, target_id) := reaches[0] if {
	reaches := [r | some r in input.reaches; r.dataClass == class_id; r.target == target_id]
}

senders(class_id, target_id) := concat(", ", sort({r.workload |
	some r in input.reaches
	r.dataClass == class_id
	r.target == target_id
}))

# Regulations of a class that never allow its data on a cloud API.
never_on_cloud_api(class) := {reg | some reg in class.regulations; reg in config.regulationsNeverOnCloudApi}

# Why regulated data of this class may not go to any cloud API; undefined when it may.
cloud_api_objection(class) := "the organisation does not allow regulated data on cloud APIs" if {
	class.regulated == true
	not config.allowRegulatedOnCloudApi
}

cloud_api_objection(class) := sprintf("%s data is never allowed on cloud APIs", [concat(", ", sort(never)), ]) if {
	class.regulated == true
	config.allowRegulatedOnCloudApi == true
	never := never_on_cloud_api(class)
	count(never) > 0
}

# The agreements a regulation needs of a third-party target (regulationAgreements), as a list.
agreements_needed(reg) := a if {
	a := config.regulationAgreements[reg]
	is_array(a)
} else := [a] if {
	a := config.regulationAgreements[reg]
	is_string(a)
}

# A class forces self-hosting when no cloud API may receive it.
must_stay(class) if cloud_api_objection(class)

# Every place a region lies in: itself, the places regionJurisdictions lists for it, and the
# blocs of those places (countryBlocs), all lower case.
places(region) := {p | some p in direct(region)} | {b | some p in direct(region); some b in bloc_list(p)}

direct(region) := {region} | {lower(p) | some p in region_list(region)}

region_list(region) := l if {
	l := config.regionJurisdictions[region]
	is_array(l)
} else := [l] if {
	l := config.regionJurisdictions[region]
	is_string(l)
} else := []

bloc_list(place) := l if {
	l := config.countryBlocs[place]
	is_array(l)
} else := []

# Why something that processes data lies outside the places `allowed` (a residency list);
# undefined when it lies inside. `at` has `region`, `processingScope` and `dataZone`, as targets
# and gateway deployments do; `where` is places(at.region), which callers work out once.
# Residency (RW-DATA-002) and the gateway's drift (RW-DRIFT-002, RW-DRIFT-003) judge alike.
# Read with object.get: a rule of the organisation's may pass an object without these fields, and
# a negated call on a missing field would make the body fail instead of saying so.
outside(at, _, _) := "which declares no region" if not is_string(object.get(at, "region", null))

outside(at, _, _) := sprintf("in region %s with processingScope global (the provider may process it anywhere)", [at.region]) if {
	is_string(at.region)
	at.processingScope == "global"
}

outside(at, _, _) := sprintf("in region %s with processingScope data-zone but no dataZone", [at.region]) if {
	is_string(at.region)
	at.processingScope == "data-zone"
	not is_string(object.get(at, "dataZone", null))
}

outside(at, _, allowed) := sprintf("in region %s with processingScope data-zone %s, which is not itself listed", [at.region, at.dataZone]) if {
	is_string(at.region)
	at.processingScope == "data-zone"
	is_string(at.dataZone)
	not at.dataZone in allowed
}

outside(at, where, allowed) := sprintf("in region %s, which lies in %s", [at.region, concat(", ", sort(where))]) if {
	is_string(at.region)
	at.processingScope == "regional"
	not lies_in(where, allowed)
}

lies_in(where, allowed) if {
	some p in allowed
	p in where
}
