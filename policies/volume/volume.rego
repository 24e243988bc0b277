# Volume and its shape (guidance 6): spiky or unpredictable volume favours paying per use. What
# volume costs (RW-COST-001, RW-COST-002, which retired RW-VOL-001 and RW-VOL-003) is in
# policies/cost.
package routewise.rules.volume

import data.routewise.lib.format

import data.routewise.lib.reach

config := data.routewise.config

targets := {t.id: t | some t in input.targets}

spiky(w) := sprintf("pattern %s", [w.volume.pattern]) if w.volume.pattern in {"spiky", "unpredictable"}

spiky(w) := sprintf("peak-to-average %v", [w.volume.peakToAverage]) if {
	not w.volume.pattern in {"spiky", "unpredictable"}
	w.volume.peakToAverage >= config.spikyPeakToAverage
}

# Capacity that follows a peak: a burst, a fallback, or a target that scales.
elastic(workload_id) if {
	some r in input.reaches
	r.workload == workload_id
	r.via in overflow_vias
}

overflow_vias := {"burst", "fallback"}

fixed(target) if {
	target.type != "cloud-api"
	# A target without `hardware` is fixed capacity too: object.get keeps the negation defined.
	not is_object(object.get(target, ["hardware", "autoscaling"], null))
}

# Data of this workload may go to no cloud API: the fitting advice is capacity, not an API.
stays(w) if {
	some c in input.dataClasses
	c.id in w.dataClasses
	reach.must_stay(c)
}

vol_002_remediation(w) := "Its data may not leave for a cloud API: size the targets for the peak, or give them `hardware.autoscaling` (and queue requests above it)." if stays(w)

vol_002_remediation(w) := "Add `deployment.burst` to a cloud API for the overflow, give the targets `hardware.autoscaling`, or size them for the peak." if not stays(w)

# METADATA
# title: Spiky traffic on fixed capacity needs somewhere to overflow
# description: >-
#   Self-hosted and on-premises capacity is fixed: sized for the average it drops the peak, sized
#   for the peak it idles. Pay-per-use APIs or autoscaling absorb spikes. Judgement calls: a target
#   with `hardware.autoscaling` follows the peak and is exempt; a burst or a fallback is somewhere to
#   overflow; where some data of the workload may go to no cloud API, the remediation is capacity
#   for the peak (or autoscaling), never a cloud API.
# custom:
#   id: RW-VOL-002
#   severity: warning
#   remediation: >-
#     Add a burst target for spikes, give the targets `hardware.autoscaling`, or size the capacity
#     for the peak (the only choice when the data may not leave).
#   guidance: "6. Spiky or unpredictable volume favours pay-per-use APIs."
warn contains finding if {
	some w in input.workloads
	shape := spiky(w)
	count(w.targets) > 0
	every id in w.targets {
		fixed(targets[id])
	}
	not elastic(w.id)
	finding := {
		"id": "RW-VOL-002",
		"message": sprintf("Workload %s has %s but is served only by fixed-capacity target(s) %s, with no autoscaling, burst or fallback.", [w.id, shape, concat(", ", w.targets)]),
		"path": array.concat(w.path, ["volume"]),
		"subject": {"workload": w.id},
		"remediation": vol_002_remediation(w),
	}
}
