package routewise.lib.format_test

import data.routewise.lib.format

test_small_numbers_are_plain if {
	format.grouped(0) == "0"
	format.grouped(999) == "999"
}

test_thousands_are_grouped if {
	format.grouped(50000) == "50,000"
	format.grouped(1000) == "1,000"
}

test_millions_and_billions_are_grouped if {
	format.grouped(50000000) == "50,000,000"
	format.grouped(1000000) == "1,000,000"
	format.grouped(2000000000) == "2,000,000,000"
	format.grouped(1234567890) == "1,234,567,890"
}

test_fractions_and_negatives_are_printed_as_they_are if {
	format.grouped(7.2) == "7.2"
	format.grouped(-5) == "-5"
}

test_about_usd_keeps_three_significant_digits if {
	format.about_usd(50968.75) == "$51,000"
	format.about_usd(59525.73) == "$59,500"
	format.about_usd(437.5) == "$438"
	format.about_usd(1234567) == "$1,230,000"
}

test_tokens_in_billions_and_millions if {
	format.tokens(11650000000) == "11.65B"
	format.tokens(300000000) == "300.0M"
	format.tokens(45000) == "45,000"
	format.tokens(2000000000) == "2.00B"
}

test_percent_rounds_to_whole if {
	format.percent(0.109) == "11%"
	format.percent(0.028) == "3%"
}
