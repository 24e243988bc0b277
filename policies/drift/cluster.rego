# Drift between the manifest and the Kubernetes clusters that serve its own models (vLLM, TGI,
# KServe): the model, the GPUs and the autoscaling really deployed.
package routewise.rules.drift

served := [c | some c in input.observed.clusterDeployments; c.target != null]

normalised(model) := parts[count(parts) - 1] if {
	parts := split(lower(model), "/")
}

cluster_place(c) := {"file": c.location.file, "line": c.location.line, "column": c.location.column, "message": sprintf("%s %s", [c.kind, c.name])}

# METADATA
# title: The cluster serves another model than the target declares
# description: >-
#   A model server annotated `routewise.dev/target` serves that target. When it serves another
#   model, everything the manifest says about the model (open weights, size, licence, quality)
#   is about a model that does not run.
# custom:
#   id: RW-DRIFT-010
#   severity: error
#   remediation: >-
#     Serve the declared model, or correct the target's `model` in the manifest (or the
#     annotation, if the server belongs to another target).
deny contains finding if {
	some c in served
	c.normalisedModel != null
	target := targets[c.target]
	c.normalisedModel != normalised(target.model)
	finding := {
		"id": "RW-DRIFT-010",
		"message": sprintf("%s %s serves %s, but target %s declares %s.", [c.kind, c.name, c.model, target.id, target.model]),
		"location": model_place(c),
		"related": [target_place(target.id)],
		"subject": {"target": target.id},
	}
}

# METADATA
# title: The cluster's GPUs differ from the target's hardware
# description: >-
#   Cost, capacity and throughput rules use the target's `hardware`. When the cluster runs
#   another number or type of GPUs, those judgements are about hardware that is not there.
# custom:
#   id: RW-DRIFT-011
#   severity: warning
#   remediation: Make the manifest's `hardware` (gpus, gpuType) match the cluster, or the cluster match the plan.
warn contains finding if {
	some c in served
	target := targets[c.target]
	is_object(target.hardware)
	some why in gpu_drift(c, target.hardware)
	finding := {
		"id": "RW-DRIFT-011",
		"message": sprintf("%s %s for target %s %s.", [c.kind, c.name, target.id, why]),
		"location": gpu_place(c, why),
		"related": [target_place(target.id)],
		"subject": {"target": target.id},
	}
}

gpu_drift(c, hardware) := {why |
	is_number(hardware.gpus)
	is_number(c.gpus)
	c.gpus != hardware.gpus
	why := sprintf("runs %d GPUs (%d per pod x %d replicas), the manifest declares %d", [c.gpus, c.gpusPerPod, c.gpus / c.gpusPerPod, hardware.gpus])
} | {why |
	is_string(hardware.gpuType)
	is_string(c.gpuType)
	not same_gpu(c, hardware)
	why := sprintf("runs on %s GPUs, the manifest declares %s", [c.gpuType, hardware.gpuType])
}

# Compared by family, as both sides are written many ways (`NVIDIA H100 80GB` on the manifest,
# `NVIDIA-H100-80GB-HBM3` on the node), else by the label containing what the manifest declares.
same_gpu(c, hardware) if c.gpuFamily == hardware.gpuFamily

same_gpu(c, hardware) if contains(lower(c.gpuType), lower(hardware.gpuType))

gpu_place(c, why) := c.gpuLocation if {
	contains(why, "runs on")
	c.gpuLocation != null
}

gpu_place(c, why) := c.location if not contains(why, "runs on")

gpu_place(c, why) := c.location if c.gpuLocation == null

# METADATA
# title: The cluster's autoscaling differs from the manifest
# description: >-
#   Capacity and cost estimates assume the scaling the manifest declares under
#   `hardware.autoscaling`. A cluster that scales a target the manifest holds fixed (or holds
#   fixed a target declared autoscaling) runs at another size than planned.
# custom:
#   id: RW-DRIFT-012
#   severity: info
#   remediation: Declare `hardware.autoscaling` (minReplicas, maxReplicas) for this target, or align the cluster with the manifest.
info contains finding if {
	some c in served
	target := targets[c.target]
	c.autoscaling != null
	not declares_autoscaling(target.id)
	finding := {
		"id": "RW-DRIFT-012",
		"message": sprintf("%s %s autoscales target %s (%s to %s replicas), but the manifest does not mark it autoscaling.", [c.kind, c.name, target.id, bound(c.autoscaling.minReplicas), bound(c.autoscaling.maxReplicas)]),
		"location": c.autoscaling.location,
		"related": [target_place(target.id)],
		"subject": {"target": target.id},
	}
}

info contains finding if {
	some c in served
	target := targets[c.target]
	c.autoscaling == null
	declares_autoscaling(target.id)
	finding := {
		"id": "RW-DRIFT-012",
		"message": sprintf("Target %s is marked autoscaling, but %s %s runs a fixed %s replicas.", [target.id, c.kind, c.name, bound(c.replicas)]),
		"location": c.location,
		"related": [target_place(target.id)],
		"subject": {"target": target.id},
	}
}

bound(n) := sprintf("%d", [n]) if is_number(n)

bound(n) := "?" if not is_number(n)

# `hardware.autoscaling` as written in the manifest (read by name: older manifests lack the field).
declares_autoscaling(id) if {
	some t in input.manifest.deployment.targets
	t.id == id
	is_object(object.get(t, ["hardware", "autoscaling"], null))
}

model_place(c) := c.modelLocation if c.modelLocation != null

model_place(c) := c.location if c.modelLocation == null
