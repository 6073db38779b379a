package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"smflow/sim/stat"
)

// WeakErrors with the exact SGD side: GF is deterministic, so its weak
// errors and their slope are exact (order 1); SMF's Monte Carlo errors carry
// standard errors and stay within 4 of the exact scheme-minus-SGD value.
func TestWeakErrors(t *testing.T) {
	cfg := quadConfig(2, 0, 1, 4000, [][]float64{{1, 0.5}}, GF, SMF)
	obs, err := ObservableByName("sq")
	if err != nil {
		t.Fatal(err)
	}
	alphas := []float64{0.25, 0.125, 0.0625}
	pts, err := WeakErrors(cfg, alphas, obs, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := twoPoint(2, 1, math.Sqrt(0.5))
	var a, e []float64
	for _, p := range pts {
		if !p.Exact {
			t.Fatalf("%+v: SGD side should be exact for quad", p)
		}
		one, _ := exactMoments(p.Method, Weak2, q, p.Alpha, 1, 4)
		want := (one - sgdExact(q, p.Alpha, 1)) * 1.25
		switch p.Method {
		case GF:
			if math.Abs(p.Err.Mean-want) > 1e-12 {
				t.Errorf("GF alpha=%v: %v, want %v", p.Alpha, p.Err.Mean, want)
			}
			a = append(a, p.Alpha)
			e = append(e, math.Abs(p.Err.Mean))
		case SMF:
			if math.Abs(p.Err.Mean-want) > 4*p.Err.SE {
				t.Errorf("SMF alpha=%v: %v, want %v", p.Alpha, p.Err, want)
			}
		}
	}
	fit, err := stat.FitLogLog(a, e, nil)
	if err != nil || math.Abs(fit.Slope-1) > 0.3 {
		t.Errorf("GF slope %+v %v", fit, err)
	}
	if _, err := ObservableByName("nope"); err == nil {
		t.Error("unknown observable accepted")
	}
	cfg.Points = nil
	if p, _ := ObservableByName("pair"); true {
		if _, err := WeakErrors(cfg, alphas, p, 1, nil); err == nil {
			t.Error("pair with one point accepted")
		}
	}
}

// An OrderRun advanced a step at a time gives the same weak errors as
// WeakErrors on several goroutines, bit for bit; the SGD side of the risk
// on quad is exact (Expectations).
func TestOrderRunStepwise(t *testing.T) {
	cfg := quadConfig(2, 0, 0.5, 64, [][]float64{{1, 0.5}}, GF, SME1, SMF)
	cfg.Data = nil
	cfg.NData = 8
	obs, _ := ObservableByName("risk")
	alphas := []float64{0.25, 0.125}
	want, err := WeakErrors(cfg, alphas, obs, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	o, err := NewOrderRun(cfg, alphas, obs)
	if err != nil {
		t.Fatal(err)
	}
	last := -1.0
	for !o.Done() {
		if p := o.Progress(); p < last {
			t.Fatalf("progress went back: %v < %v", p, last)
		} else {
			last = p
		}
		if err := o.Advance(1); err != nil {
			t.Fatal(err)
		}
	}
	got := o.Points()
	if len(got) != len(want) || len(got) != 6 {
		t.Fatalf("%d points, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] || !got[i].Exact {
			t.Errorf("point %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// An OrderRun advanced in parts of replicas (AdvancePart, cut by random
// stop patterns, mixed with whole replicas by Advance) gives the same weak
// errors as WeakErrors on several goroutines, bit for bit, with the SGD
// side exact and with SGD's own ensemble (NoExactSGD); its progress never
// goes back and grows with every part that ran.
func TestOrderRunParts(t *testing.T) {
	start := [][]float64{{1, 0.5}, {-0.5, 1}, {0.25, -1}, {0, 0.75}}
	cfg := quadConfig(2, 0, 2, 6, start, GF, SME1, SMF)
	cfg.Data = nil
	cfg.NData = 64
	obs, _ := ObservableByName("risk")
	alphas := []float64{0.25, 0.125}
	for _, opts := range []MCOptions{{}, {NoExactSGD: true, SGDReps: 10}} {
		want, err := WeakErrorsMC(cfg, alphas, obs, opts, 2, nil)
		if err != nil {
			t.Fatal(err)
		}
		for seed := uint64(1); seed <= 4; seed++ {
			rng := rand.New(rand.NewPCG(seed, 99))
			o, err := NewOrderRunMC(cfg, alphas, obs, opts)
			if err != nil {
				t.Fatal(err)
			}
			last, cuts := -1.0, 0
			for !o.Done() {
				p := o.Progress()
				if p < last {
					t.Fatalf("seed %d: progress went back: %v < %v", seed, p, last)
				}
				last = p
				if rng.IntN(4) == 0 {
					if err := o.Advance(1 + rng.IntN(2)); err != nil {
						t.Fatal(err)
					}
					continue
				}
				calls := 0
				stop := func() bool { calls++; return rng.IntN(3) == 0 }
				rate, err := o.AdvancePart(stop)
				if err != nil {
					t.Fatal(err)
				}
				if !rate {
					if o.step > 0 || o.sub > 0 {
						cuts++ // inside a replica
					}
					if q := o.Progress(); !(q > p) {
						t.Fatalf("seed %d: a part ran (%d stop calls) but progress stayed at %v", seed, calls, q)
					}
				}
			}
			if cuts < 10 {
				t.Errorf("seed %d: only %d cuts inside the rates: the test does not cut replicas", seed, cuts)
			}
			got := o.Points()
			if len(got) != len(want) || len(got) != 6 {
				t.Fatalf("%d points, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("opts %+v seed %d point %d: %+v, want %+v", opts, seed, i, got[i], want[i])
				}
			}
		}
	}
}
