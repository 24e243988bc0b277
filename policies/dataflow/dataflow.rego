# Which data may flow to third parties (guidance 1): regulated data stays on models you run,
# data under a regulation goes only to hosts that signed what it needs, and private data goes
# only to APIs that neither keep nor train on it.
package routewise.rules.dataflow

import data.routewise.lib.reach

config := data.routewise.config

classes := {d.id: d | some d in input.dataClasses}

targets := {t.id: t | some t in input.targets}

regulations_of(class) := sprintf(" (%s)", [concat(", ", class.regulations)]) if count(class.regulations) > 0

regulations_of(class) := "" if count(class.regulations) == 0

# Regulated data routed to a cloud API that may not receive it. Burst and fallback reaches alone
# are RW-HYB-003's (one mistake, one finding).
data_001 contains [class.id, target.id] if {
	some r in input.reaches
	r.via in reach.primary_vias
	target := targets[r.target]
	target.type == "cloud-api"
	class := classes[r.dataClass]
	reach.cloud_api_objection(class)
}

data_001_applies(class, target) if {
	target.type == "cloud-api"
	reach.cloud_api_objection(class)
	reach.routed(class.id, target.id)
}

# METADATA
# title: Regulated data must not reach cloud LLM APIs
# description: >-
#   Medical, financial, payment-card and other regulated data sent to a third-party LLM API leaves
#   your control. Unless the organisation allows regulated data on cloud APIs
#   (`allowRegulatedOnCloudApi`), and never for PCI DSS data (`regulationsNeverOnCloudApi`), keep it
#   on models you run. Judgement calls: only routing counts here (a rule, the default, or no
#   routing at all), since a class that reaches the API only through burst or a fallback is one
#   mistake in that overflow path, reported as RW-HYB-003; where routing and burst both send it,
#   this finding alone is given, because fixing the route is the first step. Missing agreements
#   are RW-DATA-007's, and never reported for a class and target this rule already names.
# custom:
#   id: RW-DATA-001
#   severity: error
#   remediation: >-
#     Route this data class to a self-hosted or on-premises target (a routing rule with
#     `when.dataClasses` placed before the default, and `burst.excludeDataClasses` /
#     `fallbacks[].excludeDataClasses`), or de-identify it before any LLM sees it.
#   guidance: "1. Regulated data usually needs self-hosting; less sensitive data can go to cloud APIs."
deny contains finding if {
	some pair in data_001
	class := classes[pair[0]]
	target := targets[pair[1]]
	finding := {
		"id": "RW-DATA-001",
		"message": sprintf("Regulated data class %s%s reaches cloud API target %s through workload(s) %s, but %s.", [class.id, regulations_of(class), target.id, reach.senders(class.id, target.id), reach.cloud_api_objection(class)]),
		"path": reach.first(class.id, target.id).path,
		"subject": {"dataClass": class.id, "target": target.id},
	}
}

# What a class's regulations demand of a third-party target and it lacks, as "reg needs agreement".
agreement_gaps(class, target) := {sprintf("%s needs %s", [reg, agreement]) |
	some reg in class.regulations
	some agreement in reach.agreements_needed(reg)
	not target.agreements[agreement] == true
}

# Reached only by burst or fallback, and RW-HYB-003 reports it.
overflow_only_hyb_003(class, target) if {
	target.type == "cloud-api"
	reach.cloud_api_objection(class)
	not reach.routed(class.id, target.id)
}

data_007 contains [class.id, target.id] if {
	some r in input.reaches
	class := classes[r.dataClass]
	count(class.regulations) > 0
	target := targets[r.target]
	target.thirdParty == true
	count(agreement_gaps(class, target)) > 0
	not data_001_applies(class, target)
	not overflow_only_hyb_003(class, target)
}

kind_of(target) := "cloud API" if target.type == "cloud-api"

kind_of(target) := "rented-GPU" if target.type == "cloud-self-hosted"

# METADATA
# title: Data under a regulation needs the agreements that regulation requires on every third-party host
# description: >-
#   HIPAA makes every host of patient data a business associate, GDPR every host of personal data
#   a processor: a cloud API and a GPU cloud that runs your own model alike. So a class under a
#   regulation (`regulations`) may reach a target not on premises only when the target holds the
#   agreement that regulation needs (`regulationAgreements`: hipaa needs baa; gdpr, uk-gdpr, ccpa,
#   glba need dpa). Judgement calls: the class's `regulated` flag does not matter (GDPR personal
#   data is rarely marked regulated, and still needs a DPA); every way of reaching counts,
#   burst and fallbacks included; a class and target already reported as RW-DATA-001 (waived or
#   not), or reaching a cloud API only by burst or fallback (RW-HYB-003), are not reported again.
# custom:
#   id: RW-DATA-007
#   severity: error
#   remediation: >-
#     Sign the missing agreement with the provider and record it under the target's `agreements`,
#     or route this data class to a target that has it (or to your own hardware).
#   guidance: "1. Data requirements first: every processor of regulated data is bound by contract."
deny contains finding if {
	some pair in data_007
	class := classes[pair[0]]
	target := targets[pair[1]]
	finding := {
		"id": "RW-DATA-007",
		"message": sprintf("Data class %s%s reaches %s target %s (provider %v) through workload(s) %s, which lacks the agreements its regulations need: %s.", [class.id, regulations_of(class), kind_of(target), target.id, target.provider, reach.senders(class.id, target.id), concat("; ", sort(agreement_gaps(class, target)))]),
		"path": reach.first(class.id, target.id).path,
		"subject": {"dataClass": class.id, "target": target.id},
	}
}

open_categories := {"public", "internal"}

missing_protections(target) := {flag |
	some flag in ["zeroDataRetention", "trainingOptOut"]
	not target.agreements[flag]
}

private_on_cloud_api contains [r.dataClass, r.target] if {
	some r in input.reaches
	target := targets[r.target]
	target.type == "cloud-api"
	not classes[r.dataClass].category in open_categories
	count(missing_protections(target)) > 0
}

# METADATA
# title: Non-public data needs zero retention and a training opt-out on cloud APIs
# description: >-
#   A cloud API that keeps prompts or trains on them turns personal, confidential, health,
#   financial or payment-card data into a lasting exposure. Such data should only go to providers
#   that contractually do neither. Judgement call: every category but public and internal counts,
#   and every way of reaching the API (burst and fallbacks too), since a retained prompt is
#   retained however it got there; this is a separate concern from whether the data may go
#   there at all (RW-DATA-001), so both can be reported.
# custom:
#   id: RW-DATA-004
#   severity: warning
#   remediation: >-
#     Obtain zero data retention and a training opt-out from the provider and set
#     `agreements.zeroDataRetention` and `agreements.trainingOptOut` on the target, or route this
#     data class to a model you run.
#   guidance: "1. Less sensitive data can go to cloud APIs, under terms that protect it."
warn contains finding if {
	some pair in private_on_cloud_api
	class := classes[pair[0]]
	target := targets[pair[1]]
	finding := {
		"id": "RW-DATA-004",
		"message": sprintf("Data class %s (%s) reaches cloud API target %s, which lacks %s.", [class.id, class.category, target.id, concat(" and ", sort(missing_protections(target)))]),
		"path": reach.first(class.id, target.id).path,
		"subject": {"dataClass": class.id, "target": target.id},
	}
}
