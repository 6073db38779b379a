package sim_test

import (
	"math"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
)

// sliceCases are ensemble-like (a point problem, many replicas), fluct-like
// (a network, replicas) and one with diverging replicas (alpha too large for
// some of them).
var sliceCases = []string{
	"problem=quad&dim=2&xim=1&xis=0.8&alpha=0.25&T=2&reps=300&N=32&methods=sgd,gf,sme1,sme2,smf",
	"scene=fluct&T=0.4&reps=12&n=8",
	"diverging",
}

// diverging is a configuration (beyond the schema's bounds on alpha) in
// which SGD leaves the representable numbers (the divergence bound) in some
// replicas (15 of 24) at different steps.
func diverging() sim.Config {
	s := math.Sqrt(0.5)
	return sim.Config{
		Problem: sim.ProblemSpec{Name: "quad", Dim: 1, XiMean: 1, XiSD: s},
		Alpha:   5, T: 5 * 200, Seed: 7, Reps: 24, K: 4, Scheme: sim.Weak2,
		Methods: []sim.Method{sim.SGD, sim.GF},
		Data:    &sim.Data{N: 2, Xi: []float64{1 - s, 1 + s}},
	}
}

func fromQuery(t *testing.T, q string) *sim.Sim {
	t.Helper()
	if q == "diverging" {
		s, err := sim.New(diverging())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s, _, warns, err := param.FromQuery(q, nil)
	if err != nil || len(warns) > 0 {
		t.Fatalf("%s: %v %v", q, err, warns)
	}
	return s
}

// A simulation split into 2 or 3 slices, each advanced by a simulation of
// its own in rounds of a few steps (the states after every step kept, the
// divergence record only at the end of the round, as a Web Worker returns
// them) and put back together step by step in a host simulation, has the
// hash of the unsplit simulation after every step.
func TestSliceReassembles(t *testing.T) {
	const round = 3
	for _, q := range sliceCases {
		for _, n := range []int{2, 3} {
			ref := fromQuery(t, q)
			host := fromQuery(t, q)
			slices := host.Split(n)
			parts := make([]*sim.Sim, n)
			for k := range parts {
				parts[k] = fromQuery(t, q)
				if err := parts[k].CheckSlice(slices[k]); err != nil {
					t.Fatal(err)
				}
			}
			for host.Steps() < host.TotalSteps() {
				from := host.Steps()
				k := min(round, host.TotalSteps()-from)
				zs := make([][][]float64, n) // zs[part][step]
				divs := make([][]int, n)
				for p, ps := range parts {
					for j := 0; j < k; j++ {
						ps.StepSlice(slices[p])
						z, _ := ps.SliceState(slices[p], nil, nil)
						zs[p] = append(zs[p], z)
					}
					_, divs[p] = ps.SliceState(slices[p], nil, nil)
				}
				for j := 0; j < k; j++ {
					for p := range parts {
						host.SetSlice(slices[p], zs[p][j], divs[p], from+j+1)
					}
					host.SetSteps(from + j + 1)
					ref.Step()
					if got, want := sim.HashReport(host), sim.HashReport(ref); got != want {
						t.Fatalf("%s, %d slices, step %d: reassembled\n%s\nunsplit\n%s", q, n, from+j+1, got, want)
					}
				}
			}
		}
	}
}

// The diverging case does diverge in part, so the divergence records are
// tested.
func TestSliceCaseDiverges(t *testing.T) {
	s := fromQuery(t, sliceCases[2])
	s.RunTo(s.TotalSteps(), 1, nil)
	st := s.Status(0)
	t.Logf("SGD: %+v", st)
	if !st.Diverged || st.Reps == s.Tracks()[0].Reps {
		t.Errorf("SGD: %+v of %d replicas, want some but not all diverged", st, s.Tracks()[0].Reps)
	}
}

// A host that steps on its own for a while hands its state and its
// streams' states to the slices (SetSlice, SetSliceRands), which go on; the
// host takes their states and streams back part way through a round and
// steps on its own again. The hashes stay those of the unsplit simulation.
func TestSliceHandover(t *testing.T) {
	for _, q := range sliceCases {
		ref := fromQuery(t, q)
		host := fromQuery(t, q)
		slices := host.Split(2)
		parts := []*sim.Sim{fromQuery(t, q), fromQuery(t, q)}
		check := func(what string) {
			t.Helper()
			for ref.Steps() < host.Steps() {
				ref.Step()
			}
			if got, want := sim.HashReport(host), sim.HashReport(ref); got != want {
				t.Fatalf("%s, %s: \n%s\nunsplit\n%s", q, what, got, want)
			}
		}
		third := host.TotalSteps() / 3
		for host.Steps() < third {
			host.Step()
		}
		check("host alone")
		for p, ps := range parts {
			z, div := host.SliceState(slices[p], nil, nil)
			ps.SetSlice(slices[p], z, div, host.Steps())
			ps.SetSliceRands(slices[p], host.SliceRands(slices[p], nil))
			ps.SetSteps(host.Steps())
		}
		for host.Steps() < 2*third {
			for p, ps := range parts {
				ps.StepSlice(slices[p])
				z, div := ps.SliceState(slices[p], nil, nil)
				host.SetSlice(slices[p], z, div, ps.Steps())
				host.SetSliceRands(slices[p], ps.SliceRands(slices[p], nil))
			}
			host.SetSteps(host.Steps() + 1)
			check("slices")
		}
		for !host.Done() {
			host.Step()
		}
		check("host again")
	}
}

// Split covers every replica of every track exactly once.
func TestSplitCovers(t *testing.T) {
	s := fromQuery(t, sliceCases[1])
	for _, n := range []int{1, 2, 3, 7} {
		for i, tr := range s.Tracks() {
			seen := make([]int, tr.Reps)
			for _, sl := range s.Split(n) {
				for r := sl.Lo[i]; r < sl.Hi[i]; r++ {
					seen[r]++
				}
			}
			for r, c := range seen {
				if c != 1 {
					t.Errorf("%d slices, track %d: replica %d in %d slices", n, i, r, c)
				}
			}
		}
	}
}
