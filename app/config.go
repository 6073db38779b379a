package app

import (
	"smflow/sim"
	"smflow/sim/param"
)

// ConfigFrom turns values into a simulation configuration (sim.ConfigFrom),
// reporting an error as a warning; the page and the browser tests (for the
// native hash) both use it.
func ConfigFrom(v param.Values) (sim.Config, []param.Warning) {
	cfg, err := sim.ConfigFrom(v)
	if err != nil {
		return cfg, []param.Warning{{Message: err.Error()}}
	}
	return cfg, nil
}
