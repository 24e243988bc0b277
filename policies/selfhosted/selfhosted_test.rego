package routewise.rules.selfhosted_test

import data.routewise.rules.selfhosted

config := {"minMlopsForSelfHosted": 1}

gpus := {
	"id": "vllm", "type": "cloud-self-hosted", "model": "mistral-7b", "provider": "aws", "region": "eu",
	"openWeights": true, "agreements": {"baa": false, "dpa": false, "zeroDataRetention": false, "trainingOptOut": false},
	"hardware": {"gpus": 2, "gpuType": "l4", "capexUsd": null, "hourlyUsd": 2}, "monitored": true,
	"reachedBy": ["chat"], "path": ["deployment", "targets", 0],
}

api := object.union(gpus, {"id": "gpt", "type": "cloud-api", "provider": "openai", "openWeights": false, "hardware": null})

team(engineers) := {"mlopsEngineers": engineers, "skills": [], "path": ["team"]}

test_self_hosted_without_mlops_engineers_is_denied if {
	found := selfhosted.deny with input as {"targets": [gpus], "team": team(0)} with data.routewise.config as config
	count(found) == 1
	some f in found
	f.id == "RW-SELF-001"
	f.path == ["team", "mlopsEngineers"]
	mentions(f.message, "vllm")
}

test_self_hosted_with_an_engineer_passes if {
	count(selfhosted.deny) == 0 with input as {"targets": [gpus], "team": team(1)} with data.routewise.config as config
}

test_cloud_api_alone_needs_no_engineers if {
	count(selfhosted.deny) == 0 with input as {"targets": [api], "team": team(0)} with data.routewise.config as config
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
