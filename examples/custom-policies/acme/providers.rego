# An organisation's own rule, next to routewise's built-in set:
#   routewise check --policy examples/custom-policies/acme examples/startup-cloud-api
package acme.providers

# METADATA
# title: Cloud LLM APIs must come from approved providers
# description: >-
#   Procurement has signed contracts (security review, DPA, pricing) with a short list of
#   LLM API providers; traffic to any other provider is unreviewed.
# custom:
#   id: ACME-001
#   severity: error
#   remediation: Switch the target to an approved provider, or ask procurement to review this one.
deny contains finding if {
	some target in input.targets
	target.type == "cloud-api"
	not target.provider in data.acme.approvedProviders
	finding := {
		"id": "ACME-001",
		"message": sprintf("Target %s uses provider %s, which is not on the approved list (%s).", [
			target.id, target.provider, concat(", ", data.acme.approvedProviders),
		]),
		"path": array.concat(target.path, ["provider"]),
		"subject": {"target": target.id},
	}
}
