# Time to launch (guidance 8): APIs launch in days, self-hosting takes weeks to months.
package routewise.rules.timeline

config := data.routewise.config

weeks := input.timeline.weeksUntilLaunch

# How far launch is, for people: rounded to a tenth of a week, or already past.
horizon := "the launch date has already passed" if {
	is_number(weeks)
	weeks < 0
}

horizon := sprintf("launch is only %v weeks away", [round(weeks * 10) / 10]) if {
	is_number(weeks)
	weeks >= 0
}

where := array.concat(input.timeline.path, ["launchBy"]) if is_string(input.timeline.launchBy)

where := array.concat(input.timeline.path, ["weeksToLaunch"]) if not is_string(input.timeline.launchBy)

ids_of(kind) := [t.id | some t in input.targets; t.type == kind]

lead_times contains {"kind": "on-premises", "weeks": config.minWeeksOnPrem}

lead_times contains {"kind": "cloud-self-hosted", "weeks": config.minWeeksSelfHosted}

# METADATA
# title: Launch is too soon for the chosen targets
# description: >-
#   Buying and installing servers takes months and standing up self-hosted GPUs takes weeks,
#   while cloud APIs launch in days. A launch date inside that lead time puts the plan at risk.
# custom:
#   id: RW-TIME-001
#   severity: warning
#   remediation: >-
#     Launch on cloud APIs first and move to self-hosted or on-premises targets once they are
#     ready (and volume justifies it), or move the launch date.
#   guidance: "8. APIs launch in days, self-hosting in months; many start on APIs and move later."
warn contains finding if {
	is_number(weeks)
	some lead in lead_times
	weeks < lead.weeks
	ids := ids_of(lead.kind)
	count(ids) > 0
	finding := {
		"id": "RW-TIME-001",
		"message": sprintf("The %s target(s) %s typically need at least %v weeks to stand up, but %s.", [lead.kind, concat(", ", ids), lead.weeks, horizon]),
		"path": where,
	}
}
