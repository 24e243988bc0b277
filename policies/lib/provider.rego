# Shared by the built-in rules: the name a target's provider is known by in the settings. The
# manifest's `provider` is free text, and teams write one provider several ways (`AWS Bedrock`,
# `aws-bedrock`, `bedrock`); the offers, price book and gateway settings name each provider once.
package routewise.lib.provider

# Lower case, spaces and underscores as hyphens, then `providerAliases` of data.yaml.
key(name) := object.get(object.get(data.routewise.config, "providerAliases", {}), spelled, spelled) if {
	is_string(name)
	spelled := regex.replace(lower(trim_space(name)), `[\s_]+`, "-")
}
