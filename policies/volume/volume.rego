# Volume and its shape (guidance 6): high steady volume favours running models yourself over
# time; spiky or unpredictable volume favours paying per use.
package routewise.rules.volume

import data.routewise.lib.format

import data.routewise.lib.reach

config := data.routewise.config

targets := {t.id: t | some t in input.targets}

# METADATA
# title: High steady volume served only by cloud APIs
# description: >-
#   At a billion tokens a month and more, with little variation, per-token fees usually exceed the
#   cost of running a model yourself within months. Run the numbers before committing to APIs alone.
# custom:
#   id: RW-VOL-001
#   severity: warning
#   remediation: >-
#     Compare a year of per-token fees with self-hosted GPUs or servers for this workload; if
#     cheaper, add a self-hosted target for the base load (hybrid) and keep the API for bursts.
#   guidance: "6. High, steady volume favours self-hosting over time. Run the numbers."
warn contains finding if {
	some w in input.workloads
	w.volume.pattern == "steady"
	w.volume.tokensPerMonth >= config.highSteadyTokensPerMonth
	count(w.targets) > 0
	every id in w.targets {
		targets[id].type == "cloud-api"
	}
	finding := {
		"id": "RW-VOL-001",
		"message": sprintf("Workload %s has steady volume of %s tokens/month (threshold %s) but is served only by cloud API target(s) %s.", [w.id, format.grouped(w.volume.tokensPerMonth), format.grouped(config.highSteadyTokensPerMonth), concat(", ", w.targets)]),
		"path": array.concat(w.path, ["volume", "tokensPerMonth"]),
		"subject": {"workload": w.id},
	}
}

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
	not is_object(target.hardware.autoscaling)
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

on_prem_ids := [t.id | some t in input.targets; t.type == "on-premises"]

# METADATA
# title: Low total volume rarely pays for on-premises hardware
# description: >-
#   Below tens of millions of tokens a month, per-token fees are small next to the purchase and
#   upkeep of servers, so on-premises hardware is hard to justify on cost alone.
# custom:
#   id: RW-VOL-003
#   severity: info
#   remediation: >-
#     Unless data requirements demand on premises, start on cloud APIs (or cloud self-hosted GPUs)
#     and move once volume justifies the hardware.
#   guidance: "6. Run the numbers: low volume favours pay-per-use."
info contains finding if {
	count(on_prem_ids) > 0
	input.totals.tokensPerMonth < config.lowVolumeTokensPerMonth
	finding := {
		"id": "RW-VOL-003",
		"message": sprintf("Total volume is %s tokens/month, below %s, yet on-premises target(s) %s are planned.", [format.grouped(input.totals.tokensPerMonth), format.grouped(config.lowVolumeTokensPerMonth), concat(", ", on_prem_ids)]),
		"path": ["deployment", "strategy"],
	}
}
