package routewise.rules.onprem_test

import data.routewise.rules.onprem

config := {"minMlopsForOnPrem": 2}

server(id, capex) := {
	"id": id, "type": "on-premises", "model": "llama-3.1-70b", "provider": null, "region": null,
	"openWeights": true, "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": {"gpus": 8, "gpuType": "h100", "capexUsd": capex, "hourlyUsd": null},
	"monitored": true, "reachedBy": ["chat"], "path": ["deployment", "targets", 0],
}

api := {
	"id": "gpt", "type": "cloud-api", "model": "gpt-4o", "provider": "openai", "region": null,
	"openWeights": false, "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": null, "monitored": true, "reachedBy": ["chat"], "path": ["deployment", "targets", 1],
}

team(engineers) := {"mlopsEngineers": engineers, "skills": [], "path": ["team"]}

budget(capex) := {"monthlyUsd": null, "capexUsd": capex, "path": ["budget"]}

ids(findings) := [f.id | some f in findings]

test_on_prem_without_mlops_engineers_is_denied if {
	found := onprem.deny with input as {"targets": [server("rack", 100000)], "team": team(0)}
		with data.routewise.config as config
	ids(found) == ["RW-ONPREM-001"]
	some f in found
	f.path == ["team", "mlopsEngineers"]
	mentions(f.message, "rack")
}

test_on_prem_with_enough_engineers_passes if {
	count(onprem.deny) == 0 with input as {"targets": [server("rack", 100000)], "team": team(2)}
		with data.routewise.config as config
}

test_minimum_engineers_comes_from_data if {
	count(onprem.deny) == 1 with input as {"targets": [server("rack", 100000)], "team": team(2)}
		with data.routewise.config as {"minMlopsForOnPrem": 3}
}

test_no_on_prem_target_needs_no_engineers if {
	count(onprem.deny) == 0 with input as {"targets": [api], "team": team(0)}
		with data.routewise.config as config
}

test_on_prem_target_without_capex_warns if {
	found := onprem.warn with input as {"targets": [server("rack", null)], "team": team(1), "budget": null}
		with data.routewise.config as config
	ids(found) == ["RW-ONPREM-002"]
	some f in found
	f.path == ["deployment", "targets", 0, "hardware", "capexUsd"]
	f.subject == {"target": "rack"}
}

# Defect: a $38k two-GPU server was reported for being cheap; there is no price floor.
test_small_costed_on_prem_server_passes if {
	count(onprem.warn) == 0 with input as {"targets": [server("rack", 38000)], "team": team(2), "budget": null}
		with data.routewise.config as config
}

# A budget shortfall is RW-COST-003's (one mistake, one finding), not RW-ONPREM-002's.
test_budget_below_on_prem_capex_is_not_onprem_002 if {
	input_doc := {"targets": [server("rack", 150000)], "team": team(2), "budget": budget(100000)}
	count(onprem.warn) == 0 with input as input_doc with data.routewise.config as config
}

# Defect: one MLOps engineer passed; nobody can be on call alone.
test_one_mlops_engineer_is_too_few_for_on_prem if {
	found := onprem.deny with input as {"targets": [server("rack", 38000)], "team": team(1), "budget": null}
		with data.routewise.config as config
	ids(found) == ["RW-ONPREM-001"]
	count(onprem.deny) == 0 with input as {"targets": [server("rack", 38000)], "team": team(2), "budget": null}
		with data.routewise.config as config
}

test_costed_and_budgeted_on_prem_passes if {
	count(onprem.warn) == 0 with input as {"targets": [server("rack", 150000)], "team": team(1), "budget": budget(150000)}
		with data.routewise.config as config
}

test_missing_budget_is_not_a_shortfall if {
	count(onprem.warn) == 0 with input as {"targets": [server("rack", 150000)], "team": team(1), "budget": null}
		with data.routewise.config as config
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
