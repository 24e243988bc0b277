package routewise.rules.dataflow_test

import data.routewise.rules.dataflow

strict := {
	"allowRegulatedOnCloudApi": false,
	"regulationAgreements": {"hipaa": "baa", "gdpr": "dpa"},
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
	"monitored": true, "reachedBy": ["chat"], "path": ["deployment", "targets", 0],
}

reach(workload, class_id, target_id, route) := {
	"workload": workload, "dataClass": class_id, "target": target_id, "via": "route",
	"route": route, "path": ["deployment", "routing", route, "to"],
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

test_allowed_regulated_data_without_baa_is_denied if {
	flow := one_flow(class("records", "health", true, ["hipaa"]), gpt)
	found := findings_with("RW-DATA-001", dataflow.deny) with input as flow with data.routewise.config as lenient
	count(found) == 1
	mentions(found[0].message, "baa")
}

test_allowed_gdpr_data_needs_a_dpa if {
	without := one_flow(class("customers", "personal", true, ["gdpr"]), gpt)
	with_dpa := one_flow(class("customers", "personal", true, ["gdpr"]), target("gpt", "cloud-api", signed(false, true, false, false)))
	count(findings_with("RW-DATA-001", dataflow.deny)) == 1 with input as without with data.routewise.config as lenient
	count(findings_with("RW-DATA-001", dataflow.deny)) == 0 with input as with_dpa with data.routewise.config as lenient
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
