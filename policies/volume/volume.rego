# Volume and its shape (guidance 6): spiky or unpredictable volume favours paying per use. What
# volume costs (RW-COST-001, RW-COST-002, which retired RW-VOL-001 and RW-VOL-003) is in
# policies/cost.
package routewise.rules.volume

config := data.routewise.config

targets := {t.id: t | some t in input.targets}

spiky(w) := sprintf("pattern %s", [w.volume.pattern]) if w.volume.pattern in {"spiky", "unpredictable"}

spiky(w) := sprintf("peak-to-average %v", [w.volume.peakToAverage]) if {
	not w.volume.pattern in {"spiky", "unpredictable"}
	w.volume.peakToAverage >= config.spikyPeakToAverage
}

bursts(workload_id) if {
	some r in input.reaches
	r.workload == workload_id
	r.via == "burst"
}

# METADATA
# title: Spiky volume on fixed capacity without a burst
# description: >-
#   Self-hosted and on-premises capacity is sized in advance. Spiky or unpredictable traffic either
#   overwhelms it at peaks or leaves it idle between them, where pay-per-use APIs absorb both.
# custom:
#   id: RW-VOL-002
#   severity: warning
#   remediation: >-
#     Add `deployment.burst` to a cloud API (excluding regulated data classes) so peaks overflow
#     there, or serve this workload from a cloud API.
#   guidance: "6. Spiky or unpredictable volume favours pay-per-use APIs."
warn contains finding if {
	some w in input.workloads
	shape := spiky(w)
	count(w.targets) > 0
	every id in w.targets {
		targets[id].type != "cloud-api"
	}
	not bursts(w.id)
	finding := {
		"id": "RW-VOL-002",
		"message": sprintf("Workload %s has %s but is served only by fixed-capacity target(s) %s with no burst.", [w.id, shape, concat(", ", w.targets)]),
		"path": array.concat(w.path, ["volume"]),
		"subject": {"workload": w.id},
	}
}
