package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The page's main thread never blocks for long (issue 12): the work of a
// frame is cut by its budget (the order sweep inside a replica, a costly
// step in parts), and pause, step and hash complete across frames (their
// Promises resolve later) instead of finishing a step at once.
//
// A watchdog in the page, a 50 ms setInterval timer, records the longest
// gap between its ticks; a block of the main thread of B ms shows as a gap
// of about B + 50 ms. The gap is recorded only while the test's operations
// run (pause, step, hash, play, issued one after the other, each awaited),
// not around the harness's own page loads.
//
// The bounds: (1) the synchronous part of every call (pause, step, hash,
// play), in which the page is blocked, stays under blockBound (500 ms): a
// call that completed a step at once blocked 1.6-3 s at the meanfield size
// below. (2) The watchdog's gaps stay under blockBound too. On this shared
// 2-core machine the browser itself sometimes stalls (the compositor, the
// GC, a busy neighbour), which no code of ours can prevent: so the same
// watchdog also measures a control, the same page paused and idle for
// half as long, in the same run, and a gap at or above the bound fails
// the test only when it exceeds the control's longest gap by more than
// controlSlack too. The order sweep, whose replica used to run whole (1-10
// s at alpha = 1e-4), fails this.
func TestNoFreeze(t *testing.T) {
	const (
		blockBound   = 500 * time.Millisecond
		controlSlack = 250 * time.Millisecond
		duration     = 20 * time.Second
	)
	// The operations while it plays: each awaited, so that the gaps are
	// those of our code answering them. The order scene's step is a stage
	// of its sweep (a learning rate: minutes at alpha = 1e-4), run over
	// frames: it is started, not awaited, and the pause after it ends it.
	hash := `smflow.hash().then(h => h.length > 0)`
	pause := `smflow.pause()`
	play := `smflow.play()`
	//
	// The meanfield case's substep (two drift and two noise evaluations
	// over all M = 4096 particles and N = 512 data) is a piece
	// sim.Sim.StepPart does not cut: 0.4-1.8 s here before the kernels were
	// sped up, about 0.1-0.2 s after (the longest Update with workers=0 on
	// an idle machine: 182 ms). The page runs it on a Web Worker (a track of
	// one replica goes whole to a worker), so its own thread only copies the
	// states in. On an idle machine its gaps stay under the bound (223-348
	// ms here); on a busy one (two make test runs at once on 2 cores, each
	// page with a worker spinning on one core) the page's thread starved
	// for 0.65-1.8 s outside Update and Draw (their longest: 0.3 s), which
	// the idle control does not see, since its worker does not run. So
	// this case asserts the bound on our calls' synchronous part and that
	// they are answered, and reports the gap.
	for _, c := range []struct {
		name, query string
		ops         []string
		gapReported bool // the watchdog's gap is reported, not asserted (see above)
	}{
		// (The query: a replica of 10^7 steps, which ran whole for
		// 8.7 s; its control variates, 960 MB for one track, are not built
		// beyond sim's memory bound. At the default T = 2 a replica takes
		// tens of ms, and the test could not fail.)
		{"order", "/?scene=order&alpha=0.0001&T=1000&autoplay=1",
			[]string{hash, pause, `(smflow.step(1), null)`, hash, pause, play}, false},
		{"meanfield", "/?scene=meanfield&n=4096&M=4096&N=512&k=4&autoplay=1",
			[]string{hash, pause, `smflow.step(1)`, hash, `smflow.step(2)`, play}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := open(t, c.query)
			tb.installWatchdog()
			ops := c.ops
			tb.watch(true)
			n := 0
			var syncMax time.Duration // the longest synchronous part of a call
			for end := time.Now().Add(duration); time.Now().Before(end); n++ {
				op := ops[n%len(ops)]
				t0 := time.Now()
				// The call's synchronous part (in which the page is
				// blocked), then its Promise awaited.
				ms := eval[float64](tb, `(() => { const t0 = performance.now(); const r = `+op+
					`; const d = performance.now() - t0; return Promise.resolve(r).then(() => d); })()`)
				sync := time.Duration(ms * float64(time.Millisecond))
				syncMax = max(syncMax, sync)
				if testing.Verbose() {
					s := tb.stats()
					t.Logf("%-40s sync %6.1f ms, done in %6.0f ms; maxBlockMs %.0f, maxMsUpdate %.0f, msDraw %.0f, gap so far %v",
						op, ms, float64(time.Since(t0).Microseconds())/1e3, s.MaxBlockMs, s.MaxMsUpdate, s.MsDraw, tb.longestGap())
				}
				time.Sleep(300 * time.Millisecond)
			}
			tb.watch(false)
			worst := tb.longestGap()
			st := tb.state()
			// The control: the same page paused and idle, as long.
			eval[bool](tb, `smflow.pause().then(() => true)`)
			tb.watch(true)
			time.Sleep(duration / 2)
			tb.watch(false)
			control := tb.longestGap()
			stats := tb.stats()
			t.Logf("%s: %d operations in %v; longest gap %v (control, idle: %v); longest call %v; steps %d, progress %.3g; longest Update %.0f ms, Draw %.0f ms",
				c.name, n, duration, worst, control, syncMax, st.Steps, st.Progress, stats.LongestUpd, stats.LongestDraw)
			if syncMax >= blockBound {
				t.Errorf("a call blocked the page for %v", syncMax)
			}
			if st.Steps == 0 && st.Progress == 0 {
				t.Errorf("no work was done in %v", duration)
			}
			allowed := control + controlSlack
			if n < 10 {
				t.Errorf("only %d operations answered in %v", n, duration)
			}
			switch {
			case worst < blockBound || worst <= allowed:
			case c.gapReported:
				t.Logf("reported, not asserted: a gap of %v between the 50 ms timer's ticks (allowed %v)", worst, allowed)
			default:
				t.Errorf("the main thread blocked: a gap of %v between the 50 ms timer's ticks (allowed %v)", worst, allowed)
			}
			tb.noErrors()
		})
	}
}

// TestProgressCancel: a fast-forward to a far start time shows its
// progress (state().operation and the bar with its percent) and Cancel
// stops it at a whole step, with the page responsive throughout.
func TestProgressCancel(t *testing.T) {
	// 10^7 steps: hours, never done before Cancel.
	tb := open(t, "/?scene=flow&alpha=0.0001&T=1000&start=1000")
	tb.waitFor(`!!smflow.state().operation && smflow.state().operation.done >= 3 && !document.querySelector("#operation").hidden`, patience)
	op := eval[struct {
		What     string  `json:"what"`
		Done     int     `json:"done"`
		Total    int     `json:"total"`
		Fraction float64 `json:"fraction"`
	}](tb, `smflow.state().operation`)
	if op.Total != 10_000_000 || op.Fraction < 0 || op.Fraction >= 1 || op.What == "" {
		t.Errorf("operation %+v, want a fast-forward to step 10000000", op)
	}
	text := eval[string](tb, `document.querySelector("#operation .what").textContent`)
	if want := fmt.Sprintf("of %d", op.Total); !strings.Contains(text, want) || !strings.Contains(text, "%") {
		t.Errorf("progress text %q: no %q and percent", text, want)
	}
	tb.click(`#operation button[data-act=cancel]`)
	tb.waitFor(`!smflow.state().operation && document.querySelector("#operation").hidden`, patience)
	// Stopped at a whole step (hash answers once the state is whole).
	if h := eval[string](tb, `smflow.hash()`); h == "" {
		t.Error("no hash after Cancel")
	}
	s1 := tb.state().Steps
	if s1 < 3 || s1 >= op.Total {
		t.Errorf("after Cancel at %d steps of %d", s1, op.Total)
	}
	time.Sleep(500 * time.Millisecond)
	if s2 := tb.state().Steps; s2 != s1 {
		t.Errorf("the fast-forward went on after Cancel: %d -> %d steps", s1, s2)
	}
	tb.noErrors()
}

// installWatchdog starts the page's 50 ms timer that records the longest
// gap between its ticks while window.fz.on.
func (tb *tab) installWatchdog() {
	tb.t.Helper()
	eval[bool](tb, `(window.fz = window.fz || (() => {
		const fz = {on: false, last: performance.now(), max: 0};
		setInterval(() => {
			const now = performance.now();
			if (fz.on) fz.max = Math.max(fz.max, now - fz.last);
			fz.last = now;
		}, 50);
		return fz;
	})(), true)`)
}

// watch starts (clearing the record) or stops the watchdog's record.
func (tb *tab) watch(on bool) {
	tb.t.Helper()
	if on {
		eval[bool](tb, `(fz.max = 0, fz.last = performance.now(), fz.on = true)`)
		return
	}
	// A last gap up to now counts.
	eval[bool](tb, `(fz.max = Math.max(fz.max, performance.now() - fz.last), fz.on = false, true)`)
}

// longestGap returns the longest gap recorded.
func (tb *tab) longestGap() time.Duration {
	return time.Duration(eval[float64](tb, `fz.max`) * float64(time.Millisecond))
}

// TestOrderSweepTime: the default order sweep runs as fast as the frame
// budget allows (the scene's speed no longer throttles it) and finishes;
// the time from the navigation to its end is logged, not asserted (issue
// 11 aims at 10 s; see make bench for speed).
func TestOrderSweepTime(t *testing.T) {
	tb := open(t, "/?scene=order&autoplay=1")
	first := eval[float64](tb, `window.smflowFirstFrameAt || 0`)
	var at float64
	for end := time.Now().Add(3 * patience); ; time.Sleep(100 * time.Millisecond) {
		if eval[bool](tb, `smflow.state().done`) {
			at = eval[float64](tb, `performance.now()`)
			break
		}
		if time.Now().After(end) {
			t.Fatalf("the default sweep is not done after %v: progress %v", 3*patience, tb.state().Progress)
		}
	}
	st := tb.stats()
	t.Logf("default order sweep done %.1f s after navigation (first frame at %.1f s); longest Update %.0f ms, Draw %.0f ms",
		at/1e3, first/1e3, st.LongestUpd, st.LongestDraw)
	if o := tb.order(); !o.Done || len(o.Rows) == 0 {
		t.Errorf("sweep done but the order report is %+v", o)
	}
	tb.noErrors()
}
