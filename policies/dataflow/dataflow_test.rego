package routewise.rules.dataflow_test

import data.routewise.rules.dataflow

strict := {
	"allowRegulatedOnCloudApi": false,
	"regulationAgreements": {"hipaa": "baa", "gdpr": "dpa", "uk-gdpr": "dpa", "ccpa": "dpa", "glba": "dpa"},
	"regulationsNeverOnCloudApi": ["pci-dss"],
}

lenient := object.union(strict, {"allowRegulatedOnCloudApi": true})

class(id, category, regulated, regulations) := {
	"id": id, "category": category, "regulated": regulated, "regulations": regulations,
	"residency": null, "usedBy": ["chat"], "path": ["dataClasses", 0],
}

signed(baa, dpa, zdr, opt_out) := {"baa": baa, "dpa": dpa, "zeroDataRetention": zdr, "trainingOptOut": opt_out}

target(id, type, agreements) := {
	"id": id, "type": type, "model": "m", "provider": "openai", "region": null,
	"openWeights": type != "cloud-api", "agreements": agreements, "hardware": null,
	"thirdParty": type != "on-premises",
	"monitored": true, "reachedBy": ["chat"], "path": ["deployment", "targets", 0],
}

reach(workload, class_id, target_id, route) := {
	"workload": workload, "dataClass": class_id, "target": target_id, "via": "route",
	"route": route, "fallback": null, "with": null, "path": ["deployment", "routing", route, "to"],
}

overflow(workload, class_id, target_id, via) := {
	"workload": workload, "dataClass": class_id, "target": target_id, "via": via,
	"route": null, "fallback": 0, "with": null, "path": ["deployment", "fallbacks", 0, "to"],
}

one_flow(data_class, tgt) := {
	"dataClasses": [data_class],
	"targets": [tgt],
	"reaches": [reach("chat", data_class.id, tgt.id, 0)],
}

gpt := target("gpt", "cloud-api", signed(false, false, false, false))

findings_with(id, set) := [f | some f in set; f.id == id]

test_regulated_class_reaching_cloud_api_is_denied if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), gpt)
	found := findings_with("RW-DATA-001", dataflow.deny) with input as flow with data.routewise.config as strict
	count(found) == 1
	found[0].subject == {"dataClass": "records", "target": "gpt"}
	found[0].path == ["deployment", "routing", 0, "to"]
	mentions(found[0].message, "records (hipaa)")
	mentions(found[0].message, "gpt")
}

test_regulated_class_on_self_hosted_target_passes if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), target("llama", "cloud-self-hosted", signed(false, false, false, false)))
	count(findings_with("RW-DATA-001", dataflow.deny)) == 0 with input as flow with data.routewise.config as strict
}

test_unregulated_class_on_cloud_api_passes if {
	flow := one_flow(class("faq", "public", false, []), gpt)
	count(findings_with("RW-DATA-001", dataflow.deny)) == 0 with input as flow with data.routewise.config as strict
}

test_class_marked_regulated_explicitly_is_denied if {
	flow := one_flow(class("contracts", "confidential", true, []), gpt)
	count(findings_with("RW-DATA-001", dataflow.deny)) == 1 with input as flow with data.routewise.config as strict
}

test_many_reaches_of_one_class_and_target_give_one_finding_at_the_first if {
	flow := {
		"dataClasses": [class("records", "health", true, ["hipaa"])],
		"targets": [gpt],
		"reaches": [reach("chat", "records", "gpt", 1), reach("summaries", "records", "gpt", 2)],
	}
	found := findings_with("RW-DATA-001", dataflow.deny) with input as flow with data.routewise.config as strict
	count(found) == 1
	found[0].path == ["deployment", "routing", 1, "to"]
	mentions(found[0].message, "chat, summaries")
}

test_allowed_regulated_data_with_signed_baa_passes if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), target("gpt", "cloud-api", signed(true, false, false, false)))
	count(findings_with("RW-DATA-001", dataflow.deny)) == 0 with input as flow with data.routewise.config as lenient
}

test_allowed_regulated_data_without_baa_is_data_007_not_data_001 if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), gpt)
	count(findings_with("RW-DATA-001", dataflow.deny)) == 0 with input as flow with data.routewise.config as lenient
	found := findings_with("RW-DATA-007", dataflow.deny) with input as flow with data.routewise.config as lenient
	count(found) == 1
	mentions(found[0].message, "hipaa needs baa")
}

test_allowed_gdpr_data_needs_a_dpa if {
	without := one_flow(class("customers", "personal", true, ["gdpr"]), gpt)
	with_dpa := one_flow(class("customers", "personal", true, ["gdpr"]), target("gpt", "cloud-api", signed(false, true, false, false)))
	count(findings_with("RW-DATA-007", dataflow.deny)) == 1 with input as without with data.routewise.config as lenient
	count(findings_with("RW-DATA-007", dataflow.deny)) == 0 with input as with_dpa with data.routewise.config as lenient
}

# Defect: GDPR personal data (not marked regulated) sent to an API with dpa: false passed.
test_gdpr_data_not_marked_regulated_needs_a_dpa_on_a_cloud_api if {
	without := one_flow(class("customers", "personal", false, ["gdpr"]), gpt)
	with_dpa := one_flow(class("customers", "personal", false, ["gdpr"]), target("gpt", "cloud-api", signed(false, true, false, false)))
	found := findings_with("RW-DATA-007", dataflow.deny) with input as without with data.routewise.config as strict
	count(found) == 1
	found[0].subject == {"dataClass": "customers", "target": "gpt"}
	count(findings_with("RW-DATA-007", dataflow.deny)) == 0 with input as with_dpa with data.routewise.config as strict
}

# Defect: patient data on a rented GPU cloud with no BAA passed.
test_patient_data_on_rented_gpus_needs_a_baa if {
	without := one_flow(class("records", "health", true, ["hipaa"]), target("gpus", "cloud-self-hosted", signed(false, false, false, false)))
	with_baa := one_flow(class("records", "health", true, ["hipaa"]), target("gpus", "cloud-self-hosted", signed(true, false, false, false)))
	found := findings_with("RW-DATA-007", dataflow.deny) with input as without with data.routewise.config as strict
	count(found) == 1
	mentions(found[0].message, "rented-GPU target gpus")
	count(findings_with("RW-DATA-007", dataflow.deny)) == 0 with input as with_baa with data.routewise.config as strict
}

test_regulated_data_on_premises_needs_no_agreement if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), target("rack", "on-premises", signed(false, false, false, false)))
	count(findings_with("RW-DATA-007", dataflow.deny)) == 0 with input as flow with data.routewise.config as strict
}

test_data_001_and_data_007_never_both_for_one_class_and_target if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), gpt)
	count(findings_with("RW-DATA-001", dataflow.deny)) == 1 with input as flow with data.routewise.config as strict
	count(findings_with("RW-DATA-007", dataflow.deny)) == 0 with input as flow with data.routewise.config as strict
}

test_regulated_class_reaching_a_cloud_api_only_by_fallback_is_left_to_hyb_003 if {
	flow := {
		"dataClasses": [class("records", "health", true, ["hipaa"])],
		"targets": [gpt],
		"reaches": [overflow("chat", "records", "gpt", "fallback")],
	}
	count(dataflow.deny) == 0 with input as flow with data.routewise.config as strict
}

test_gdpr_class_reaching_a_cloud_api_only_by_fallback_is_data_007 if {
	flow := {
		"dataClasses": [class("customers", "personal", false, ["gdpr"])],
		"targets": [gpt],
		"reaches": [overflow("chat", "customers", "gpt", "fallback")],
	}
	[f.id | some f in dataflow.deny] == ["RW-DATA-007"] with input as flow with data.routewise.config as strict
}

test_payment_card_data_is_never_allowed_on_cloud_apis if {
	flow := one_flow(class("cards", "payment-card", true, ["pci-dss"]), target("gpt", "cloud-api", signed(true, true, true, true)))
	found := findings_with("RW-DATA-001", dataflow.deny) with input as flow with data.routewise.config as lenient
	count(found) == 1
	mentions(found[0].message, "pci-dss")
}

test_personal_data_on_cloud_api_without_protections_warns if {
	flow := one_flow(class("emails", "personal", false, []), target("gpt", "cloud-api", signed(false, false, true, false)))
	found := findings_with("RW-DATA-004", dataflow.warn) with input as flow with data.routewise.config as strict
	count(found) == 1
	found[0].subject == {"dataClass": "emails", "target": "gpt"}
	mentions(found[0].message, "trainingOptOut")
	not mentions(found[0].message, "zeroDataRetention")
}

test_personal_data_on_protected_cloud_api_passes if {
	flow := one_flow(class("emails", "personal", false, []), target("gpt", "cloud-api", signed(false, false, true, true)))
	count(findings_with("RW-DATA-004", dataflow.warn)) == 0 with input as flow with data.routewise.config as strict
}

# Defect: health and financial data were skipped by the retention check.
test_health_data_on_cloud_api_without_protections_warns if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), gpt)
	found := findings_with("RW-DATA-004", dataflow.warn) with input as flow with data.routewise.config as strict
	count(found) == 1
	mentions(found[0].message, "records (health)")
}

test_financial_data_on_protected_cloud_api_passes_data_004 if {
	flow := one_flow(class("ledgers", "financial", true, []), target("gpt", "cloud-api", signed(false, false, true, true)))
	count(findings_with("RW-DATA-004", dataflow.warn)) == 0 with input as flow with data.routewise.config as strict
}

test_internal_data_on_unprotected_cloud_api_passes if {
	flow := one_flow(class("docs", "internal", false, []), gpt)
	count(findings_with("RW-DATA-004", dataflow.warn)) == 0 with input as flow with data.routewise.config as strict
}

test_confidential_data_on_self_hosted_target_passes if {
	flow := one_flow(class("plans", "confidential", false, []), target("llama", "on-premises", signed(false, false, false, false)))
	count(findings_with("RW-DATA-004", dataflow.warn)) == 0 with input as flow with data.routewise.config as strict
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
