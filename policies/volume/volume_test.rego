package routewise.rules.volume_test

import data.routewise.rules.volume

config := {"spikyPeakToAverage": 3}

target(id, type) := {
	"id": id, "type": type, "model": "m", "provider": "p", "region": null,
	"openWeights": type != "cloud-api", "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": null, "monitored": true, "reachedBy": ["chat"], "path": ["deployment", "targets", 0],
}

workload(tokens, pattern, peak, targets) := {
	"id": "chat", "dataClasses": ["docs"], "customization": "prompting",
	"volume": {"tokensPerMonth": tokens, "pattern": pattern, "peakToAverage": peak},
	"targets": targets, "routedTargets": targets, "path": ["workloads", 0],
}

all_targets := [target("gpt", "cloud-api"), target("claude", "cloud-api"), target("rack", "on-premises"), target("vllm", "cloud-self-hosted")]

doc(w, reaches) := {
	"workloads": [w], "targets": all_targets, "reaches": reaches,
	"totals": {"tokensPerMonth": w.volume.tokensPerMonth},
}

ids(findings) := [f.id | some f in findings]

test_spiky_volume_on_fixed_capacity_without_burst_warns if {
	found := volume.warn with input as doc(workload(100000000, "spiky", 1, ["rack"]), [])
		with data.routewise.config as config
	ids(found) == ["RW-VOL-002"]
	some f in found
	f.subject == {"workload": "chat"}
}

test_high_peak_to_average_counts_as_spiky if {
	found := volume.warn with input as doc(workload(100000000, "steady", 4, ["vllm"]), [])
		with data.routewise.config as config
	ids(found) == ["RW-VOL-002"]
	some f in found
	mentions(f.message, "peak-to-average 4")
}

test_spiky_volume_with_a_burst_passes if {
	burst := {"workload": "chat", "dataClass": "docs", "target": "vllm", "via": "burst", "route": null, "path": ["deployment", "burst", "to"]}
	count(volume.warn) == 0 with input as doc(workload(100000000, "unpredictable", 1, ["rack", "vllm"]), [burst])
		with data.routewise.config as config
}

test_spiky_volume_on_cloud_api_passes if {
	count(volume.warn) == 0 with input as doc(workload(100000000, "spiky", 5, ["gpt"]), [])
		with data.routewise.config as config
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0

strict := object.union(config, {"allowRegulatedOnCloudApi": false, "regulationsNeverOnCloudApi": ["pci-dss"]})

autoscaled := object.union(target("vllm", "cloud-self-hosted"), {"hardware": {"gpus": 2, "gpuType": "l40s", "capexUsd": null, "hourlyUsd": null, "autoscaling": {"minReplicas": 1, "maxReplicas": 4}}})

test_spiky_volume_on_an_autoscaling_target_passes if {
	doc_autoscaled := object.union(doc(workload(100000000, "spiky", 5, ["vllm"]), []), {"targets": [autoscaled]})
	count(volume.warn) == 0 with input as doc_autoscaled with data.routewise.config as strict
}

test_spiky_volume_with_a_fallback_passes if {
	fallback := {"workload": "chat", "dataClass": "docs", "target": "gpt", "via": "fallback", "route": null, "fallback": 0, "with": null, "path": ["deployment", "fallbacks", 0, "to"]}
	count(volume.warn) == 0 with input as doc(workload(100000000, "spiky", 1, ["rack", "gpt"]), [fallback])
		with data.routewise.config as strict
}

# Defect: an all-patient-data workload was told to move to a cloud API.
test_spiky_patient_data_on_fixed_capacity_is_told_to_size_for_the_peak if {
	records := {"id": "docs", "category": "health", "regulated": true, "regulations": ["hipaa"], "residency": null, "usedBy": ["chat"], "path": ["dataClasses", 0]}
	doc_records := object.union(doc(workload(100000000, "spiky", 1, ["rack"]), []), {"dataClasses": [records]})
	found := volume.warn with input as doc_records with data.routewise.config as strict
	ids(found) == ["RW-VOL-002"]
	some f in found
	mentions(f.remediation, "may not leave")
	not mentions(f.remediation, "deployment.burst")
}

test_spiky_public_data_on_fixed_capacity_may_burst_to_an_api if {
	found := volume.warn with input as doc(workload(100000000, "spiky", 1, ["rack"]), []) with data.routewise.config as strict
	some f in found
	mentions(f.remediation, "deployment.burst")
}
