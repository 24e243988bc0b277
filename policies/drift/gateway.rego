# Drift between the manifest and the LLM gateway that really routes the traffic (LiteLLM): what
# the gateway's model list, fallbacks and guardrails do that the manifest does not declare.
package routewise.rules.drift

import data.routewise.lib.provider
import data.routewise.lib.reach

config := data.routewise.config

classes := {d.id: d | some d in input.dataClasses}

targets := {t.id: t | some t in input.targets}

deployments := input.observed.gatewayDeployments

target_place(id) := {"path": targets[id].path, "message": sprintf("target %s is declared here", [id])}

class_place(id) := {"path": classes[id].path, "message": sprintf("data class %s is declared here", [id])}

deployment_place(d) := {"file": d.location.file, "line": d.location.line, "column": d.location.column, "message": sprintf("%s calls %s", [d.modelName, d.model])}

# --- Which data each gateway name receives, and where the gateway can send it ---

# Data classes the manifest sends to the target a gateway name stands for.
direct_classes(name) := {r.dataClass |
	some d in deployments
	d.modelName == name
	d.target != null
	some r in input.reaches
	r.target == d.target
}

names := {d.modelName | some d in deployments}

# Every name of the gateway, with or without a deployment of its own.
nodes := names | {f.from | some f in input.observed.gatewayFallbacks; f.from != null} | {f.to | some f in input.observed.gatewayFallbacks}

fallback_graph[name] := {f.to | some f in input.observed.gatewayFallbacks; f.from == name} | default_fallbacks if {
	some name in nodes
}

default_fallbacks := {f.to | some f in input.observed.gatewayFallbacks; f.from == null}

# Every name whose traffic can end up at `name` (itself included), through fallbacks of any kind.
feeders(name) := {source | some source in names; name in graph.reachable(fallback_graph, {source})}

flows(name) := {c | some source in feeders(name); some c in direct_classes(source)}

manifest_allows(class_id, d) if {
	d.target != null
	some r in input.reaches
	r.dataClass == class_id
	r.target == d.target
}

# Why data rules would refuse this class on this deployment; empty when they would not.
refusals(class, d) := {why | why := regulated_refusal(class, d)} | {why | why := residency_refusal(class, d)}

refusal(class, d) := concat("; ", sort(whys)) if {
	whys := refusals(class, d)
	count(whys) > 0
}

regulated_refusal(class, d) := why if {
	class.regulated == true
	d.hosting == "cloud-api"
	why := regulated_objection(class, d)
}

residency_refusal(class, d) := sprintf("%s may be processed only in %s, and %s %s", [class.id, concat(", ", class.residency), d.modelName, whereabouts(d)]) if {
	is_array(class.residency)
	reach.outside(at(d), where(d), class.residency)
}

# Where a deployment processes data, judged as RW-DATA-002 judges a target (places from
# `regionJurisdictions` and `countryBlocs`, so an organisation's own regions count here too).
# Without a region of its own, a deployment runs where its target says.
at(d) := {"region": deployment_region(d), "processingScope": d.processingScope, "dataZone": d.dataZone}

deployment_region(d) := d.region if is_string(d.region)
else := region if {
	d.target != null
	region := targets[d.target].region
	is_string(region)
} else := null

where(d) := reach.places(region) if {
	region := deployment_region(d)
	is_string(region)
} else := set()

whereabouts(d) := "is a global profile (processed anywhere)" if d.processingScope == "global"
else := sprintf("runs in data zone %s", [d.dataZone]) if {
	d.processingScope == "data-zone"
	is_string(d.dataZone)
} else := sprintf("runs in %s, which lies in %s", [region, concat(", ", sort(where(d) - {region}))]) if {
	region := deployment_region(d)
	is_string(region)
	count(where(d) - {region}) > 0
} else := sprintf("runs in %s", [region]) if {
	region := deployment_region(d)
	is_string(region)
} else := "does not say where it runs"

regulated_objection(class, d) := sprintf("%s is regulated data and %s is a cloud API; the organisation does not allow that", [class.id, d.model]) if {
	not config.allowRegulatedOnCloudApi
}

regulated_objection(class, d) := sprintf("%s is regulated data and %s is a cloud API without %s", [class.id, d.model, concat(", ", sort(gaps))]) if {
	config.allowRegulatedOnCloudApi == true
	gaps := {sprintf("a %s (%s)", [agreement, reg]) |
		some reg in class.regulations
		some agreement in reach.agreements_needed(reg)
		not d.agreements[agreement]
	} | {sprintf("permission (%s is never allowed on cloud APIs)", [reg]) | some reg in reach.never_on_cloud_api(class)}
	count(gaps) > 0
}

declared_as(d) := sprintf("target %s", [d.target]) if d.target != null

declared_as(d) := "no target of the manifest" if d.target == null

# METADATA
# title: The gateway calls another provider or kind of target than declared
# description: >-
#   A gateway deployment matched to a target (its `model_info.id` or its name in the target's
#   `gatewayModels`) is what really serves that target. When it calls another provider, or a
#   cloud API where the manifest declares a model you run (or the reverse), every rule that
#   judged the target judged something that does not run.
# custom:
#   id: RW-DRIFT-001
#   severity: error
#   remediation: >-
#     Point the gateway entry at the provider and kind of server the target declares, or correct
#     the target's `type` and `provider` in the manifest so the rules judge what really runs.
deny contains finding if {
	some d in deployments
	d.target != null
	target := targets[d.target]
	why := provider_drift(d, target)
	finding := {
		"id": "RW-DRIFT-001",
		"message": sprintf("Gateway model %s (%s) stands for target %s, but %s.", [d.modelName, d.model, target.id, why]),
		"location": d.modelLocation,
		"related": [target_place(target.id)],
		"subject": {"target": target.id},
	}
}

provider_drift(d, target) := sprintf("it calls a cloud API while the target is %s", [target.type]) if {
	target.type != "cloud-api"
	d.hosting == "cloud-api"
}

provider_drift(d, target) := "it calls a server of your own while the target is a cloud API" if {
	target.type == "cloud-api"
	d.hosting == "self-hosted"
}

provider_drift(d, target) := sprintf("it calls provider %s while the target declares %s", [d.provider, target.provider]) if {
	target.type == "cloud-api"
	d.hosting == "cloud-api"
	d.provider != null
	is_string(target.provider)
	not provider_agrees(d.provider, target.provider)
}

provider_agrees(prefix, declared) if provider.key(prefix) == provider.key(declared)

provider_agrees(prefix, declared) if {
	some name in config.gatewayProviders[prefix]
	provider.key(name) == provider.key(declared)
}

# METADATA
# title: A gateway fallback or sibling sends data where the manifest never allows it
# description: >-
#   A fallback of any kind (outage, context window, content policy, default) or a load-balanced
#   sibling behind the same name receives the data of the model it stands in for. When that
#   deployment is one the manifest never routes the data class to, and the data rules would
#   refuse it (regulated data on a cloud API, data outside its residency), the gateway breaks
#   the declaration on exactly the requests that matter: long inputs and outages.
# custom:
#   id: RW-DRIFT-002
#   severity: error
#   remediation: >-
#     Remove the fallback or sibling, or point it at a deployment the manifest allows for this
#     data (declare it in the manifest's `fallbacks` or routing if it is meant to be used, and
#     make sure the data rules accept it).
deny contains finding if {
	some f in input.observed.gatewayFallbacks
	some source in fallback_sources(f)
	some class_id in flows(source)
	class := classes[class_id]
	some d in deployments
	d.modelName == f.to
	not manifest_allows(class_id, d)
	why := refusal(class, d)
	finding := {
		"id": "RW-DRIFT-002",
		"message": sprintf("Gateway %s send %s from %s to %s (%s, %s): %s.", [fallback_name(f), class_id, source, f.to, d.model, declared_as(d), why]),
		"location": f.location,
		"related": [deployment_place(d), class_place(class_id)],
		"subject": {"dataClass": class_id, "target": d.target},
	}
}

fallback_sources(f) := {f.from} if f.from != null

fallback_sources(f) := {name | some name in names; count(direct_classes(name)) > 0} if f.from == null

fallback_name(f) := sprintf("%s (%s)", [f.kind, f.settings])

deny contains finding if {
	some name in names
	some class_id in direct_classes(name)
	class := classes[class_id]
	some d in deployments
	d.modelName == name
	not manifest_allows(class_id, d)
	why := refusal(class, d)
	finding := {
		"id": "RW-DRIFT-002",
		"message": sprintf("Gateway model %s load-balances %s onto %s (%s): %s.", [name, class_id, d.model, declared_as(d), why]),
		"location": d.location,
		"related": [class_place(class_id)],
		"subject": {"dataClass": class_id, "target": d.target},
	}
}

# METADATA
# title: A gateway deployment processes data outside its residency
# description: >-
#   The gateway decides where a request is processed: a Bedrock `global.` profile may process it
#   in any region, an `us.` profile anywhere in the US, a region parameter names one region.
#   When that place lies outside the residency of a data class the target receives, the data
#   leaves where it may be processed, whatever the manifest's `region` says.
# custom:
#   id: RW-DRIFT-003
#   severity: error
#   remediation: >-
#     Use a regional endpoint or a data-zone profile inside the data's residency (for example
#     `eu.` instead of `global.` on Bedrock, an EU region for Azure and Vertex), or route the
#     data class to another target.
deny contains finding if {
	some d in deployments
	d.target != null
	placed(d)
	some r in input.reaches
	r.target == d.target
	class := classes[r.dataClass]
	is_array(class.residency)
	reach.outside(at(d), where(d), class.residency)
	finding := {
		"id": "RW-DRIFT-003",
		"message": sprintf("Gateway model %s (%s) for target %s %s, but data class %s may be processed only in %s.", [d.modelName, d.model, d.target, whereabouts(d), class.id, concat(", ", class.residency)]),
		"location": region_place(d),
		"related": [class_place(class.id), target_place(d.target)],
		"subject": {"dataClass": class.id, "target": d.target},
	}
}

region_place(d) := d.regionLocation if d.regionLocation != null

region_place(d) := d.modelLocation if d.regionLocation == null

# The file says where it runs: a region, or a profile that is not regional.
placed(d) if d.region != null

placed(d) if d.processingScope != "regional"

# METADATA
# title: The gateway serves a model the manifest does not know about
# description: >-
#   A gateway deployment that matches no target (by `model_info.id` or `gatewayModels`) is judged
#   by no rule of the manifest: clients can call it with any data.
# custom:
#   id: RW-DRIFT-004
#   severity: warning
#   remediation: >-
#     Declare the model as a target (and list this name in its `gatewayModels`), set
#     `model_info.id` to the target id, or remove it from the gateway.
warn contains finding if {
	some d in deployments
	d.target == null
	finding := {
		"id": "RW-DRIFT-004",
		"message": sprintf("Gateway model %s (%s) matches no target of the manifest.", [d.modelName, d.model]),
		"location": d.location,
	}
}

# METADATA
# title: The gateway exposes a wildcard model
# description: >-
#   `model_name: "*"` or a provider model with `*` lets clients call every model of a family,
#   including ones nobody reviewed, so no manifest can describe what is served.
# custom:
#   id: RW-DRIFT-005
#   severity: warning
#   remediation: List the models you mean to serve one by one instead of a wildcard.
warn contains finding if {
	some d in deployments
	d.wildcard
	finding := {
		"id": "RW-DRIFT-005",
		"message": sprintf("Gateway model %s (%s) is a wildcard: it exposes every matching model.", [d.modelName, d.model]),
		"location": d.location,
	}
}

# METADATA
# title: The gateway's PII guardrail does not protect every request
# description: >-
#   With personal or regulated data in the manifest, a PII guardrail only protects requests it
#   runs on. In `logging_only` mode it records what it would have masked and lets the data
#   through; without `default_on` it runs only for clients that ask for it.
# custom:
#   id: RW-DRIFT-006
#   severity: warning
#   remediation: Run the guardrail in `pre_call` (or `during_call`) mode with `default_on` set to true.
warn contains finding if {
	some g in input.observed.guardrails
	g.pii
	why := weak_guardrail(g)
	sensitive_ids := sort([class.id | some class in input.dataClasses; sensitive(class)])
	count(sensitive_ids) > 0
	finding := {
		"id": "RW-DRIFT-006",
		"message": sprintf("Gateway guardrail %s %s, while the manifest handles personal or regulated data (%s).", [g.name, why, concat(", ", sensitive_ids)]),
		"location": g.location,
		"related": [class_place(sensitive_ids[0])],
	}
}

weak_guardrail(g) := "only logs (mode logging_only)" if g.mode == "logging_only"

weak_guardrail(g) := "is not on by default" if {
	g.mode != "logging_only"
	not g.defaultOn
}

sensitive(class) if class.regulated == true

sensitive(class) if class.category in config.personalDataCategories

# METADATA
# title: A declared target has no deployment in the gateway
# description: >-
#   With a gateway source, every target should be reachable through it. A target with no gateway
#   deployment is declared but not deployed: the rules judged a route nobody can take, and the
#   traffic goes somewhere else.
# custom:
#   id: RW-DRIFT-007
#   severity: warning
#   remediation: >-
#     Add the target's model to the gateway (with `model_info.id` set to the target id, or its
#     name in the target's `gatewayModels`), or remove the target from the manifest.
warn contains finding if {
	some source in input.observed.sources
	source == first_gateway
	some target in input.targets
	not deployed(target.id)
	finding := {
		"id": "RW-DRIFT-007",
		"message": sprintf("Target %s has no deployment in the gateway (%s).", [target.id, concat(", ", gateway_files)]),
		"path": target.path,
		"related": [{"file": source.location.file, "line": source.location.line, "column": source.location.column, "message": "the gateway's model list"}],
		"subject": {"target": target.id},
	}
}

first_gateway := [s | some s in input.observed.sources; s.type == "litellm"][0]

gateway_files := [s.file | some s in input.observed.sources; s.type == "litellm"]

deployed(id) if {
	some d in deployments
	d.target == id
}

# METADATA
# title: The gateway keeps models in a database
# description: >-
#   With `store_model_in_db`, models added through the gateway's admin API live in its database,
#   not in the file: the drift check sees only part of what is served.
# custom:
#   id: RW-DRIFT-008
#   severity: warning
#   remediation: >-
#     Keep the gateway's models in its config file (turn off store_model_in_db), or review the
#     database-stored models by hand and record that review.
warn contains finding if {
	some db in input.observed.databaseModels
	finding := {
		"id": "RW-DRIFT-008",
		"message": sprintf("Gateway %s keeps models in its database; those models are not checked.", [db.file]),
		"location": db.location,
	}
}
