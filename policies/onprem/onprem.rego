# On-premises deployments (guidance 2): full control and no per-token fees, paid for with
# dedicated MLOps staff and serious hardware money.
package routewise.rules.onprem

import data.routewise.lib.format

config := data.routewise.config

on_prem := [t | some t in input.targets; t.type == "on-premises"]

on_prem_ids := concat(", ", [t.id | some t in on_prem])

# METADATA
# title: On-premises targets need dedicated MLOps engineers
# description: >-
#   Models on your own servers need people who install, patch, monitor and scale them. Without
#   dedicated MLOps staff an on-premises deployment stalls or fails quietly.
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

capex_shortfalls contains item if {
	some target in on_prem
	not capex_of(target)
	item := {
		"message": sprintf("On-premises target %s does not state its hardware cost (hardware.capexUsd); servers typically cost $50,000 to $300,000.", [target.id]),
		"path": array.concat(target.path, ["hardware", "capexUsd"]),
		"subject": {"target": target.id},
	}
}

capex_shortfalls contains item if {
	some target in on_prem
	capex_of(target) < config.onPremCapexMin
	item := {
		"message": sprintf("On-premises target %s budgets $%s of hardware (hardware.capexUsd), below the usual minimum of $%s.", [target.id, format.grouped(capex_of(target)), format.grouped(config.onPremCapexMin)]),
		"path": array.concat(target.path, ["hardware", "capexUsd"]),
		"subject": {"target": target.id},
	}
}

capex_shortfalls contains item if {
	is_number(input.budget.capexUsd)
	needed := sum([c | some t in on_prem; c := capex_of(t)])
	input.budget.capexUsd < needed
	item := {
		"message": sprintf("budget.capexUsd is $%s, below the $%s of hardware the on-premises target(s) %s need.", [format.grouped(input.budget.capexUsd), format.grouped(needed), on_prem_ids]),
		"path": array.concat(input.budget.path, ["capexUsd"]),
	}
}

# METADATA
# title: On-premises hardware must be costed and budgeted
# description: >-
#   Servers able to run useful models typically cost $50,000 to $300,000 before power, cooling and
#   space. An on-premises target without a realistic hardware cost, or a budget that does not
#   cover it, hides the largest cost of the plan.
# custom:
#   id: RW-ONPREM-002
#   severity: warning
#   remediation: >-
#     Set `hardware.capexUsd` on each on-premises target to the quoted purchase cost and raise
#     `budget.capexUsd` to cover their sum, or reconsider cloud self-hosting to avoid the outlay.
#   guidance: "2. On-premises needs serious hardware money (typically $50K to $300K for servers)."
warn contains finding if {
	some item in capex_shortfalls
	finding := object.union(item, {"id": "RW-ONPREM-002"})
}
