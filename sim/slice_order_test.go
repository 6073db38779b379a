package sim_test

import (
	"testing"

	"smflow/sim"
)

// A learning rate is untouched until a run of it is done, and again once
// the next one starts.
func TestRateUntouched(t *testing.T) {
	cfg := fromQuery(t, "scene=order&reps=8&T=1").Config()
	cfg.Methods = []sim.Method{sim.GF, sim.SME1}
	obs, err := sim.ObservableByName("sq")
	if err != nil {
		t.Fatal(err)
	}
	o, err := sim.NewOrderRun(cfg, []float64{0.25, 0.125}, obs)
	if err != nil {
		t.Fatal(err)
	}
	if !o.RateUntouched() {
		t.Fatal("a new experiment's first rate is touched")
	}
	if err := o.Advance(2); err != nil {
		t.Fatal(err)
	}
	if o.RateUntouched() {
		t.Error("a rate with runs done is untouched")
	}
	for len(o.Points()) == 0 {
		if err := o.Advance(1); err != nil {
			t.Fatal(err)
		}
	}
	if !o.RateUntouched() {
		t.Error("the next rate is touched before any run of it")
	}
	for !o.Done() {
		if err := o.Advance(1); err != nil {
			t.Fatal(err)
		}
	}
	if o.RateUntouched() {
		t.Error("a done experiment has an untouched rate")
	}
}
