package routewise.lib.reach_test

import data.routewise.lib.reach

places_config := {
	"regionJurisdictions": {"eu-central-1": ["de"], "swedencentral": "se", "eu-west-2": ["uk"]},
	"countryBlocs": {"de": ["eu", "eea"], "se": ["eu", "eea"]},
}

test_a_region_lies_in_itself_its_country_and_the_blocs_of_that_country if {
	reach.places("eu-central-1") == {"eu-central-1", "de", "eu", "eea"} with data.routewise.config as places_config
	reach.places("swedencentral") == {"swedencentral", "se", "eu", "eea"} with data.routewise.config as places_config
}

test_a_region_outside_every_bloc_lies_in_its_country_only if {
	reach.places("eu-west-2") == {"eu-west-2", "uk"} with data.routewise.config as places_config
}

test_a_country_lies_in_its_blocs_and_an_unknown_code_only_in_itself if {
	reach.places("de") == {"de", "eu", "eea"} with data.routewise.config as places_config
	reach.places("my-dc-7") == {"my-dc-7"} with data.routewise.config as places_config
}

test_a_place_without_region_or_data_zone_fields_is_outside_every_residency if {
	reach.outside({"processingScope": "regional"}, set(), ["eu"]) == "which declares no region"
	reach.outside({"region": "eu-central-1", "processingScope": "data-zone"}, {"eu-central-1"}, ["eu"]) == "in region eu-central-1 with processingScope data-zone but no dataZone"
}

test_a_region_inside_the_residency_is_not_outside if {
	not reach.outside({"region": "eu-central-1", "processingScope": "regional", "dataZone": null}, reach.places("eu-central-1"), ["eu"]) with data.routewise.config as places_config
	reach.outside({"region": "eu-west-2", "processingScope": "regional", "dataZone": null}, reach.places("eu-west-2"), ["eu"]) == "in region eu-west-2, which lies in eu-west-2, uk" with data.routewise.config as places_config
}

test_a_regulation_needs_one_agreement_or_a_list if {
	reach.agreements_needed("hipaa") == ["baa"] with data.routewise.config as {"regulationAgreements": {"hipaa": "baa"}}
	reach.agreements_needed("hipaa") == ["baa", "dpa"] with data.routewise.config as {"regulationAgreements": {"hipaa": ["baa", "dpa"]}}
	not reach.agreements_needed("sox") with data.routewise.config as {"regulationAgreements": {"hipaa": "baa"}}
}

strict := {"allowRegulatedOnCloudApi": false, "regulationsNeverOnCloudApi": ["pci-dss"]}

lenient := {"allowRegulatedOnCloudApi": true, "regulationsNeverOnCloudApi": ["pci-dss"]}

test_regulated_data_must_stay_unless_the_organisation_allows_cloud_apis if {
	reach.must_stay({"regulated": true, "regulations": ["hipaa"]}) with data.routewise.config as strict
	not reach.must_stay({"regulated": true, "regulations": ["hipaa"]}) with data.routewise.config as lenient
	not reach.must_stay({"regulated": false, "regulations": ["gdpr"]}) with data.routewise.config as strict
}

test_payment_card_data_must_stay_even_where_cloud_apis_are_allowed if {
	reach.must_stay({"regulated": true, "regulations": ["pci-dss"]}) with data.routewise.config as lenient
}

test_routed_counts_routes_and_defaults_but_not_overflow if {
	reaches := [
		{"dataClass": "a", "target": "t", "via": "default"},
		{"dataClass": "b", "target": "t", "via": "burst"},
		{"dataClass": "c", "target": "t", "via": "fallback"},
	]
	reach.routed("a", "t") with input.reaches as reaches
	not reach.routed("b", "t") with input.reaches as reaches
	not reach.routed("c", "t") with input.reaches as reaches
}
