# Money (guidance 6): high, steady volume favours self-hosting over time, spiky volume favours
# paying per use; the numbers decide (spec/cost.md), not a token threshold. Every figure is
# computed before the rules run and arrives in `input.cost`.
package routewise.rules.cost

import data.routewise.lib.format

cost := input.cost

# METADATA
# title: A cloud API costs much more than running the model yourself
# description: >-
#   At high, steady volume per-token fees outgrow the cost of rented GPUs. The comparison is with
#   the cheapest self-hosted option able to serve the workload at its declared peak: an open 70B
#   model on H100s sized with a spare replica, idle capacity and the MLOps staff it needs included.
#   The rule speaks only when the API costs at least `selfHostSavingsRatio` times that option, so
#   a rough estimate cannot tip a close call.
# custom:
#   id: RW-COST-001
#   severity: warning
#   remediation: >-
#     Run `routewise cost` to see the numbers; if they hold with your own prices (add them with
#     --data), serve the base load from self-hosted GPUs (hybrid) and keep the API for bursts.
#   guidance: "6. High, steady volume favours self-hosting over time. Run the numbers."
warn contains finding if {
	some w in cost.workloads
	w.apiOnly
	w.apiMonthlyUsd != null
	w.option != null
	w.apiMonthlyUsd >= cost.selfHostSavingsRatio * w.option.monthlyUsd
	finding := {
		"id": "RW-COST-001",
		"message": sprintf(
			"%s at %s tokens/month: about %s/month via the API; a self-hosted %vB model would need %v %s at %s average utilisation and about %s/month with its staff (workload %s).",
			[concat(", ", w.apiModels), format.tokens(w.tokensPerMonth), usd(w, "apiMonthlyUsd"), w.option.modelParamsB, w.option.gpus, upper(w.option.gpuType), format.percent(w.option.utilization), usd(w.option, "monthlyUsd"), w.id],
		),
		"path": array.concat(w.path, ["volume", "tokensPerMonth"]),
		"subject": {"workload": w.id},
	}
}

own_ids := [t.id | some t in cost.targets]

# METADATA
# title: Own GPUs cost more than cloud APIs would
# description: >-
#   Self-hosted and on-premises targets, with their staff, cost more a month than the same tokens
#   would on a cloud API. The finding is information, never a failure: a platform lead wants the
#   premium paid for control stated in money, and a privacy officer wants it never read as advice
#   to move protected data. So the message always says whether a data or customization rule
#   requires the own targets (regulated data or deep modification reaching them; residency alone
#   does not, since a cloud API in the right region meets it): when one does, the premium is the
#   price of that requirement; when none does, pay-per-use would be cheaper until volume reaches
#   the break-even.
# custom:
#   id: RW-COST-002
#   severity: info
#   remediation: >-
#     Where no data or customization requirement needs your own GPUs, serve these workloads from a
#     cloud API until volume reaches the break-even `routewise cost` prints. Where one does, this is
#     the cost of that requirement: budget for it, nothing to change.
#   guidance: "6. Run the numbers: low volume favours pay-per-use."
info contains finding if {
	own := cost.ownTargets
	own != null
	own.monthlyUsd > own.apiAlternativeMonthlyUsd
	finding := {
		"id": "RW-COST-002",
		"message": sprintf(
			"Own targets %s cost about %s/month with their staff; the same tokens on %s would cost about %s/month: a premium of about %s/month for control, %s.",
			[concat(", ", own_ids), usd(own, "monthlyUsd"), own.apiAlternative, usd(own, "apiAlternativeMonthlyUsd"), premium(own), required_by(own.requiredBy)],
		),
		"path": ["deployment", "targets"],
	}
}

required_by(reasons) := "which no data or customization rule requires" if count(reasons) == 0

required_by(reasons) := sprintf("which the data or customization requires (%s)", [concat(", ", reasons)]) if count(reasons) > 0

# METADATA
# title: The computed cost exceeds the budget
# description: >-
#   The monthly running cost (API fees, GPUs or servers, power, and the MLOps staff) or the
#   purchase price of on-premises hardware exceeds what the manifest budgets.
# custom:
#   id: RW-COST-003
#   severity: warning
#   remediation: >-
#     Raise the budget to what the deployment really costs, or change the deployment (cheaper
#     models, fewer GPUs, APIs for low volume) until it fits.
#   guidance: "2, 6. Serious hardware money and staff; run the numbers."
warn contains finding if {
	budget := cost.totals.budgetMonthlyUsd
	budget != null
	cost.totals.monthlyUsd > budget
	t := cost.totals
	finding := {
		"id": "RW-COST-003",
		"message": sprintf(
			"The computed running cost is about %s/month (APIs %s, self-hosted %s, staff %s), above budget.monthlyUsd of %s.",
			[usd(t, "monthlyUsd"), usd(t, "apiMonthlyUsd"), usd(t, "selfHostedMonthlyUsd"), usd(t, "staffMonthlyUsd"), usd(t, "budgetMonthlyUsd")],
		),
		"path": ["budget", "monthlyUsd"],
	}
}

warn contains finding if {
	budget := cost.totals.budgetCapexUsd
	budget != null
	cost.totals.capexUsd > budget
	finding := {
		"id": "RW-COST-003",
		"message": sprintf("On-premises hardware costs %s to buy, above budget.capexUsd of %s.", [sprintf("$%s", [format.grouped(cost.totals.capexUsd)]), sprintf("$%s", [format.grouped(budget)])]),
		"path": ["budget", "capexUsd"],
	}
}

# METADATA
# title: A cloud API target cannot be priced
# description: >-
#   Neither the price book nor the target's own `pricing` gives its model a price, so its cost is
#   unknown (never taken as $0) and the cost rules are silent for the workloads it serves.
# custom:
#   id: RW-COST-004
#   severity: info
#   remediation: >-
#     Add `pricing` (inputPerMillionUsd, outputPerMillionUsd) to the target with your negotiated
#     prices, or map its provider in `priceBookProviders` with --data.
#   guidance: "6. Run the numbers."
info contains finding if {
	some u in cost.unpriced
	finding := {
		"id": "RW-COST-004",
		"message": sprintf("Target %s (%s) cannot be priced: %s; the cost rules are silent for it.", [u.target, u.model, u.reason]),
		"path": u.path,
		"subject": {"target": u.target},
	}
}

# METADATA
# title: The price book is old
# description: >-
#   API prices change often (usually downwards). Past `priceBookMaxAgeDays` the pinned price book
#   may no longer reflect what providers charge.
# custom:
#   id: RW-COST-005
#   severity: info
#   remediation: >-
#     Update routewise to a release with a newer price book, or give current prices with `pricing`
#     on the targets.
#   guidance: "6. Run the numbers."
info contains finding if {
	book := cost.priceBook
	book.stale
	finding := {
		"id": "RW-COST-005",
		"message": sprintf("The price book %s %s is dated %s, %v days before today (more than %v): API prices may have changed.", [book.package, book.version, book.date, book.ageDays, book.maxAgeDays]),
		"path": ["deployment", "targets"],
	}
}

# An amount of `facts` as format.about_usd writes it. The cost facts carry it written already
# (`<name>Text`), which spares each firing rule the formatting; without it, it is written here.
usd(facts, name) := text if {
	text := facts[concat("", [name, "Text"])]
	is_string(text)
}

usd(facts, name) := format.about_usd(facts[name]) if not is_string(object.get(facts, concat("", [name, "Text"]), null))

# The premium of the own targets over the API option, written as usd writes amounts.
premium(own) := own.premiumMonthlyUsdText if is_string(own.premiumMonthlyUsdText)

premium(own) := format.about_usd(own.monthlyUsd - own.apiAlternativeMonthlyUsd) if not is_string(object.get(own, "premiumMonthlyUsdText", null))
