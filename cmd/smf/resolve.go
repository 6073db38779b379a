package main

import (
	"smflow/preset"
	"smflow/sim/param"
)

// resolve parses a query as the page does: a preset of the page
// (preset=...) applies first, the query's other keys on top.
func resolve(query string) (param.Values, []param.Warning) {
	return preset.Resolve(query, preset.For)
}
