# How deeply workloads change the model (guidance 5): deep modification needs open weights on
# hardware you control; plain prompting and RAG rarely justify running models yourself.
package routewise.rules.customization

import data.routewise.lib.provider
import data.routewise.lib.reach

config := data.routewise.config

targets := {t.id: t | some t in input.targets}

workloads := {w.id: w | some w in input.workloads}

# A (workload, target) pair is reported once, at the first place that sends it there.
first_reach(workload_id, target_id) := reaches[0] if {
	reaches := [r | some r in input.reaches; r.workload == workload_id; r.target == target_id]
}

# Which of a workload's requests reach a target, when not all of its data classes do: the reason a
# workload routed to its own model still reaches an API (requests carrying only public text).
requests_phrase(workload_id, target_id) := sprintf(" with its requests carrying %s", [concat(", ", sort(carried))]) if {
	carried := {r.dataClass | some r in input.reaches; r.workload == workload_id; r.target == target_id}
	count(carried) < count(workloads[workload_id].dataClasses)
} else := ""

pairs_with(kind) := {[r.workload, r.target] |
	some r in input.reaches
	workloads[r.workload].customization == kind
}

unfit_for_deep_modification(target) := "is a cloud API" if target.type == "cloud-api"

unfit_for_deep_modification(target) := "does not have open weights" if {
	target.type != "cloud-api"
	not target.openWeights
}

# METADATA
# title: Deep modification needs self-hosted open-weights models
# description: >-
#   Changing a model's weights or architecture beyond provider fine-tuning requires the weights
#   themselves. A cloud API or a closed-weights model cannot be modified that way.
# custom:
#   id: RW-CUST-001
#   severity: error
#   remediation: >-
#     Serve this workload from a cloud self-hosted or on-premises target running an open-weights
#     model (`openWeights: true`), or lower its `customization` to fine-tuning, RAG or prompting.
#   guidance: "5. Deep modification of the model needs self-hosted open-weights models."
deny contains finding if {
	some pair in pairs_with("deep-modification")
	target := targets[pair[1]]
	why := unfit_for_deep_modification(target)
	finding := {
		"id": "RW-CUST-001",
		"message": sprintf("Workload %s needs deep modification of its model, but reaches target %s (%s)%s, which %s.", [pair[0], target.id, target.model, requests_phrase(pair[0], target.id), why]),
		"path": first_reach(pair[0], target.id).path,
		"subject": {"workload": pair[0], "target": target.id},
	}
}

# The offers of a target's provider, for any model.
provider_offers(target) := [o |
	some o in config.fineTuningOffers
	provider.key(o.provider) == provider.key(target.provider)
]

# The offers of a target's provider for its model family.
offers_for(target) := [o |
	some o in provider_offers(target)
	some family in o.models
	startswith(lower(target.model), lower(family))
]

offered_in_region(target, offer) if not offer.regions

offered_in_region(target, offer) if target.region in offer.regions

unoffered(target) := sprintf("provider %v does not fine-tune models", [target.provider]) if {
	count(provider_offers(target)) == 0
}

unoffered(target) := sprintf("provider %s does not fine-tune model %s", [target.provider, target.model]) if {
	count(provider_offers(target)) > 0
	count(offers_for(target)) == 0
}

unoffered(target) := sprintf("provider %s fine-tunes %s only in %s, and the target %s", [target.provider, target.model, concat(", ", sort({r | some o in offers_for(target); some r in o.regions})), region_phrase(target)]) if {
	count(offers_for(target)) > 0
	not any_region_fits(target)
}

any_region_fits(target) if {
	some offer in offers_for(target)
	offered_in_region(target, offer)
}

region_phrase(target) := sprintf("is in %s", [target.region]) if is_string(target.region)

region_phrase(target) := "declares no region" if not is_string(target.region)

# METADATA
# title: Fine-tuning on a cloud API needs a provider that fine-tunes that model there
# description: >-
#   Fine-tuning through an API is only possible where the provider offers it, for the model family
#   the target serves, and in the region it runs in. Otherwise the tuned model cannot actually be
#   served. `fineTuningOffers` lists provider x model families x regions (from the providers'
#   published pages). Judgement calls: a model matches a family it starts with (gpt-4o-mini is a
#   gpt-4o); an offer without regions is not limited by region; a target that declares no region
#   cannot show that a region-limited offer covers it; only cloud APIs are judged (a self-hosted
#   open model can always be tuned); every way of reaching counts.
# custom:
#   id: RW-CUST-002
#   severity: warning
#   remediation: >-
#     Route the workload to a provider, model and region listed in `fineTuningOffers` (or add your
#     contract's offer there with --data), to a self-hosted open-weights model (a routing rule with
#     `workloads: [<id>]` sends all of its requests there), or use prompting or RAG instead of
#     fine-tuning.
#   guidance: "5. Deep changes need self-hosted models; plain prompting works with APIs."
warn contains finding if {
	some pair in pairs_with("fine-tuning")
	target := targets[pair[1]]
	target.type == "cloud-api"
	why := unoffered(target)
	finding := {
		"id": "RW-CUST-002",
		"message": sprintf("Workload %s is fine-tuned, but reaches cloud API target %s%s, and %s.", [pair[0], target.id, requests_phrase(pair[0], target.id), why]),
		"path": first_reach(pair[0], target.id).path,
		"subject": {"workload": pair[0], "target": target.id},
	}
}

light_customizations := {"prompting", "rag"}

# Classes used by some workload whose data may go to no cloud API.
staying := {c.id | some c in input.dataClasses; count(c.usedBy) > 0; reach.must_stay(c)}

# METADATA
# title: Prompting and RAG alone rarely justify running your own models
# description: >-
#   When no workload changes the model, cloud APIs usually launch faster and need no MLOps staff,
#   unless data requirements say otherwise. Judgement call: silent when some used data class may
#   go to no cloud API (regulated data the organisation keeps off cloud APIs, or pci-dss data),
#   since then self-hosting is required, not chosen; the money is RW-COST-002's.
# custom:
#   id: RW-CUST-003
#   severity: info
#   remediation: >-
#     If nothing else requires self-hosting, consider a cloud API strategy, or hybrid with APIs for
#     the general traffic.
#   guidance: "5. Plain prompting works with APIs and saves time and money."
info contains finding if {
	input.strategy in {"on-premises", "cloud-self-hosted"}
	count(input.workloads) > 0
	every w in input.workloads {
		w.customization in light_customizations
	}
	count(staying) == 0
	finding := {
		"id": "RW-CUST-003",
		"message": sprintf("Every workload (%s) uses only prompting or RAG and no data class requires self-hosting, yet the strategy is %s; cloud APIs would launch faster and need no MLOps staff.", [concat(", ", [w.id | some w in input.workloads]), input.strategy]),
		"path": ["deployment", "strategy"],
	}
}
