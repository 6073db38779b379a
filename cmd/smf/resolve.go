//go:build !js

package main

import (
	"smflow/app"
	"smflow/scene"
	"smflow/sim/param"
)

// resolve parses a query as the page does: a preset of the page
// (preset=...) applies first, the query's other keys on top.
func resolve(query string) (param.Values, []param.Warning) {
	return app.Resolve(query, scene.Presets)
}
