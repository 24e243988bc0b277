package routewise.rules.timeline_test

import data.routewise.rules.timeline

config := {"minWeeksOnPrem": 12, "minWeeksSelfHosted": 4}

target(id, type) := {"id": id, "type": type}

doc(targets, launch_by, weeks) := {
	"targets": targets,
	"timeline": {"launchBy": launch_by, "weeksToLaunch": null, "weeksUntilLaunch": weeks, "path": ["timeline"]},
}

test_on_prem_launch_too_soon_warns if {
	found := timeline.warn with input as doc([target("rack", "on-premises")], "2027-01-08", 6)
		with data.routewise.config as config
	count(found) == 1
	some f in found
	f.id == "RW-TIME-001"
	f.path == ["timeline", "launchBy"]
	mentions(f.message, "rack")
	mentions(f.message, "12 weeks")
	mentions(f.message, "6 weeks away")
}

test_fractional_weeks_are_rounded_in_the_message if {
	found := timeline.warn with input as doc([target("vllm", "cloud-self-hosted")], "2026-12-12", 2.142857)
		with data.routewise.config as config
	some f in found
	mentions(f.message, "2.1 weeks away")
}

test_past_launch_date_warns if {
	found := timeline.warn with input as doc([target("vllm", "cloud-self-hosted")], "2026-10-01", -8.1)
		with data.routewise.config as config
	some f in found
	mentions(f.message, "already passed")
}

test_hybrid_with_both_kinds_can_warn_twice if {
	found := timeline.warn with input as doc([target("rack", "on-premises"), target("vllm", "cloud-self-hosted")], "2026-12-12", 2)
		with data.routewise.config as config
	count(found) == 2
}

test_self_hosted_with_enough_time_passes if {
	count(timeline.warn) == 0 with input as doc([target("vllm", "cloud-self-hosted")], "2027-03-01", 13.6)
		with data.routewise.config as config
}

test_on_prem_needs_more_time_than_self_hosted if {
	count(timeline.warn) == 1 with input as doc([target("rack", "on-premises")], "2027-03-01", 8)
		with data.routewise.config as config
}

test_cloud_api_can_launch_at_once if {
	count(timeline.warn) == 0 with input as doc([target("gpt", "cloud-api")], "2026-11-30", 0.4)
		with data.routewise.config as config
}

test_weeks_to_launch_is_located_at_its_field if {
	d := {"targets": [target("rack", "on-premises")], "timeline": {"launchBy": null, "weeksToLaunch": 3, "weeksUntilLaunch": 3, "path": ["timeline"]}}
	found := timeline.warn with input as d with data.routewise.config as config
	some f in found
	f.path == ["timeline", "weeksToLaunch"]
}

test_no_timeline_means_no_finding if {
	count(timeline.warn) == 0 with input as doc([target("rack", "on-premises")], null, null)
		with data.routewise.config as config
}

# Messages must name the concrete ids and numbers involved.
mentions(text, part) if indexof(text, part) >= 0
