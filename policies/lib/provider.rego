# Shared by the built-in rules: the name a target's provider is known by in the settings. The
# manifest's `provider` is free text, and teams write one provider several ways (`AWS Bedrock`,
# `aws-bedrock`, `bedrock`); the offers, price book and gateway settings name each provider once.
package routewise.lib.provider

# `providerAliases` of data.yaml, read by its own path (not through the whole settings object).
default aliases := {}

aliases := data.routewise.config.providerAliases

# Lower case, spaces and underscores as hyphens, then `providerAliases`.
key(name) := object.get(aliases, spelled, spelled) if {
	is_string(name)

	# Words split at spaces and underscores, joined by single hyphens; without a regular
	# expression, whose engine would load for this alone.
	spelled := concat("-", [w | some w in split(replace(lower(trim_space(name)), "_", " "), " "); w != ""])
}
