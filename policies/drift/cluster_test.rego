package routewise.rules.drift_cluster_test

import data.routewise.rules.drift

at(line) := {"file": "k8s/llama.yaml", "line": line, "column": 9}

target(hardware) := {
	"id": "gpu-llama", "type": "cloud-self-hosted", "model": "llama-3.1-70b-instruct", "provider": "coreweave",
	"region": null, "openWeights": true,
	"agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": hardware, "monitored": true, "reachedBy": [], "path": ["deployment", "targets", 0],
}

server(overrides) := object.union({
	"file": "k8s/llama.yaml", "kind": "Deployment", "name": "llama", "namespace": "llm", "server": "vllm",
	"model": "meta-llama/Llama-3.1-70B-Instruct", "modelLocation": at(20), "normalisedModel": "llama-3.1-70b-instruct",
	"gpusPerPod": 4, "replicas": 2, "gpus": 8, "gpuType": "NVIDIA-H100-80GB-HBM3", "gpuFamily": "h100",
	"gpuLocation": at(15), "autoscaling": null, "targetAnnotation": "gpu-llama", "target": "gpu-llama",
	"matchedBy": "annotation", "location": at(4),
}, overrides)

cluster(s, autoscaling) := declared_gpu(s, autoscaling, "h100", "h100")

declared_gpu(s, autoscaling, gpu_type, family) := {
	"dataClasses": [], "reaches": [],
	"targets": [target({"gpus": 8, "gpuType": gpu_type, "gpuFamily": family, "capexUsd": null, "hourlyUsd": null})],
	"manifest": {"deployment": {"targets": [{"id": "gpu-llama", "hardware": {"gpus": 8, "autoscaling": autoscaling}}]}},
	"observed": {
		"sources": [{"type": "kubernetes", "file": "k8s", "location": at(1)}],
		"gatewayDeployments": [], "gatewayFallbacks": [], "guardrails": [], "databaseModels": [],
		"clusterDeployments": [s],
	},
}

ids(set) := {f.id | some f in set}

test_other_model_behind_the_annotation_is_denied if {
	found := [f | some f in drift.deny with input as cluster(server({"model": "meta-llama/Llama-3.3-70B-Instruct", "normalisedModel": "llama-3.3-70b-instruct"}), null); f.id == "RW-DRIFT-010"]
	count(found) == 1
	found[0].location == at(20)
	found[0].related[0].path == ["deployment", "targets", 0]
}

test_declared_model_with_an_organisation_prefix_passes if {
	not "RW-DRIFT-010" in ids(drift.deny) with input as cluster(server({}), null)
}

test_fewer_gpus_than_declared_are_warned if {
	found := [f | some f in drift.warn with input as cluster(server({"replicas": 1, "gpus": 4}), null); f.id == "RW-DRIFT-011"]
	count(found) == 1
	contains(found[0].message, "runs 4 GPUs (4 per pod x 1 replicas), the manifest declares 8")
	found[0].location == at(4)
}

test_other_gpu_type_is_warned_at_the_selector if {
	found := [f | some f in drift.warn with input as cluster(server({"gpuType": "NVIDIA-A100-SXM4-80GB", "gpuFamily": "a100"}), null); f.id == "RW-DRIFT-011"]
	count(found) == 1
	found[0].location == at(15)
}

# Defect: the manifest's datasheet name did not contain the node label, so one GPU was two.
test_same_gpu_written_two_ways_passes if {
	not "RW-DRIFT-011" in ids(drift.warn) with input as declared_gpu(server({}), null, "NVIDIA H100 80GB", "h100")
	found := [f | some f in drift.warn with input as declared_gpu(server({}), null, "NVIDIA A100 80GB", "a100"); f.id == "RW-DRIFT-011"]
	contains(found[0].message, "runs on NVIDIA-H100-80GB-HBM3 GPUs, the manifest declares NVIDIA A100 80GB")
}

test_same_gpus_pass if {
	not "RW-DRIFT-011" in ids(drift.warn) with input as cluster(server({}), null)
}

test_cluster_autoscaling_an_unmarked_target_is_noted if {
	scaled := server({"autoscaling": {"minReplicas": 2, "maxReplicas": 6, "location": at(40)}})
	found := [f | some f in drift.info with input as cluster(scaled, null); f.id == "RW-DRIFT-012"]
	count(found) == 1
	contains(found[0].message, "2 to 6 replicas")
	found[0].location == at(40)
}

test_target_marked_autoscaling_on_a_fixed_cluster_is_noted if {
	"RW-DRIFT-012" in ids(drift.info) with input as cluster(server({}), {"minReplicas": 1, "maxReplicas": 4})
}

test_autoscaling_on_both_sides_passes if {
	scaled := server({"autoscaling": {"minReplicas": 2, "maxReplicas": 6, "location": at(40)}})
	not "RW-DRIFT-012" in ids(drift.info) with input as cluster(scaled, {"minReplicas": 2, "maxReplicas": 6})
}

test_fixed_on_both_sides_passes if {
	not "RW-DRIFT-012" in ids(drift.info) with input as cluster(server({}), null)
}

test_unmatched_servers_are_not_judged if {
	input_ := cluster(server({"target": null, "normalisedModel": "other", "gpus": 1}), null)
	count({f | some f in drift.deny with input as input_; startswith(f.id, "RW-DRIFT-01")}) == 0
	count({f | some f in drift.warn with input as input_; startswith(f.id, "RW-DRIFT-01")}) == 0
}

# Older manifests have no hardware.autoscaling, or no hardware at all: the field is absent, not null.
test_cluster_autoscaling_a_target_without_hardware_in_the_manifest_is_noted if {
	doc := object.union(cluster(server({"autoscaling": {"minReplicas": 1, "maxReplicas": 4, "location": at(40)}}), null), {"manifest": {"deployment": {"targets": [{"id": "gpu-llama"}]}}})
	"RW-DRIFT-012" in ids(drift.info) with input as doc
}
