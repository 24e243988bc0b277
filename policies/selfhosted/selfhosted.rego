# Cloud self-hosting (guidance 3): models on rented GPU instances still need people who run
# ML infrastructure.
package routewise.rules.selfhosted

config := data.routewise.config

self_hosted_ids := [t.id | some t in input.targets; t.type == "cloud-self-hosted"]

# METADATA
# title: Cloud self-hosted targets need MLOps engineers
# description: >-
#   Renting GPUs removes the hardware but not the work: someone must package, deploy, scale and
#   monitor the model servers. Without MLOps staff, use a cloud API instead.
# custom:
#   id: RW-SELF-001
#   severity: error
#   remediation: >-
#     Assign at least one MLOps engineer (`team.mlopsEngineers`), or serve these workloads from a
#     managed cloud API until the team exists.
#   guidance: "3. Cloud self-hosting still needs ML infrastructure and container/cloud skills."
deny contains finding if {
	count(self_hosted_ids) > 0
	input.team.mlopsEngineers < config.minMlopsForSelfHosted
	finding := {
		"id": "RW-SELF-001",
		"message": sprintf("Cloud self-hosted target(s) %s need at least %v MLOps engineer(s), but team.mlopsEngineers is %v.", [concat(", ", self_hosted_ids), config.minMlopsForSelfHosted, input.team.mlopsEngineers]),
		"path": array.concat(input.team.path, ["mlopsEngineers"]),
	}
}
