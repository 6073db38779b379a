package sim

import (
	"fmt"

	"smflow/sim/param"
)

// ConfigFrom returns the Config of a checked parameter set (the result of
// param.Parse). The view parameters (speed, embed, ...) do not enter it.
func ConfigFrom(v param.Values) (Config, error) {
	cfg := Config{
		Scene: v.Scene,
		Problem: ProblemSpec{
			Name: v.Problem, Dim: v.Dim, XiMean: v.XiMean, XiSD: v.XiSD, Noise: v.Noise,
			Act: v.Act, Neuron: v.Neuron, Din: v.Din, Target: v.Target, Teacher: v.Teacher,
		},
		Alpha: v.Alpha, T: v.T, Seed: v.Seed, Points: v.N0, NData: v.N, Reps: v.Reps,
		K: v.K, Flow: v.M,
	}
	var err error
	if cfg.Scheme, err = ParseScheme(v.Scheme); err != nil {
		return cfg, err
	}
	for _, name := range v.Methods {
		m, err := ParseMethod(name)
		if err != nil {
			return cfg, err
		}
		cfg.Methods = append(cfg.Methods, m)
	}
	if len(v.Points) > 0 {
		cfg.Start = v.Points
	}
	return cfg, nil
}

// FromQuery parses a query string and builds its simulation. The warnings
// say what was ignored or clamped; err is not nil only when no simulation
// could be built (for example a data set that does not fit the problem).
func FromQuery(query string, data *Data) (*Sim, param.Values, []param.Warning, error) {
	v, warns := param.Parse(query)
	s, err := FromValues(v, data)
	return s, v, warns, err
}

// FromValues builds the simulation of a checked parameter set, on the data
// set data when it is not nil.
func FromValues(v param.Values, data *Data) (*Sim, error) {
	cfg, err := ConfigFrom(v)
	if err != nil {
		return nil, err
	}
	if data != nil {
		cfg.Data = data
		if data.Din > 0 {
			cfg.Problem.Din = data.Din
		}
		if cfg.Problem.Name == "quad" || cfg.Problem.Name == "shift" {
			if data.Xi != nil {
				cfg.Problem.Dim = max(cfg.Problem.Dim, 1)
			} else if data.Din > 0 && cfg.Problem.Name == "shift" {
				cfg.Problem.Dim = data.Din
			}
		}
	}
	s, err := New(cfg)
	if err != nil {
		return nil, fmt.Errorf("cannot build the scene: %w", err)
	}
	return s, nil
}
