package routewise.rules.team_test

import data.routewise.rules.team

config := {"requiredSkills": {
	"cloud-api": [],
	"cloud-self-hosted": ["ml", "containers", "cloud-infra"],
	"on-premises": ["ml", "hardware"],
	"hybrid": ["integration"],
}}

target(id, type) := {"id": id, "type": type}

doc(strategy, targets, skills) := {
	"strategy": strategy, "targets": targets,
	"team": {"mlopsEngineers": 1, "skills": skills, "path": ["team"]},
}

test_on_prem_team_without_hardware_skills_warns if {
	found := team.warn with input as doc("on-premises", [target("rack", "on-premises")], ["ml"])
		with data.routewise.config as config
	count(found) == 1
	some f in found
	f.id == "RW-TEAM-001"
	f.path == ["team", "skills"]
	mentions(f.message, "(hardware)")
	mentions(f.message, "budget for hiring")
}

test_team_with_every_skill_passes if {
	count(team.warn) == 0 with input as doc("cloud-self-hosted", [target("vllm", "cloud-self-hosted")], ["ml", "containers", "cloud-infra"])
		with data.routewise.config as config
}

test_hybrid_needs_the_skills_of_its_targets_and_integration if {
	found := team.warn with input as doc("hybrid", [target("rack", "on-premises"), target("gpt", "cloud-api")], ["ml"])
		with data.routewise.config as config
	some f in found
	mentions(f.message, "(hardware, integration)")
	not mentions(f.message, "containers")
}

test_cloud_api_needs_no_special_skills if {
	count(team.warn) == 0 with input as doc("cloud-api", [target("gpt", "cloud-api")], [])
		with data.routewise.config as config
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0

test_a_kubernetes_team_has_container_skills if {
	implying := object.union(config, {"impliedSkills": {"kubernetes": ["containers"]}})
	count(team.warn) == 0 with input as doc("cloud-self-hosted", [target("vllm", "cloud-self-hosted")], ["ml", "kubernetes", "cloud-infra"])
		with data.routewise.config as implying
}

test_an_implied_skill_is_only_what_the_settings_say if {
	implying := object.union(config, {"impliedSkills": {"kubernetes": ["containers"]}})
	found := team.warn with input as doc("cloud-self-hosted", [target("vllm", "cloud-self-hosted")], ["ml", "containers"])
		with data.routewise.config as implying
	some f in found
	mentions(f.message, "(cloud-infra)")
}

test_settings_without_implied_skills_judge_skills_as_listed if {
	found := team.warn with input as doc("cloud-self-hosted", [target("vllm", "cloud-self-hosted")], ["ml", "kubernetes", "cloud-infra"])
		with data.routewise.config as config
	some f in found
	mentions(f.message, "(containers)")
}
