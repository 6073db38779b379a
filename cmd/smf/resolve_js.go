//go:build js

package main

import "smflow/sim/param"

// resolve parses a query. Under WebAssembly (where this command runs only
// for the tests that compare its hashes with the native ones) presets are not
// applied: the page's preset table lives in packages that need a browser.
func resolve(query string) (param.Values, []param.Warning) {
	return param.Parse(query)
}
