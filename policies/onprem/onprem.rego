# On-premises deployments (guidance 2): full control and no per-token fees, paid for with
# dedicated MLOps staff and serious hardware money.
package routewise.rules.onprem

config := data.routewise.config

on_prem := [t | some t in input.targets; t.type == "on-premises"]

on_prem_ids := concat(", ", [t.id | some t in on_prem])

# METADATA
# title: On-premises targets need dedicated MLOps engineers
# description: >-
#   Models on your own servers need people who install, patch, monitor and scale them. Without
#   dedicated MLOps staff an on-premises deployment stalls or fails quietly. Judgement call: the
#   default minimum is two (`minMlopsForOnPrem`), since hardware fails at night and one person
#   cannot be on call all the time.
# custom:
#   id: RW-ONPREM-001
#   severity: error
#   remediation: >-
#     Staff the team (`team.mlopsEngineers`) before going on premises, or serve these workloads
#     from cloud APIs or cloud self-hosted GPUs until the team exists.
#   guidance: "2. On-premises needs dedicated MLOps staff and physical infrastructure."
deny contains finding if {
	count(on_prem) > 0
	input.team.mlopsEngineers < config.minMlopsForOnPrem
	finding := {
		"id": "RW-ONPREM-001",
		"message": sprintf("On-premises target(s) %s need at least %v MLOps engineer(s), but team.mlopsEngineers is %v.", [on_prem_ids, config.minMlopsForOnPrem, input.team.mlopsEngineers]),
		"path": array.concat(input.team.path, ["mlopsEngineers"]),
	}
}

capex_of(target) := target.hardware.capexUsd if is_number(target.hardware.capexUsd)

# METADATA
# title: On-premises hardware must be costed
# description: >-
#   An on-premises target without a stated hardware cost hides the largest cost of the plan.
#   Judgement calls: there is no floor on the price (a two-GPU server for $38,000 is a legitimate
#   choice for a small model, and a floor would fail it for being cheap); comparing capex with
#   `budget.capexUsd` is RW-COST-003's, so a budget shortfall is reported there, not here.
# custom:
#   id: RW-ONPREM-002
#   severity: warning
#   remediation: >-
#     Set `hardware.capexUsd` on each on-premises target to the quoted purchase cost (servers, power,
#     cooling and space), so the cost rules can weigh it against the budget.
#   guidance: "2. On-premises needs serious hardware money."
warn contains finding if {
	some target in on_prem
	not capex_of(target)
	finding := {
		"id": "RW-ONPREM-002",
		"message": sprintf("On-premises target %s does not state its hardware cost (hardware.capexUsd).", [target.id]),
		"path": array.concat(target.path, ["hardware", "capexUsd"]),
		"subject": {"target": target.id},
	}
}
