# Capacity of own GPUs (guidance 2, 3, 6): a self-hosted model must fit in its GPUs' memory, and
# the GPUs must serve the peak of what is sent to them.
package routewise.rules.capacity

import data.routewise.lib.format

# METADATA
# title: The model does not fit in the target's GPUs
# description: >-
#   A model's weights take parameters x bytes per parameter of its precision, and serving needs
#   about 20% more for the KV cache and runtime. If that exceeds the memory of the declared GPUs,
#   the model cannot be loaded at all. Unknown model sizes or GPU types leave the rule silent.
# custom:
#   id: RW-CAP-001
#   severity: error
#   remediation: >-
#     Add GPUs (or larger ones), or serve a quantised model (`precision: fp8` or int4) or a smaller
#     one.
#   guidance: "2, 3. Own hardware must be sized for the model."
deny contains finding if {
	some t in input.cost.targets
	t.fitsModel == false
	finding := {
		"id": "RW-CAP-001",
		"message": sprintf(
			"Target %s cannot hold its model: %vB parameters at %s need about %v GB with headroom (weights x 1.2), but %v %s GPU(s) have %v GB.",
			[t.id, t.modelParamsB, t.precision, round(t.memoryNeededGb), t.gpus, t.gpuType, t.memoryGb],
		),
		"path": array.concat(t.path, ["hardware", "gpus"]),
		"subject": {"target": t.id},
	}
}

# METADATA
# title: Own GPUs cannot serve the peak
# description: >-
#   Fixed capacity must carry the peak: the output tokens per second of the workloads sent to the
#   target at their peak-to-average ratio, plus what burst and fallbacks may send it when the
#   targets they stand in for overflow or fail (never charged to it, but it must serve them),
#   against what its GPUs produce at a load that keeps latency in bounds (spec/cost.md, sizing);
#   an autoscaled target at the capacity it grows to.
# custom:
#   id: RW-CAP-002
#   severity: warning
#   remediation: >-
#     Add GPUs or replicas, set `autoscaling`, or send the peak elsewhere (`burst` or a fallback;
#     where data may not leave, capacity for the peak).
#   guidance: "6. Spiky volume on fixed capacity needs room for the peak."
warn contains finding if {
	some t in input.cost.targets
	t.peakCapacityOk == false
	finding := {
		"id": "RW-CAP-002",
		"message": sprintf(
			"Target %s serves about %s output tokens/s with %v %s GPU(s), but the workloads that may reach it (burst and fallbacks included) peak at about %s tokens/s.",
			[t.id, format.grouped(round(t.capacityTokensPerSecond)), t.gpus, t.gpuType, format.grouped(round(t.peakOutputTokensPerSecond))],
		),
		"path": array.concat(t.path, ["hardware"]),
		"subject": {"target": t.id},
	}
}
