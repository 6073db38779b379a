package e2e

import (
	"fmt"
	"os"
	"testing"
	"time"

	"smflow/catalog"
	"smflow/sim"
	"smflow/sim/param"
)

// TestBench prints, per scene, the page's statistics in headless Chromium
// (simulation steps per second, ms per Update and Draw, FPS, TPS) at the
// scene's default speed and at the highest speed (where the time budget per
// frame limits the steps), next to the same simulation step run natively.
// It runs only with SMFLOW_BENCH=1 (make bench).
func TestBench(t *testing.T) {
	if os.Getenv("SMFLOW_BENCH") == "" {
		t.Skip("set SMFLOW_BENCH=1 (make bench)")
	}
	tb := open(t, "/")
	for _, scene := range []string{catalog.Ensemble, catalog.Flow, catalog.Meanfield} {
		for _, speed := range []string{"", "10000"} {
			q := "scene=" + scene + "&autoplay=1"
			label := "default speed"
			if speed != "" {
				q += "&speed=" + speed
				label = "speed " + speed
			}
			tb.navigate("/?" + q)
			// Warm up, then measure over the stats window (1 s) twice.
			time.Sleep(1500 * time.Millisecond)
			s1 := tb.stats()
			time.Sleep(2200 * time.Millisecond)
			s := tb.stats()
			st := tb.state()
			fmt.Printf("bench %-9s %-14s browser: %8.0f steps/s (asked %g)  Update %6.2f ms (max %6.2f)  Draw %6.2f ms  step %7.3f ms  FPS %5.1f  TPS %5.1f  paints/s %5.1f (pace %3.0f ms)  allocs/frame %.1f  t=%.3g%s\n",
				scene, label, s.StepsPerSec, s.Speed, s.MsUpdate, s.MaxMsUpdate, s.MsDraw, s.MsStep, s.FPS, s.TPS, s.PaintsPerSec, s.PaceMs, s.AllocsUpd+s.AllocsDraw, st.T, doneNote(st.Done))
			_ = s1
			if speed == "" && s.TPS < 55 && !st.Done {
				t.Errorf("%s defaults: %.1f TPS in headless Chromium, want 60", scene, s.TPS)
			}
		}
		ns, err := nativeStepsPerSec("scene="+scene, 2*time.Second)
		if err != nil {
			t.Errorf("native %s: %v", scene, err)
			continue
		}
		fmt.Printf("bench %-9s %-14s native:  %8.0f steps/s (one core, GOAMD64=v1)\n", scene, "", ns)
	}
	tb.noErrors()
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
