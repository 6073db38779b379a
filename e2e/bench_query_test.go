package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestBenchQueries prints the page's steps per second against the asked
// speed for the queries in $SMFLOW_BENCH_Q (separated by "|"), e.g. a scene
// at larger sizes than its defaults, with the medians of three stats
// windows (a second each) after 2.5 s of play, and the fraction of the asked
// speed held. Like TestBench it reports and asserts nothing about speed:
//
//	SMFLOW_BENCH_Q='scene=meanfield&n=1024|scene=fluct' go test -count=1 -run TestBenchQueries -v ./e2e/
func TestBenchQueries(t *testing.T) {
	qs := os.Getenv("SMFLOW_BENCH_Q")
	if qs == "" {
		t.Skip("set SMFLOW_BENCH_Q to queries separated by |")
	}
	tb := open(t, "/")
	for _, q := range strings.Split(qs, "|") {
		tb.navigate("/?" + q + "&autoplay=1")
		time.Sleep(2500 * time.Millisecond)
		ws := statsWindows(tb, 3)
		sps := median(ws, func(s jsStats) float64 { return s.StepsPerSec })
		asked := ws[len(ws)-1].Speed
		st := tb.state()
		fmt.Printf("benchq %-50s %7.2f steps/s of %g asked (%3.0f %%)  step %7.2f ms  Update %6.2f ms (max %6.2f)  Draw %6.2f ms  FPS %5.1f  TPS %5.1f  t=%.3g%s\n",
			q, sps, asked, 100*sps/asked,
			median(ws, func(s jsStats) float64 { return s.MsStep }),
			median(ws, func(s jsStats) float64 { return s.MsUpdate }), median(ws, func(s jsStats) float64 { return s.MaxMsUpdate }),
			median(ws, func(s jsStats) float64 { return s.MsDraw }),
			median(ws, func(s jsStats) float64 { return s.FPS }), median(ws, func(s jsStats) float64 { return s.TPS }),
			st.T, doneNote(st.Done))
	}
	tb.noErrors()
}
