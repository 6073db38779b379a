package sim

import (
	"errors"

	"smflow/sim/xmath"
)

// BuildModel returns the model of spec over the data set d, or, when d is
// nil, over N data points generated from rng (GenerateData for the point
// problems, the network's own generator for networks). It returns the data
// it used.
func BuildModel(spec ProblemSpec, d *Data, N int, rng *xmath.Rand) (Model, *Data, error) {
	if d == nil {
		if rng == nil {
			return nil, nil, errors.New("BuildModel: no data and no random stream")
		}
		d = &Data{}
		var err error
		if spec.Name == "network" {
			err = generateNetworkData(d, spec, N, rng)
		} else {
			err = GenerateData(d, spec, N, rng)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	if spec.Name == "network" {
		m, err := newNetworkModel(spec, d)
		return m, d, err
	}
	m, err := NewModel(spec, d)
	return m, d, err
}
