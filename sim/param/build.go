package param

import (
	"fmt"

	"smflow/sim"
)

// Spec returns the problem settings of v.
func Spec(v Values) sim.ProblemSpec {
	return sim.ProblemSpec{
		Name: v.Problem, Dim: v.Dim, XiMean: v.XiMean, XiSD: v.XiSD, Noise: v.Noise,
		Act: v.Act, Neuron: v.Neuron, Din: v.Din, Target: v.Target, Teacher: v.Teacher,
	}
}

// PointDim returns the number of coordinates of one point (a starting point
// or a neuron) of v's problem on generated data (sim.Problem.PointDim). It
// returns 0 for an unknown problem.
func PointDim(v Values) int {
	d, err := Spec(v).PointDim()
	if err != nil {
		return 0
	}
	return d
}

// Config returns the simulation configuration of v on the data set d (nil:
// the data the problem generates). The number of coordinates of a point is
// known only now, with the data (a CSV file may set the dimension): rows of
// v.Points with another number are dropped from v, with a warning each. The
// view parameters (speed, embed, ...) do not enter the configuration.
func Config(v *Values, d *sim.Data) (sim.Config, []Warning, error) {
	cfg := sim.Config{
		Problem: Spec(*v), Alpha: v.Alpha, T: v.T, Seed: v.Seed,
		NPoints: v.NPoints, NData: v.NData, NFlow: v.NFlow, Reps: v.Reps, K: v.K,
		Data: d,
	}
	var err error
	if cfg.Scheme, err = sim.ParseScheme(v.Scheme); err != nil {
		return cfg, nil, err
	}
	for _, name := range v.Methods {
		m, err := sim.ParseMethod(name)
		if err != nil {
			return cfg, nil, err
		}
		cfg.Methods = append(cfg.Methods, m)
	}
	dim, err := cfg.Problem.Fit(d).PointDim()
	if err != nil {
		return cfg, nil, err
	}
	warns := v.fitPoints(dim)
	if len(v.Points) > 0 {
		cfg.Points = v.Points
		v.NPoints, cfg.NPoints = len(v.Points), len(v.Points) // n shows what runs
	}
	return cfg, warns, nil
}

// fitPoints drops the rows of v.Points that do not have dim coordinates and
// returns a warning for each.
func (v *Values) fitPoints(dim int) []Warning {
	w := newWarner()
	var out [][]float64
	for i, r := range v.Points {
		if len(r) != dim {
			w.add("points", fmtRow(r), "points: row %d (%s) has %s, but a point has %d here; dropped", i+1, show(fmtRow(r)), coords(len(r)), dim)
			continue
		}
		out = append(out, r)
	}
	if len(out) < len(v.Points) {
		v.Points = out
		if len(out) == 0 {
			v.Points = nil
		}
	}
	return w.done()
}

// Build returns the simulation of v on the data set d (nil: the data the
// problem generates), after Config (which may drop rows of v.Points). The
// warnings say what was dropped; err is not nil only when no simulation
// could be built (for example a data set that does not fit the problem).
func Build(v *Values, d *sim.Data) (*sim.Sim, []Warning, error) {
	cfg, warns, err := Config(v, d)
	if err != nil {
		return nil, warns, err
	}
	s, err := sim.New(cfg)
	if err != nil {
		return nil, warns, fmt.Errorf("cannot build the scene: %w", err)
	}
	return s, warns, nil
}

// FromQuery resolves a query string (Resolve, with the catalogue's presets)
// and builds its simulation on the data set d (nil: generated data). The
// warnings say what was ignored, clamped or dropped.
func FromQuery(query string, d *sim.Data) (*sim.Sim, Values, []Warning, error) {
	v, warns := Resolve(query)
	s, w2, err := Build(&v, d)
	return s, v, append(warns, w2...), err
}
