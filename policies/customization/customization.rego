# How deeply workloads change the model (guidance 5): deep modification needs open weights on
# hardware you control; plain prompting and RAG rarely justify running models yourself.
package routewise.rules.customization

config := data.routewise.config

targets := {t.id: t | some t in input.targets}

workloads := {w.id: w | some w in input.workloads}

# A (workload, target) pair is reported once, at the first place that sends it there.
first_reach(workload_id, target_id) := reaches[0] if {
	reaches := [r | some r in input.reaches; r.workload == workload_id; r.target == target_id]
}

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
		"message": sprintf("Workload %s needs deep modification of its model, but reaches target %s (%s), which %s.", [pair[0], target.id, target.model, why]),
		"path": first_reach(pair[0], target.id).path,
		"subject": {"workload": pair[0], "target": target.id},
	}
}

# METADATA
# title: Fine-tuning on a cloud API needs a provider that offers it
# description: >-
#   Fine-tuning through an API is only possible where the provider offers it. Routing a
#   fine-tuning workload to another provider means the tuned model cannot actually be served.
# custom:
#   id: RW-CUST-002
#   severity: warning
#   remediation: >-
#     Route the workload to a provider that offers fine-tuning (see `fineTuningProviders`), to a
#     self-hosted open-weights model, or use prompting or RAG instead of fine-tuning.
#   guidance: "5. Deep changes need self-hosted models; plain prompting works with APIs."
warn contains finding if {
	some pair in pairs_with("fine-tuning")
	target := targets[pair[1]]
	target.type == "cloud-api"
	not target.provider in config.fineTuningProviders
	finding := {
		"id": "RW-CUST-002",
		"message": sprintf("Workload %s is fine-tuned, but reaches cloud API target %s whose provider %v is not among the fine-tuning providers (%s).", [pair[0], target.id, target.provider, concat(", ", config.fineTuningProviders)]),
		"path": first_reach(pair[0], target.id).path,
		"subject": {"workload": pair[0], "target": target.id},
	}
}

light_customizations := {"prompting", "rag"}

# METADATA
# title: Prompting and RAG alone rarely justify running your own models
# description: >-
#   When no workload changes the model, cloud APIs usually launch faster and cost less than
#   self-hosting, unless data requirements or volume say otherwise.
# custom:
#   id: RW-CUST-003
#   severity: info
#   remediation: >-
#     Check whether data requirements or steady high volume really require self-hosting; if not,
#     consider a cloud API strategy, or hybrid with APIs for the general traffic.
#   guidance: "5. Plain prompting works with APIs and saves time and money."
info contains finding if {
	input.strategy in {"on-premises", "cloud-self-hosted"}
	count(input.workloads) > 0
	every w in input.workloads {
		w.customization in light_customizations
	}
	finding := {
		"id": "RW-CUST-003",
		"message": sprintf("Every workload (%s) uses only prompting or RAG, yet the strategy is %s; cloud APIs would likely be faster and cheaper.", [concat(", ", [w.id | some w in input.workloads]), input.strategy]),
		"path": ["deployment", "strategy"],
	}
}
