# Shared by the built-in rules: numbers in messages grouped by thousands, so token counts and
# prices read at a glance (2,000,000,000 rather than 2000000000).
package routewise.lib.format

whole(n) if {
	is_number(n)
	n >= 0
	n == floor(n)
}

# Rego forbids recursion, so each size gets its own definition.
grouped(n) := sprintf("%v", [n]) if not whole(n)

grouped(n) := sprintf("%d", [n]) if {
	whole(n)
	n < 1000
}

grouped(n) := sprintf("%d,%03d", [floor(n / 1000), n % 1000]) if {
	whole(n)
	n >= 1000
	n < 1000000
}

grouped(n) := sprintf("%d,%03d,%03d", [floor(n / 1000000), floor(n / 1000) % 1000, n % 1000]) if {
	whole(n)
	n >= 1000000
	n < 1000000000
}

grouped(n) := sprintf("%d,%03d,%03d,%03d", [floor(n / 1000000000), floor(n / 1000000) % 1000, floor(n / 1000) % 1000, n % 1000]) if {
	whole(n)
	n >= 1000000000
	n < 1000000000000
}

grouped(n) := sprintf("%v", [n]) if {
	whole(n)
	n >= 1000000000000
}

# Money in messages, rounded to three significant digits: estimates read as estimates
# ("about $51,000", not "$50,968.75").
about_usd(x) := sprintf("$%s", [grouped(round(x / u) * u)]) if u := _unit(x)

_unit(x) := 1 if x < 1000

_unit(x) := 10 if {
	x >= 1000
	x < 10000
}

_unit(x) := 100 if {
	x >= 10000
	x < 100000
}

_unit(x) := 1000 if {
	x >= 100000
	x < 1000000
}

_unit(x) := 10000 if {
	x >= 1000000
	x < 10000000
}

_unit(x) := 100000 if x >= 10000000

# Token volumes: 11.65B, 300.0M, 45,000.
tokens(n) := sprintf("%d.%02dB", [floor(b / 100), b % 100]) if {
	n >= 1000000000
	b := round(n / 10000000)
}

tokens(n) := sprintf("%d.%dM", [floor(m / 10), m % 10]) if {
	n >= 1000000
	n < 1000000000
	m := round(n / 100000)
}

tokens(n) := grouped(round(n)) if n < 1000000

# A share 0..1 as a whole percentage.
percent(share) := sprintf("%d%%", [round(share * 100)])
