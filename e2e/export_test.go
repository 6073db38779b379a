package e2e

import (
	"strings"
	"testing"
)

// A large state (100000 replicas of five methods (GF has one) with 4
// points each: 1.6 million rows) is
// exported over frames: smflow.exportCSV() returns at once, the page shows
// the export's progress (state().operation, the bar: checked when the
// export lasts a second, 1.7 s here), and the Promise
// resolves with every row, the same text as a second export of the same
// paused state; smflow.cancel() rejects an export in progress.
func TestExportOverFrames(t *testing.T) {
	tb := open(t, "/?scene=ensemble&reps=100000&n=4&T=0.2")
	eval[bool](tb, `smflow.pause().then(() => true)`)
	reps, rows4 := 100000*4+1, 4
	ms := eval[float64](tb, `(() => {
		const t0 = performance.now();
		window.exp = {t0: t0};
		smflow.exportCSV().then(t => { window.exp.text = t; window.exp.ms = performance.now() - t0; }, e => { window.exp.err = String(e); });
		return performance.now() - t0; })()`)
	tb.waitFor(`(() => { const o = smflow.state().operation; if (o && o.what === "export") window.exp.seen = o.total; return window.exp.text !== undefined || window.exp.err !== undefined; })()`, patience)
	if e := eval[string](tb, `window.exp.err || ""`); e != "" {
		t.Fatalf("export failed: %s", e)
	}
	rows := eval[int](tb, `window.exp.text.split("\n").length - 2`) // header, last newline
	seen := eval[int](tb, `window.exp.seen || 0`)
	t.Logf("exportCSV returned after %.1f ms, resolved after %.0f ms; %d rows; progress seen with a total of %d replicas", ms, eval[float64](tb, `window.exp.ms`), rows, seen)
	if rows != reps*rows4 {
		t.Errorf("%d rows, want %d", rows, reps*rows4)
	}
	// The progress shows once an operation has run 300 ms (app's
	// progressAfter): an export that lasts a second must have shown it.
	if took := eval[float64](tb, `window.exp.ms`); seen != reps && took > 1000 {
		t.Errorf("the export took %.0f ms and its progress (state().operation) was not seen with %d replicas (%d)", took, reps, seen)
	}
	if !eval[bool](tb, `smflow.exportCSV().then(t => t === window.exp.text)`) {
		t.Error("a second export of the paused state differs")
	}
	// Cancel.
	got := eval[string](tb, `(() => { const p = smflow.exportCSV().then(() => "resolved", e => "rejected: " + e); smflow.cancel(); return p; })()`)
	if !strings.HasPrefix(got, "rejected") || !strings.Contains(got, "cancel") {
		t.Errorf("cancel: %s", got)
	}
	tb.noErrors()
}
