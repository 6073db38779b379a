package sim_test

import (
	"math/rand/v2"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
)

// A simulation stepped in parts, stopped after every part or at random,
// reaches the golden states bit for bit, and Partial tells when a step is
// partly done.
func TestStepPartGolden(t *testing.T) {
	for _, g := range golden {
		for _, mode := range []string{"every part", "random", "mixed with Step"} {
			s, _, _, err := param.FromQuery(g.query, nil)
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			stop := func() bool { return mode == "every part" || rng.IntN(3) == 0 }
			calls, parts := 0, 0
			for !s.Done() {
				before := s.Steps()
				calls++
				if mode == "mixed with Step" && calls%3 == 0 {
					s.Step()
				} else if !s.StepPart(stop) {
					parts++
					if !s.Partial() || s.Steps() != before {
						t.Fatalf("%s: StepPart stopped but Partial() = %v, steps %d -> %d", g.query, s.Partial(), before, s.Steps())
					}
					continue
				}
				if s.Partial() || s.Steps() != before+1 {
					t.Fatalf("%s: completed step left Partial() = %v, steps %d -> %d", g.query, s.Partial(), before, s.Steps())
				}
			}
			if got := sim.HashReport(s); got != g.report {
				t.Errorf("%s (%s): report\n%s\nwant\n%s", g.query, mode, got, g.report)
			}
			if mode == "every part" && parts == 0 {
				t.Errorf("%s: never stopped inside a step", g.query)
			}
		}
	}
}

// RunTo completes a step partly done first; the result equals stepping.
func TestRunToAfterPart(t *testing.T) {
	g := golden[0]
	s, _, _, _ := param.FromQuery(g.query, nil)
	if s.StepPart(func() bool { return true }) || !s.Partial() {
		t.Fatal("the default ensemble step should not fit in one part")
	}
	s.RunTo(s.TotalSteps(), 2, nil)
	if got := sim.HashReport(s); got != g.report || s.Partial() {
		t.Errorf("report\n%s\nwant\n%s (partial %v)", got, g.report, s.Partial())
	}
}

// A step that diverges while taken in parts freezes the same replicas at
// the same time as Step does.
func TestStepPartDivergence(t *testing.T) {
	const q = "problem=quad&xim=3&xis=0.5&alpha=2&T=400&reps=8&N=16"
	a, _, _, err := param.FromQuery(q, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _, _ := param.FromQuery(q, nil)
	a.RunTo(a.TotalSteps(), 1, nil)
	for !b.Done() {
		b.StepPart(func() bool { return true })
	}
	diverged := false
	for i := range a.Tracks() {
		sa, sb := a.Status(i), b.Status(i)
		diverged = diverged || sa.Diverged
		if sa != sb || a.Hash(i) != b.Hash(i) {
			t.Errorf("%v: Step %+v %s, StepPart %+v %s", a.Tracks()[i].Method, sa, a.Hash(i), sb, b.Hash(i))
		}
	}
	if !diverged {
		t.Error("want a method that diverges (SGD at alpha xi ~ 6)")
	}
}
