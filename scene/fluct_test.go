package scene

import (
	"math"
	"os"
	"slices"
	"testing"

	"smflow/sim/stat"
)

// TestFluctFloor checks the sampling floor of the fluct scene at its
// defaults (to t = 1): it is 0 at the start (every run starts alike), then
// positive, with its band above its mean; it is stat.W1Floor of SGD's
// risks; DD-SMF's distance to SGD lies within it (the scene's point: at
// 128 runs the distance is sampling noise) and the MF ODE's far above it;
// the series are named for the CSV export.
func TestFluctFloor(t *testing.T) {
	s := build(t, "scene=fluct&T=1")
	var o fluctObs
	o.reset(s)
	if o.floor < 0 || o.sgd != 0 || o.nTrack != 3 {
		t.Fatalf("floor %d, sgd %d, %d tracks", o.floor, o.sgd, o.nTrack)
	}
	for !s.Done() {
		s.Step()
		o.observe(s)
	}
	fm, ft := o.rec.bufs[o.floor], o.rec.bufs[o.floor+1]
	mf, dd := o.rec.bufs[o.within[1]], o.rec.bufs[o.within[2]]
	if fm.Y[0] != 0 || ft.Y[0] != 0 || mf.Y[0] != 1 || dd.Y[0] != 1 {
		t.Errorf("at t = 0: floor %v, top %v, within %v, %v; want 0, 0, 1, 1", fm.Y[0], ft.Y[0], mf.Y[0], dd.Y[0])
	}
	in := 0
	for k := 1; k < fm.Len(); k++ {
		if !(fm.Y[k] > 0 && ft.Y[k] > fm.Y[k]) {
			t.Errorf("t = %v: floor %v, top %v", fm.T[k], fm.Y[k], ft.Y[k])
		}
		if mf.Y[k] != 0 {
			t.Errorf("t = %v: the MF ODE's W1 %v is within the floor's band %v", fm.T[k], o.rec.bufs[o.w1[1]].Y[k], ft.Y[k])
		}
		if w := o.rec.bufs[o.w1[2]].Y[k]; (w <= ft.Y[k]) != (dd.Y[k] == 1) {
			t.Errorf("t = %v: W1 %v, top %v, flag %v", fm.T[k], w, ft.Y[k], dd.Y[k])
		}
		if dd.Y[k] == 1 {
			in++
		}
	}
	if n := fm.Len() - 1; in < n*9/10 {
		t.Errorf("DD-SMF's W1 within the floor at %d of %d times, want nearly all", in, n)
	}
	x := o.risk[0][:o.n[0]]
	m, q, err := stat.W1Floor(x, len(x), len(x), floorSplits, floorQ, nil)
	if k := fm.Len() - 1; err != nil || m != fm.Y[k] || q != ft.Y[k] {
		t.Errorf("floor %v, %v; stat.W1Floor gives %v, %v, %v", fm.Y[k], ft.Y[k], m, q, err)
	}
	if !o.withinNow(2) || o.withinNow(1) || o.withinNow(0) {
		t.Error("withinNow: want DD-SMF only")
	}
	var names []string
	for _, sr := range o.series() {
		names = append(names, sr.Name)
	}
	for _, want := range []string{floorName, floorTopName, "within sampling noise (SGD, DD-SMF): 1 if W1 <= the floor's band"} {
		if !slices.Contains(names, want) {
			t.Errorf("no series %q in %q", want, names)
		}
	}
}

// Without SGD there is no floor; with one SGD run there is no floor to
// take (NaN), and no distance is marked either way.
func TestFluctFloorEdges(t *testing.T) {
	var o fluctObs
	s := build(t, "scene=fluct&T=0.1&reps=4&methods=mfode,ddsmf")
	o.reset(s)
	if o.floor >= 0 || len(o.rec.bufs) != 4 || o.withinNow(0) || o.withinNow(1) {
		t.Errorf("without SGD: floor %d, %d series", o.floor, len(o.rec.bufs))
	}
	s = build(t, "scene=fluct&T=0.1&reps=1")
	o.reset(s)
	for !s.Done() {
		s.Step()
		o.observe(s)
	}
	k := o.rec.bufs[o.floor].Len() - 1
	if f, w := o.rec.bufs[o.floor].Y[k], o.rec.bufs[o.within[2]].Y[k]; !math.IsNaN(f) || !math.IsNaN(w) {
		t.Errorf("one run: floor %v, within %v, want NaN, NaN", f, w)
	}
	if o.withinNow(2) {
		t.Error("one run: marked within")
	}
}

func TestDashes(t *testing.T) {
	nan := math.NaN()
	same := func(a, b []float64) bool {
		return slices.EqualFunc(a, b, func(x, y float64) bool { return x == y || (x != x && y != y) || math.Abs(x-y) < 1e-12 })
	}
	for _, c := range []struct {
		name    string
		xy      []float64
		on, off float64
		want    []float64
	}{
		{"line", []float64{0, 0, 10, 0}, 2, 1,
			[]float64{0, 0, 2, 0, nan, nan, 3, 0, 5, 0, nan, nan, 6, 0, 8, 0, nan, nan, 9, 0, 10, 0, nan, nan}},
		// A run goes round the corner; a run that ends at a point is
		// closed there.
		{"corner", []float64{0, 0, 1, 0, 1, 3}, 2, 1,
			[]float64{0, 0, 1, 0, 1, 1, nan, nan, 1, 2, 1, 3, nan, nan}},
		{"ends at a point", []float64{0, 0, 2, 0, 4, 0}, 2, 1,
			[]float64{0, 0, 2, 0, nan, nan, 3, 0, 4, 0, nan, nan}},
		// A NaN point breaks the line and restarts the pattern.
		{"break", []float64{0, 0, 1, 0, nan, nan, 5, 0, 6, 0}, 2, 1,
			[]float64{0, 0, 1, 0, nan, nan, 5, 0, 6, 0, nan, nan}},
		{"no gap", []float64{0, 0, 3, 0}, 2, 0,
			[]float64{0, 0, 2, 0, nan, nan, 2, 0, 3, 0, nan, nan}},
		{"one point", []float64{1, 1}, 2, 1, nil},
	} {
		got := dashes(nil, c.xy, c.on, c.off)
		if !same(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	buf := make([]float64, 0, 64)
	if n := testing.AllocsPerRun(5, func() { buf = dashes(buf, []float64{0, 0, 10, 0}, 2, 1) }); n != 0 {
		t.Errorf("dashes allocates %v times", n)
	}
}

// TestFluctSweep (run with SMFLOW_FLUCT_SWEEP=REPS, e.g. 2048; about a
// minute per thousand replicas on one core) prints, for alpha = 1/2 ..
// 1/16 at the fluct scene's defaults otherwise (n = M = 32, T = 4), the W1
// distances of the laws of the risk at T to SGD's, with the sampling floor
// of SGD's runs: W1(SGD, MF ODE) falls like sqrt(alpha), W1(SGD, DD-SMF)
// faster, down to the floor.
func TestFluctSweep(t *testing.T) {
	reps := os.Getenv("SMFLOW_FLUCT_SWEEP")
	if reps == "" {
		t.Skip("set SMFLOW_FLUCT_SWEEP to the number of replicas")
	}
	t.Logf("%8s %12s %12s %12s %12s %14s", "alpha", "W1(SGD,MF)", "/sqrt(alpha)", "W1(SGD,DD)", "floor", "floor 95% top")
	for _, a := range []string{"0.5", "0.25", "0.125", "0.0625"} {
		s := build(t, "scene=fluct&T=4&alpha="+a+"&reps="+reps)
		var o fluctObs
		o.reset(s)
		for !s.Done() {
			s.Step()
		}
		o.observe(s)
		k := o.rec.bufs[0].Len() - 1
		y := func(b int) float64 { return o.rec.bufs[b].Y[k] }
		alpha := s.Config().Alpha
		t.Logf("%8g %12.3e %12.3e %12.3e %12.3e %14.3e", alpha, y(o.w1[1]), y(o.w1[1])/math.Sqrt(alpha), y(o.w1[2]), y(o.floor), y(o.floor+1))
	}
}
