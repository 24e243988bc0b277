# Skills (guidance 7): each kind of target needs its own expertise, and hybrid adds integration.
package routewise.rules.team

config := data.routewise.config

required contains skill if {
	some t in input.targets
	some skill in config.requiredSkills[t.type]
}

required contains skill if {
	some skill in config.requiredSkills[input.strategy]
}

# The team's skills and those they include (a Kubernetes team runs containers).
skills contains skill if some skill in input.team.skills

skills contains implied if {
	some skill in input.team.skills
	some implied in object.get(config, ["impliedSkills", skill], [])
}

missing := {s | some s in required; not s in skills}

# METADATA
# title: The team lacks skills the strategy needs
# description: >-
#   On premises needs hardware expertise on top of ML; cloud self-hosting needs container and cloud
#   infrastructure skills; hybrid needs all of those plus integration experience. A skill that
#   includes another counts for both (impliedSkills: a team running Kubernetes runs containers),
#   so the warning names only what the team would truly have to hire or train for.
# custom:
#   id: RW-TEAM-001
#   severity: warning
#   remediation: >-
#     Budget for hiring or training in the missing skills, or start with cloud APIs and move to
#     self-hosting once the team has them; then list them under `team.skills`.
#   guidance: "7. Lacking the skills a strategy needs, budget for hiring or start with APIs."
warn contains finding if {
	count(missing) > 0
	finding := {
		"id": "RW-TEAM-001",
		"message": sprintf("Strategy %s needs skills the team lacks (%s); budget for hiring or start with cloud APIs.", [input.strategy, concat(", ", sort(missing))]),
		"path": array.concat(input.team.path, ["skills"]),
	}
}
