package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// workerScenes are the scenes whose replicas run on Web Workers, with
// runs long enough that the workers load before they end.
var workerScenes = []struct{ name, q string }{
	{"ensemble", "scene=ensemble&alpha=0.05&T=6&reps=400"},
	{"fluct", "scene=fluct&T=1.5&reps=24&n=16"},
	{"flow", "scene=flow&alpha=0.05&T=3"},
	{"meanfield", "scene=meanfield&T=2&n=256&M=256"},
	// Three workers (more than this machine's spare cores) split the
	// replicas three ways.
	{"fluct-3", "scene=fluct&T=1.5&reps=24&n=16&workers=3"},
	// Data in the link: the workers get them as CSV text.
	{"ensemble-data", "scene=ensemble&problem=quad&dim=1&data=inline:0.2;0.9;1.7;1.1&alpha=0.05&T=4&reps=300&workers=2"},
}

// With Web Workers the ensemble and fluct scenes have the hash of one
// thread (workers=0) at the same step: in the middle of a run (workers in
// use, paused, against a one-thread page sought to that step), after the
// step button (a step on the page's thread, then the workers given the new
// state), and at the end.
func TestWorkersHash(t *testing.T) {
	for _, c := range workerScenes {
		t.Run(c.name, func(t *testing.T) {
			tb := open(t, "/?"+c.q+"&speed=5&autoplay=1")
			tb.waitFor(`smflow.stats().workers >= 1`, patience)
			s0 := eval[int](tb, `smflow.state().steps`)
			tb.waitFor(fmt.Sprintf(`smflow.state().steps >= %d`, s0+3), patience)
			eval[any](tb, `smflow.pause()`)
			w := eval[int](tb, `smflow.stats().workers`)
			mid := eval[int](tb, `smflow.state().steps`)
			hMid := eval[string](tb, `smflow.hash()`)

			one := open(t, "/?"+c.q+"&workers=0&speed=10000")
			st := eval[jsStats2](one, `smflow.stats()`)
			if st.Workers != 0 || !strings.Contains(st.WorkersNote, "workers=0") {
				t.Errorf("workers=0: stats workers %d, note %q", st.Workers, st.WorkersNote)
			}
			eval[any](one, fmt.Sprintf(`smflow.seek(%d * smflow.state().T / smflow.state().totalSteps)`, mid))
			one.waitFor(fmt.Sprintf(`smflow.state().steps === %d`, mid), patience)
			if got := eval[string](one, `smflow.hash()`); got != hMid {
				t.Errorf("step %d with %d workers:\n%s\none thread:\n%s", mid, w, hMid, got)
			}

			// The step button (more steps than the workers sent ahead:
			// the page steps on its own, then gives them its state), then
			// play to the end at full speed.
			eval[any](tb, `smflow.step(6)`)
			eval[any](tb, `smflow.setParam("speed", "10000")`)
			eval[any](tb, `smflow.play()`)
			tb.waitFor(`smflow.state().done`, patience)
			if st := eval[jsStats2](tb, `smflow.stats()`); st.Workers < 1 {
				t.Errorf("at the end: stats workers %d, note %q", st.Workers, st.WorkersNote)
			}
			eval[any](one, `smflow.play()`)
			one.waitFor(`smflow.state().done`, patience)
			hEnd, oneEnd := eval[string](tb, `smflow.hash()`), eval[string](one, `smflow.hash()`)
			if hEnd != oneEnd {
				t.Errorf("at the end with %d workers:\n%s\none thread:\n%s", w, hEnd, oneEnd)
			}
			// The pool is reused after a reset.
			pool := eval[int](tb, `smflowPool.workers.length`)
			eval[any](tb, `smflow.reset()`)
			eval[any](tb, `smflow.play()`)
			tb.waitFor(`smflow.stats().workers >= 1 && smflow.state().steps >= 1`, patience)
			if again := eval[int](tb, `smflowPool.workers.length`); again != pool {
				t.Errorf("the pool had %d workers, after a reset %d", pool, again)
			}
			t.Logf("%d workers (pool %d); from step %d, step %d and the end (%s) equal to one thread", w, pool, s0, mid, strings.ReplaceAll(strings.TrimSpace(hEnd), "\n", ", "))
			tb.noErrors()
			one.noErrors()
		})
	}
}

// jsStats2 is the part of smflow.stats() about workers.
type jsStats2 struct {
	Workers     int    `json:"workers"`
	WorkersNote string `json:"workersNote"`
}

// Where Web Workers are missing, or the worker cannot load, the page runs
// on one thread, says why in stats(), and has the hash of one thread.
func TestWorkersFallback(t *testing.T) {
	const q = "scene=fluct&T=0.5&reps=8&n=8&speed=10000"
	ref := open(t, "/?"+q+"&workers=0&autoplay=1")
	ref.waitFor(`smflow.state().done`, patience)
	want := eval[string](ref, `smflow.hash()`)
	for _, c := range []struct{ name, script, note string }{
		{"no Worker", `window.Worker = undefined;`, "unavailable"},
		{"load error", `{ const W = window.Worker; window.Worker = function () { return new W("web/missing-worker.js"); }; }`, "worker"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := open0(t)
			if _, err := chromedp.Run(tb.ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: c.script})
				return chromedp.Void{}, err
			}); err != nil {
				t.Fatal(err)
			}
			tb.navigate("/?" + q + "&autoplay=1")
			tb.waitFor(`smflow.state().done && smflow.stats().workersNote !== "starting" && smflow.stats().workersNote !== "loading the workers"`, patience)
			st := eval[jsStats2](tb, `smflow.stats()`)
			if st.Workers != 0 || !strings.Contains(st.WorkersNote, c.note) {
				t.Errorf("stats workers %d, note %q; want 0 and a note with %q", st.Workers, st.WorkersNote, c.note)
			}
			if got := eval[string](tb, `smflow.hash()`); got != want {
				t.Errorf("hash\n%s\nwant (one thread)\n%s", got, want)
			}
			t.Logf("note %q", st.WorkersNote)
		})
	}
}

// The order scene's sweep with its learning rates on Web Workers (the
// first rate begun on the page's thread while the workers load, the
// others merged from the workers' shards) gives the weak points of one
// thread (workers=0), bit for bit (the report's every number), with the
// default number of workers and with three.
func TestWorkersOrder(t *testing.T) {
	for _, extra := range []string{"", "&workers=3"} {
		t.Run("workers"+extra, func(t *testing.T) { testWorkersOrder(t, "scene=order&reps=1024"+extra) })
	}
}

func testWorkersOrder(t *testing.T, q string) {
	tb := open(t, "/?"+q+"&speed=1&autoplay=1")
	tb.waitFor(`smflow.stats().workers >= 1`, patience)
	w := eval[int](tb, `smflow.stats().workers`)
	eval[any](tb, `smflow.setParam("speed", "10000")`)
	one := open(t, "/?"+q+"&workers=0&speed=10000&autoplay=1")
	tb.waitFor(`smflow.state().order && smflow.state().order.done`, patience)
	one.waitFor(`smflow.state().order && smflow.state().order.done`, patience)
	// The report as JSON with sorted keys (JavaScript keeps the order of
	// a Go map's, which varies).
	canon := func(tb *tab) string {
		b, err := json.Marshal(eval[any](tb, `smflow.state().order`))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	got, want := canon(tb), canon(one)
	if got != want {
		t.Errorf("with %d workers:\n%s\none thread:\n%s", w, got, want)
	}
	if st := eval[jsStats2](tb, `smflow.stats()`); st.Workers < 1 {
		t.Errorf("at the end: stats workers %d, note %q", st.Workers, st.WorkersNote)
	}
	t.Logf("%d workers: %d bytes of the report equal to one thread", w, len(got))
	tb.noErrors()
	one.noErrors()
}

// Switching workers off and on while the ensemble plays (the control of
// the key workers) goes on from the page's state: stats() follows, and
// the end has the hash of one thread.
func TestWorkersSwitch(t *testing.T) {
	const q = "scene=ensemble&alpha=0.05&T=8&reps=400"
	tb := open(t, "/?"+q+"&speed=20&autoplay=1")
	tb.waitFor(`smflow.stats().workers >= 1 && smflow.state().steps >= 5`, patience)
	eval[any](tb, `smflow.setParam("workers", "0")`)
	if st := eval[jsStats2](tb, `smflow.stats()`); st.Workers != 0 || !strings.Contains(st.WorkersNote, "workers=0") {
		t.Errorf("after workers=0: stats workers %d, note %q", st.Workers, st.WorkersNote)
	}
	s0 := eval[int](tb, `smflow.state().steps`)
	tb.waitFor(fmt.Sprintf(`smflow.state().steps >= %d`, s0+5), patience)
	eval[any](tb, `smflow.setParam("workers", "auto")`)
	tb.waitFor(`smflow.stats().workers >= 1`, patience)
	eval[any](tb, `smflow.setParam("speed", "10000")`)
	tb.waitFor(`smflow.state().done`, patience)
	one := open(t, "/?"+q+"&workers=0&speed=10000&autoplay=1")
	one.waitFor(`smflow.state().done`, patience)
	if got, want := eval[string](tb, `smflow.hash()`), eval[string](one, `smflow.hash()`); got != want {
		t.Errorf("workers switched off at step %d and on again:\n%s\none thread:\n%s", s0, got, want)
	}
	tb.noErrors()
}

// While the workers run a learning rate of the order sweep, the progress
// bar moves within the rate (the workers report their fraction done), and
// it never goes back. The moves are counted in the last rate, half of the
// sweep's work, which the worker runs (the page finishes a rate it began
// while the worker loaded, and its own progress moves within that rate).
func TestWorkersOrderProgress(t *testing.T) {
	tb := open(t, "/?scene=order&reps=16384&workers=1&autoplay=1")
	eval[any](tb, `window.__fr = []; window.__frTimer = setInterval(() => {
		const o = smflow.state().operation;
		if (o && o.what === "sweep" && smflow.stats().workers >= 1) __fr.push([o.done, o.fraction, o.total]);
	}, 40)`)
	tb.waitFor(`smflow.state().order && smflow.state().order.done`, patience)
	samples := eval[[][3]float64](tb, `clearInterval(__frTimer), __fr`)
	if len(samples) < 2 {
		t.Fatalf("%d samples of the sweep's progress with a worker", len(samples))
	}
	within := 0 // samples of the last rate whose fraction moved since the one before
	for i := 1; i < len(samples); i++ {
		p, q := samples[i-1], samples[i]
		if q[1] < p[1] {
			t.Errorf("the progress went back from %v to %v (rate %v to %v)", p[1], q[1], p[0], q[0])
		}
		if q[0] == q[2]-1 && p[0] == q[0] && q[1] > p[1] {
			within++
		}
	}
	t.Logf("%d samples with a worker, %d moved within the last rate", len(samples), within)
	if within == 0 {
		t.Errorf("the progress never moved within the last learning rate: %v", samples)
	}
	tb.noErrors()
}
