//go:build js && browser

package scene

import (
	"runtime"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/render/plot"
	"smflow/render/rendertest"
	"smflow/sim"
	"smflow/sim/param"
)

// notWhite counts the pixels that are not the background.
func notWhite(pix []byte) int {
	n := 0
	for i := 0; i+3 < len(pix); i += 4 {
		if pix[i] != 0xff || pix[i+1] != 0xff || pix[i+2] != 0xff {
			n++
		}
	}
	return n
}

// TestOrderViewDraws runs the order scene's sweep (its Sweep, as the host
// does) to the end, draws it mid-way and at the end, checks the canvas
// is drawn with every method's colour, that a redraw allocates (almost)
// nothing, that the series hold the points, and writes screenshots.
func TestOrderViewDraws(t *testing.T) {
	const W, H = 1280, 720
	s := build(t, "scene=order&reps=256&N=8&T=0.5")
	view := New("order")
	if _, ok := view.(Sweeper); !ok {
		t.Fatal("the order view is not a Sweeper")
	}
	view.Reset(s)
	w := SweepOf(view)
	if !w.Busy() {
		t.Fatal("not busy after Reset")
	}
	dst := ebiten.NewImage(W, H)
	pix := make([]byte, 4*W*H)
	t0 := time.Now()
	var slowest time.Duration
	works, drawn := 0, false
	for w.Busy() {
		t1 := time.Now()
		w.Work()
		slowest = max(slowest, time.Since(t1))
		works++
		if !drawn && len(view.Series()) > 0 && len(view.Series()[0].T) == 2 {
			view.Draw(dst, s, 1)
			rendertest.Shot(t, "order-running", dst)
			drawn = true
		}
	}
	run := time.Since(t0)
	t0 = time.Now()
	view.Draw(dst, s, 1)
	dst.ReadPixels(pix)
	first := time.Since(t0)
	if n := notWhite(pix); n < W*H/50 {
		t.Errorf("only %d pixels drawn", n)
	}
	for _, m := range []sim.Method{sim.GF, sim.SME1, sim.SME2, sim.SMF} {
		if n := rendertest.Near(pix, plot.MethodColor(m), 12); n < 30 {
			t.Errorf("%d pixels in the colour of %s", n, m)
		}
	}
	rendertest.Shot(t, "order", dst)
	var m0, m1 runtime.MemStats
	view.Draw(dst, s, 1)
	runtime.ReadMemStats(&m0)
	const frames = 5
	t0 = time.Now()
	for i := 0; i < frames; i++ {
		view.Draw(dst, s, 1)
	}
	runtime.ReadMemStats(&m1)
	dst.At(0, 0)
	draw := time.Since(t0) / frames
	redraw := float64(m1.Mallocs-m0.Mallocs) / frames
	t.Logf("order: %d pieces of work in %v (slowest %v), first frame %v, draw %v, %.1f allocations per redraw",
		works, run.Round(time.Millisecond), slowest.Round(time.Microsecond), first.Round(time.Millisecond), draw.Round(time.Microsecond), redraw)
	if redraw > 4 {
		t.Errorf("a redraw allocates %.1f times", redraw)
	}
	ss := view.Series()
	if len(ss) != 4*3 {
		t.Fatalf("%d series, want 4 of Monte Carlo points, 4 exact lines and 4 of the integrator", len(ss))
	}
	for i, sr := range ss {
		want := orderRates
		if i >= 4 {
			want = len(view.(*orderView).exp.xRates)
		}
		if len(sr.T) != want || len(sr.Y) != want || len(sr.SE) != want {
			t.Errorf("series %s: %d points, want %d", sr.Name, len(sr.T), want)
		}
		if i < 4 {
			t.Logf("%-5s alpha %v error %v se %v", sr.Name, sr.T, sr.Y, sr.SE)
		}
	}
	view.Observe(s) // a no-op
	w.Work()        // a no-op when done
}

// TestOrderViewEdgeCases draws a configuration that cannot run (only SGD:
// the message shows in the alert colour), the view before any Reset, a
// small embed-sized canvas, a high-DPI one, the two-point observable, a
// problem whose SGD side is an ensemble, and a sweep that overflows.
func TestOrderViewEdgeCases(t *testing.T) {
	view := New("order")
	img := ebiten.NewImage(800, 450)
	view.Draw(img, nil, 1) // before Reset
	view.Reset(build(t, "scene=order&methods=sgd&reps=8"))
	if SweepOf(view).Busy() {
		t.Error("busy without methods to compare")
	}
	view.Draw(img, nil, 1)
	pix := make([]byte, 4*800*450)
	img.ReadPixels(pix)
	if n := rendertest.Near(pix, plot.Alert, 30); n < 50 {
		t.Errorf("the error message shows %d pixels of the alert colour", n)
	}
	rendertest.Shot(t, "order-error", img)

	for _, c := range []struct {
		name  string
		q     string
		w, h  int
		scale float64
	}{
		{"order-small", "scene=order&reps=64&N=8&T=0.5", 480, 300, 1},
		{"order-hidpi", "scene=order&reps=64&N=8&T=0.5", 2560, 1440, 2},
		{"order-pair", "scene=order&n=2&alpha=0.2&reps=256&N=8&T=0.5&methods=sme2,smf", 1280, 720, 1},
		{"order-shift", "scene=order&problem=shift&alpha=0.2&reps=256&N=8&T=0.5&methods=gf,sme1,smf", 1280, 720, 1},
		{"order-portrait", "scene=order&reps=64&N=8&T=0.5", 600, 800, 1},
		{"order-page", "scene=order&reps=64&N=8&T=0.5", 690, 560, 1},
		{"order-schemeerr", "scene=order&reps=64&N=8&T=0.5&schemeerr=1", 1280, 720, 1},
		{"order-euler", "scene=order&reps=64&N=8&T=0.5&scheme=euler&schemeerr=1", 690, 560, 1},
		{"order-tanh2", "scene=order&problem=tanh2&alpha=0.2&reps=64&N=8&T=0.5&methods=gf,sme1,smf", 1280, 720, 1},
		// Overflow at the large rates: +Inf errors, NaN standard errors,
		// errors over 300 decades.
		{"order-overflow", "scene=order&problem=quad&xim=10&xis=3&alpha=1&T=20&reps=16&N=8&methods=gf,sme1,smf", 1280, 720, 1},
	} {
		s := build(t, c.q)
		v := New("order")
		v.Reset(s)
		vals, _ := param.Parse(c.q)
		SetValues(v, vals)
		for w := SweepOf(v); w.Busy(); {
			w.Work()
		}
		img := ebiten.NewImage(c.w, c.h)
		v.Draw(img, s, c.scale)
		rendertest.Shot(t, c.name, img)
	}
}

// TestOrderWorkCost measures one piece of work (one SGD step of every
// method and replica) of the order presets and of the scene's defaults.
func TestOrderWorkCost(t *testing.T) {
	qs := []string{"scene=order"}
	sc, _ := catalog.Lookup(catalog.Order)
	for _, p := range sc.Presets {
		qs = append(qs, "scene="+catalog.Order+"&"+p.Query)
	}
	for _, q := range qs {
		s := build(t, q)
		v := New("order")
		v.Reset(s)
		w := SweepOf(v)
		w.Work() // first step: scratch space
		const n = 5
		t0 := time.Now()
		for i := 0; i < n; i++ {
			w.Work()
		}
		per := time.Since(t0) / n
		t.Logf("%v per Work: %s", per.Round(time.Microsecond), q)
	}
}
