package e2e

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"smflow/app"
	"smflow/catalog"
	"smflow/sim"
	"smflow/sim/param"
)

// TestBench prints what the tests of make test leave to the machine: the
// time to the first frame (the best of three loads), and per scene the
// page's statistics in headless Chromium (simulation steps per second, ms
// per Update and Draw, FPS, TPS, paints per second, allocations per Update
// and per Draw while playing) at the scene's default speed and at the
// highest speed (where the time budget per frame limits the steps), the
// allocations of a paint of the paused picture next to a bare paint's, and
// the same simulation step run natively. It reports and asserts nothing
// about speed; it runs only with SMFLOW_BENCH=1 (make bench).
func TestBench(t *testing.T) {
	if os.Getenv("SMFLOW_BENCH") == "" {
		t.Skip("set SMFLOW_BENCH=1 (make bench)")
	}
	tb := open(t, "/")
	best := eval[float64](tb, `window.smflowFirstFrameAt`)
	for try := 1; try < 3; try++ {
		tb.navigate("/")
		best = min(best, eval[float64](tb, `window.smflowFirstFrameAt`))
	}
	fmt.Printf("bench first frame %.0f ms after navigation start (best of 3 loads; target %.0f ms)%s; milestones %s\n",
		best, firstFrameTarget(), over(best > firstFrameTarget()), milestones(tb))
	for _, scene := range []string{catalog.Ensemble, catalog.Flow, catalog.Meanfield} {
		for _, speed := range []string{"", "10000"} {
			// T large so the run does not end while measuring.
			q := "scene=" + scene + "&T=1000&autoplay=1"
			label := "default speed"
			if speed != "" {
				q += "&speed=" + speed
				label = "speed " + speed
			}
			tb.navigate("/?" + q)
			// Two stats windows (a second each) without calls into Go from
			// the test, then three to measure.
			time.Sleep(2500 * time.Millisecond)
			ws := statsWindows(tb, 3)
			s := ws[len(ws)-1]
			st := tb.state()
			// The medians of the windows: a stall (another process, a
			// collection) falls into one window.
			upd := median(ws, func(s jsStats) float64 { return s.MsUpdate })
			fmt.Printf("bench %-9s %-14s browser: %8.0f steps/s (asked %g%s)  Update %6.2f ms (max %6.2f; budget %d ms + 4%s)  Draw %6.2f ms  step %7.3f ms  FPS %5.1f  TPS %5.1f%s  paints/s %5.1f (pace %3.0f ms)  allocs per Update %.2f, per Draw %.2f  t=%.3g%s\n",
				scene, label, s.StepsPerSec, s.Speed, heldNote(s.Behind), upd, median(ws, func(s jsStats) float64 { return s.MaxMsUpdate }),
				app.DefaultBudget.Milliseconds(), over(upd > float64(app.DefaultBudget.Milliseconds())+4),
				median(ws, func(s jsStats) float64 { return s.MsDraw }), median(ws, func(s jsStats) float64 { return s.MsStep }),
				s.FPS, s.TPS, over(speed == "" && s.TPS < 55 && !st.Done),
				s.PaintsPerSec, s.PaceMs,
				median(ws, func(s jsStats) float64 { return s.AllocsUpd }), median(ws, func(s jsStats) float64 { return s.AllocsDraw }),
				st.T, doneNote(st.Done))
		}
		view, bare := tb.repaintAllocs(repaints)
		fmt.Printf("bench %-9s %-14s paused:  a paint allocates %.2f times, a bare paint %.2f (Ebitengine's own)\n", scene, "", view.AllocsPerPaint, bare.AllocsPerPaint)
		ns, err := nativeStepsPerSec("scene="+scene, 2*time.Second)
		if err != nil {
			t.Errorf("native %s: %v", scene, err)
			continue
		}
		fmt.Printf("bench %-9s %-14s native:  %8.0f steps/s (one core, GOAMD64=v1)\n", scene, "", ns)
	}
	tb.noErrors()
}

// statsWindows returns the page's statistics of n consecutive windows (a
// second each).
func statsWindows(tb *tab, n int) []jsStats {
	var ws []jsStats
	for len(ws) < n {
		s := tb.stats()
		if len(ws) > 0 { // wait for the next window
			time.Sleep(time.Second)
			for try := 0; try < 40; try++ {
				if s = tb.stats(); s != ws[len(ws)-1] {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
		}
		ws = append(ws, s)
	}
	return ws
}

// median returns the median of f over the windows.
func median(ws []jsStats, f func(jsStats) float64) float64 {
	xs := make([]float64, len(ws))
	for i, s := range ws {
		xs[i] = f(s)
	}
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// firstFrameTarget is the time to the first frame that the page aims at, in
// ms: 3000, or $SMFLOW_FIRST_FRAME_MS.
func firstFrameTarget() float64 {
	if v, err := strconv.ParseFloat(os.Getenv("SMFLOW_FIRST_FRAME_MS"), 64); err == nil && v > 0 {
		return v
	}
	return 3000
}

// over marks a figure that misses its target.
func over(missed bool) string {
	if missed {
		return " MISSED"
	}
	return ""
}

func heldNote(behind bool) string {
	if behind {
		return ", not held"
	}
	return ""
}

func doneNote(done bool) string {
	if done {
		return " (reached T)"
	}
	return ""
}

// nativeStepsPerSec runs the simulation of a query natively for about d and
// returns the SGD steps (of all methods together) per second, rebuilding it
// when it reaches T.
func nativeStepsPerSec(query string, d time.Duration) (float64, error) {
	v, _ := param.Resolve(query)
	cfg, _, err := param.Config(&v, nil)
	if err != nil {
		return 0, err
	}
	s, err := sim.New(cfg)
	if err != nil {
		return 0, err
	}
	steps := 0
	start := time.Now()
	for time.Since(start) < d {
		if s.Done() {
			if s, err = sim.New(cfg); err != nil {
				return 0, err
			}
		}
		for i := 0; i < 10 && !s.Done(); i++ {
			s.Step()
			steps++
		}
	}
	return float64(steps) / time.Since(start).Seconds(), nil
}

// TestBenchWorkers prints the steps per second of the scenes whose replicas
// run on Web Workers (ensemble and fluct at their defaults, at the highest
// speed) on one thread (workers=0), with one worker and with the page's
// default number (one per spare core; at least 2 here, so that the split
// shows on a 2-core machine too), and their ratios to one thread. It
// reports and asserts nothing about speed; it runs only with
// SMFLOW_BENCH=1 (make bench).
func TestBenchWorkers(t *testing.T) {
	if os.Getenv("SMFLOW_BENCH") == "" {
		t.Skip("set SMFLOW_BENCH=1 (make bench)")
	}
	tb := open(t, "/")
	auto := eval[int](tb, `smflowPool.auto`)
	for _, scene := range benchWorkerScenes {
		var one float64
		for _, w := range []int{0, 1, max(auto, 2)} {
			q := fmt.Sprintf("/?scene=%s&T=1000&speed=10000&autoplay=1&workers=%d", scene, w)
			tb.navigate(q)
			if w > 0 {
				tb.waitFor(`smflow.stats().workers >= 1`, patience)
			}
			time.Sleep(2500 * time.Millisecond)
			ws := statsWindows(tb, 3)
			sps := median(ws, func(s jsStats) float64 { return s.StepsPerSec })
			got := eval[int](tb, `smflow.stats().workers`)
			if w == 0 {
				one = sps
			}
			fmt.Printf("bench workers %-9s workers=%d (in use %d; navigator.hardwareConcurrency-1 = %d): %8.1f steps/s, %.2f x one thread; page's ms per step %.3f, per Update %.2f; allocs per Update %.2f\n",
				scene, w, got, auto, sps, sps/one, median(ws, func(s jsStats) float64 { return s.MsStep }), median(ws, func(s jsStats) float64 { return s.MsUpdate }),
				median(ws, func(s jsStats) float64 { return s.AllocsUpd }))
		}
	}
	// The order scene's default sweep at speed 10000: seconds from the
	// navigation to its end.
	var one float64
	for _, w := range []int{0, 1, max(auto, 2)} {
		tb.navigate(fmt.Sprintf("/?scene=order&speed=10000&autoplay=1&workers=%d", w))
		tb.waitFor(`smflow.state().order && smflow.state().order.done`, 5*patience)
		s := eval[float64](tb, `performance.now()`) / 1e3
		if w == 0 {
			one = s
		}
		fmt.Printf("bench workers order     workers=%d (in use %d): default sweep done %.1f s after navigation, %.2f x one thread's time\n",
			w, eval[int](tb, `smflow.stats().workers`), s, s/one)
	}
	tb.noErrors()
}

// benchWorkerScenes are the scenes of TestBenchWorkers ($SMFLOW_BENCH_SCENES,
// comma-separated, chooses some).
var benchWorkerScenes = func() []string {
	if s := os.Getenv("SMFLOW_BENCH_SCENES"); s != "" {
		return strings.Split(s, ",")
	}
	return []string{catalog.Ensemble, catalog.Fluct}
}()
