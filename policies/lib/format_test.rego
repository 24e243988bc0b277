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
