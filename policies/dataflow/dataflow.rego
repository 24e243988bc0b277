# Which data may flow to cloud LLM APIs (guidance 1): regulated data stays on models you run,
# personal and confidential data goes only to APIs that neither keep nor train on it.
package routewise.rules.dataflow

config := data.routewise.config

classes := {d.id: d | some d in input.dataClasses}

targets := {t.id: t | some t in input.targets}

# Several workloads and routes may send one class to one target; it is reported once, at the
# first place that sends it there.
first_reach(class_id, target_id) := reaches[0] if {
	reaches := [r | some r in input.reaches; r.dataClass == class_id; r.target == target_id]
}

senders(class_id, target_id) := concat(", ", sort({r.workload |
	some r in input.reaches
	r.dataClass == class_id
	r.target == target_id
}))

regulations_of(class) := sprintf(" (%s)", [concat(", ", class.regulations)]) if count(class.regulations) > 0

regulations_of(class) := "" if count(class.regulations) == 0

regulated_on_cloud_api contains [r.dataClass, r.target] if {
	some r in input.reaches
	classes[r.dataClass].regulated == true
	targets[r.target].type == "cloud-api"
}

# What each regulation of a class demands of a cloud API target, where the organisation
# allows regulated data on cloud APIs at all.
agreement_gaps(class, target) := missing | never if {
	missing := {sprintf("%s needs a signed %s agreement", [reg, agreement]) |
		some reg in class.regulations
		agreement := config.regulationAgreements[reg]
		not target.agreements[agreement]
	}
	never := {sprintf("%s data is never allowed on cloud APIs", [reg]) |
		some reg in class.regulations
		reg in config.regulationsNeverOnCloudApi
	}
}

objection(_, _) := "the organisation does not allow regulated data on cloud APIs" if {
	not config.allowRegulatedOnCloudApi
}

objection(class, target) := concat("; ", sort(gaps)) if {
	config.allowRegulatedOnCloudApi == true
	gaps := agreement_gaps(class, target)
	count(gaps) > 0
}

# METADATA
# title: Regulated data must not reach cloud LLM APIs
# description: >-
#   Medical, financial, payment-card and other regulated data sent to a third-party LLM API leaves
#   your control. Unless the organisation allows it and the provider has signed what each
#   regulation needs (a BAA for HIPAA, a DPA for GDPR; never for PCI DSS), keep it on models you run.
# custom:
#   id: RW-DATA-001
#   severity: error
#   remediation: >-
#     Route this data class to a self-hosted or on-premises target (a routing rule with
#     `when.dataClasses` placed before the default, and `burst.excludeDataClasses`), or, where
#     policy allows regulated data on cloud APIs, sign the missing agreement and record it under
#     the target's `agreements`.
#   guidance: "1. Regulated data usually needs self-hosting; less sensitive data can go to cloud APIs."
deny contains finding if {
	some pair in regulated_on_cloud_api
	class := classes[pair[0]]
	target := targets[pair[1]]
	why := objection(class, target)
	finding := {
		"id": "RW-DATA-001",
		"message": sprintf("Regulated data class %s%s reaches cloud API target %s through workload(s) %s, but %s.", [class.id, regulations_of(class), target.id, senders(class.id, target.id), why]),
		"path": first_reach(class.id, target.id).path,
		"subject": {"dataClass": class.id, "target": target.id},
	}
}

private_categories := {"personal", "confidential"}

missing_protections(target) := {flag |
	some flag in ["zeroDataRetention", "trainingOptOut"]
	not target.agreements[flag]
}

private_on_cloud_api contains [r.dataClass, r.target] if {
	some r in input.reaches
	classes[r.dataClass].category in private_categories
	target := targets[r.target]
	target.type == "cloud-api"
	count(missing_protections(target)) > 0
}

# METADATA
# title: Personal or confidential data needs zero retention and a training opt-out on cloud APIs
# description: >-
#   A cloud API that keeps prompts or trains on them turns personal or confidential data into a
#   lasting exposure. Such data should only go to providers that contractually do neither.
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
		"path": first_reach(class.id, target.id).path,
		"subject": {"dataClass": class.id, "target": target.id},
	}
}
