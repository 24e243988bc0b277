package routewise.rules.cost_test

import data.routewise.rules.cost

book := {"package": "@pydantic/genai-prices", "version": "0.1.8", "date": "2026-09-23", "ageDays": 65, "maxAgeDays": 120, "stale": false}

totals := {"apiMonthlyUsd": 0, "selfHostedMonthlyUsd": 0, "staffMonthlyUsd": 0, "monthlyUsd": 0, "budgetMonthlyUsd": null, "capexUsd": 0, "budgetCapexUsd": null}

facts(overrides) := object.union({"priceBook": book, "selfHostSavingsRatio": 1.3, "workloads": [], "targets": [], "unpriced": [], "ownTargets": null, "totals": totals}, overrides)

# gpt-4o at its $2.50 / $10 list price: 11.65B tokens x $4.375 per million = $50,968.75.
api_workload(api_usd, option_usd) := {
	"id": "triage", "tokensPerMonth": 11650000000, "apiOnly": true, "apiModels": ["gpt-4o"],
	"apiMonthlyUsd": api_usd,
	"option": {"gpuType": "h100", "gpus": 12, "utilization": 0.109, "monthlyUsd": option_usd, "modelParamsB": 70},
	"apiOptionMonthlyUsd": null, "breakEvenTokensPerMonth": 17007352381, "path": ["workloads", 0],
}

ids(findings) := sort([f.id | some f in findings])

test_api_costing_1_3_times_the_option_warns_with_both_costs if {
	found := cost.warn with input.cost as facts({"workloads": [api_workload(150000, 59525.73)]})
	ids(found) == ["RW-COST-001"]
	some f in found
	f.message == "gpt-4o at 11.65B tokens/month: about $150,000/month via the API; a self-hosted 70B model would need 12 H100 at 11% average utilisation and about $59,500/month with its staff (workload triage)."
	f.path == ["workloads", 0, "volume", "tokensPerMonth"]
}

test_api_cheaper_than_the_option_is_silent if {
	count(cost.warn) == 0 with input.cost as facts({"workloads": [api_workload(50968.75, 59525.73)]})
}

test_api_dearer_but_within_the_margin_is_silent if {
	# 70,000 < 1.3 x 59,525.73 = 77,383.45
	count(cost.warn) == 0 with input.cost as facts({"workloads": [api_workload(70000, 59525.73)]})
}

test_unpriced_api_workload_is_silent if {
	count(cost.warn) == 0 with input.cost as facts({"workloads": [api_workload(null, 59525.73)]})
}

test_workload_partly_self_hosted_is_not_api_only if {
	w := object.union(api_workload(150000, 59525.73), {"apiOnly": false})
	count(cost.warn) == 0 with input.cost as facts({"workloads": [w]})
}

test_own_targets_required_by_data_state_the_premium_and_why if {
	own := {"monthlyUsd": 61362.04, "apiAlternativeMonthlyUsd": 6562.5, "apiAlternative": "gpt-4o via azure-openai", "requiredBy": ["regulated data class transactions"]}
	found := cost.info with input.cost as facts({"ownTargets": own, "targets": [{"id": "dc-llama"}]})
	ids(found) == ["RW-COST-002"]
	some f in found
	f.message == "Own targets dc-llama cost about $61,400/month with their staff; the same tokens on gpt-4o via azure-openai would cost about $6,560/month: a premium of about $54,800/month for control, which the data or customization requires (regulated data class transactions)."
}

test_own_targets_nothing_requires_say_so if {
	own := {"monthlyUsd": 38589.33, "apiAlternativeMonthlyUsd": 2275, "apiAlternative": "gpt-4o via openai", "requiredBy": []}
	found := cost.info with input.cost as facts({"ownTargets": own, "targets": [{"id": "vllm"}]})
	ids(found) == ["RW-COST-002"]
	some f in found
	f.message == "Own targets vllm cost about $38,600/month with their staff; the same tokens on gpt-4o via openai would cost about $2,280/month: a premium of about $36,300/month for control, which no data or customization rule requires."
}

test_own_targets_cheaper_than_the_api_are_silent if {
	own := {"monthlyUsd": 30000, "apiAlternativeMonthlyUsd": 90000, "apiAlternative": "gpt-4o via openai", "requiredBy": []}
	count(cost.info) == 0 with input.cost as facts({"ownTargets": own})
}

test_running_cost_over_budget_warns if {
	t := object.union(totals, {"apiMonthlyUsd": 1531.25, "selfHostedMonthlyUsd": 11362.04, "staffMonthlyUsd": 50000, "monthlyUsd": 62893.29, "budgetMonthlyUsd": 40000})
	found := cost.warn with input.cost as facts({"totals": t})
	ids(found) == ["RW-COST-003"]
	some f in found
	f.message == "The computed running cost is about $62,900/month (APIs $1,530, self-hosted $11,400, staff $50,000), above budget.monthlyUsd of $40,000."
	f.path == ["budget", "monthlyUsd"]
}

test_amounts_written_in_the_facts_are_used_as_written if {
	t := object.union(totals, {
		"apiMonthlyUsd": 1531.25, "selfHostedMonthlyUsd": 11362.04, "staffMonthlyUsd": 50000, "monthlyUsd": 62893.29, "budgetMonthlyUsd": 40000,
		"apiMonthlyUsdText": "$1,530", "selfHostedMonthlyUsdText": "$11,400", "staffMonthlyUsdText": "$50,000", "monthlyUsdText": "$62,900", "budgetMonthlyUsdText": null,
	})
	found := cost.warn with input.cost as facts({"totals": t})
	some f in found
	f.message == "The computed running cost is about $62,900/month (APIs $1,530, self-hosted $11,400, staff $50,000), above budget.monthlyUsd of $40,000."
	# The written text is what the rule reads: a different text shows in the message.
	marked := cost.warn with input.cost as facts({"totals": object.union(t, {"monthlyUsdText": "$62,9XX"})})
	some g in marked
	contains(g.message, "about $62,9XX/month")
}

test_capex_over_budget_warns if {
	t := object.union(totals, {"capexUsd": 280000, "budgetCapexUsd": 250000})
	found := cost.warn with input.cost as facts({"totals": t})
	some f in found
	f.message == "On-premises hardware costs $280,000 to buy, above budget.capexUsd of $250,000."
	f.path == ["budget", "capexUsd"]
}

test_within_budget_is_silent if {
	t := object.union(totals, {"monthlyUsd": 900, "budgetMonthlyUsd": 1500, "capexUsd": 0, "budgetCapexUsd": 0})
	count(cost.warn) == 0 with input.cost as facts({"totals": t})
}

test_unpriced_target_is_noted if {
	u := {"target": "acme", "provider": "acme-llm", "model": "acme-1", "reason": "provider acme-llm is not in priceBookProviders, and the target has no pricing", "path": ["deployment", "targets", 1]}
	found := cost.info with input.cost as facts({"unpriced": [u]})
	ids(found) == ["RW-COST-004"]
	some f in found
	f.subject == {"target": "acme"}
	f.path == ["deployment", "targets", 1]
}

test_stale_price_book_is_noted if {
	stale := object.union(book, {"ageDays": 200, "stale": true})
	found := cost.info with input.cost as facts({"priceBook": stale})
	ids(found) == ["RW-COST-005"]
	some f in found
	f.message == "The price book @pydantic/genai-prices 0.1.8 is dated 2026-09-23, 200 days before today (more than 120): API prices may have changed."
}

test_no_cost_facts_no_findings if {
	count(cost.warn) == 0 with input.cost as null
	count(cost.info) == 0 with input.cost as null
}
