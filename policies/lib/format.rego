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
