package routewise.rules.capacity_test

import data.routewise.rules.capacity

target(overrides) := object.union(
	{
		"id": "gpu-llama", "type": "cloud-self-hosted", "gpus": 8, "gpuType": "h100", "modelParamsB": 70, "precision": "fp8",
		"memoryNeededGb": 84, "memoryGb": 640, "fitsModel": true, "peakOutputTokensPerSecond": 380.5,
		"capacityTokensPerSecond": 5100, "peakCapacityOk": true, "monthlyUsd": 50794.93, "capexUsd": null,
		"path": ["deployment", "targets", 1],
	},
	overrides,
)

ids(findings) := sort([f.id | some f in findings])

test_model_too_big_for_the_gpus_is_an_error if {
	# 70B at bf16: 140 GB x 1.2 = 168 GB > one H100's 80 GB
	t := target({"gpus": 1, "precision": "bf16", "memoryNeededGb": 168, "memoryGb": 80, "fitsModel": false})
	found := capacity.deny with input.cost.targets as [t]
	ids(found) == ["RW-CAP-001"]
	some f in found
	f.message == "Target gpu-llama cannot hold its model: 70B parameters at bf16 need about 168 GB with headroom (weights x 1.2), but 1 h100 GPU(s) have 80 GB."
	f.path == ["deployment", "targets", 1, "hardware", "gpus"]
}

test_model_that_fits_passes if {
	count(capacity.deny) == 0 with input.cost.targets as [target({})]
}

test_unknown_fit_is_silent if {
	count(capacity.deny) == 0 with input.cost.targets as [target({"fitsModel": null, "modelParamsB": null})]
}

test_peak_beyond_capacity_warns if {
	t := target({"peakOutputTokensPerSecond": 5707.76, "peakCapacityOk": false})
	found := capacity.warn with input.cost.targets as [t]
	ids(found) == ["RW-CAP-002"]
	some f in found
	f.message == "Target gpu-llama serves about 5,100 output tokens/s with 8 h100 GPU(s), but the workloads that may reach it (burst and fallbacks included) peak at about 5,708 tokens/s."
}

test_peak_within_capacity_passes if {
	count(capacity.warn) == 0 with input.cost.targets as [target({})]
}

test_unknown_capacity_is_silent if {
	count(capacity.warn) == 0 with input.cost.targets as [target({"peakCapacityOk": null, "capacityTokensPerSecond": null})]
}
