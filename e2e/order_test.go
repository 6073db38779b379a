package e2e

import (
	"image"
	"math"
	"strings"
	"testing"
	"time"
)

// orderState is smflow.state().order of the order scene.
type orderState struct {
	Done       bool   `json:"done"`
	Exact      bool   `json:"exact"`
	Observable string `json:"observable"`
	Rows       []struct {
		Method   string   `json:"method"`
		Alpha    float64  `json:"alpha"`
		Error    *float64 `json:"error"`
		SE       *float64 `json:"se"`
		Exact    bool     `json:"exact"`
		Scheme   *float64 `json:"scheme"`
		Resolved bool     `json:"resolved"`
		Diverged bool     `json:"diverged"`
	} `json:"rows"`
	Slopes map[string]struct {
		Slope *float64 `json:"slope"`
		SE    *float64 `json:"se"`
	} `json:"slopes"`
	MCSlopes map[string]struct {
		Slope *float64 `json:"slope"`
		SE    *float64 `json:"se"`
	} `json:"mcSlopes"`
	Theory  map[string]int `json:"theory"`
	Warning string         `json:"warning"`
	Error   string         `json:"error"`
}

func (tb *tab) order() orderState {
	tb.t.Helper()
	return eval[orderState](tb, `smflow.state().order || {}`)
}

// val returns *p, or NaN for null.
func val(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// TestOrderScene: the default order scene shows, from its exact lines, the
// local slopes of the theory within 0.1 (GF 1, SME1 1, SME2 2, SMF 2)
// within 10 s of loading; played, its Monte Carlo sweep ends and every
// resolved Monte Carlo point agrees with the exact line within 4 SE (plus
// the integrator's share, which the Monte Carlo estimates along: its
// replicas run the scheme at k substeps). The times to the slopes and to
// the finished picture are logged, not asserted beyond the 10 s of the
// slopes.
func TestOrderScene(t *testing.T) {
	t0 := time.Now()
	tb := open(t, "/?scene=order")
	firstFrame := time.Since(t0)
	tb.waitFor(`(o => !!o && ["gf", "sme1", "sme2", "smf"].every(m => o.slopes && o.slopes[m] && o.slopes[m].slope !== null))(smflow.state().order)`, 60*time.Second)
	slopesAt := time.Since(t0)
	o := tb.order()
	if !o.Exact || o.Observable != "sq" || o.Error != "" || o.Warning != "" {
		t.Errorf("order state: exact %v, observable %q, error %q, warning %q", o.Exact, o.Observable, o.Error, o.Warning)
	}
	want := map[string]float64{"gf": 1, "sme1": 1, "sme2": 2, "smf": 2}
	for m, w := range want {
		s := val(o.Slopes[m].Slope)
		t.Logf("%-4s slope %.3f (theory %d)", m, s, o.Theory[m])
		if !(math.Abs(s-w) <= 0.1) || o.Theory[m] != int(w) {
			t.Errorf("%s: slope %.3f, theory %d; want %v", m, s, o.Theory[m], w)
		}
	}
	if slopesAt > 10*time.Second {
		t.Errorf("the slopes showed %v after loading, want within 10 s", slopesAt.Round(time.Millisecond))
	}
	if st := eval[[]any](tb, `smflow.state().warnings`); len(st) > 0 {
		t.Errorf("warnings: %v", st)
	}

	// The Monte Carlo check, progressively: play and wait for the end.
	played := time.Since(t0)
	eval[bool](tb, `(smflow.play(), true)`)
	tb.waitFor(`smflow.state().order.done`, 120*time.Second)
	doneAt := time.Since(t0)
	o = tb.order()
	type key struct {
		m string
		a float64
	}
	exact := map[key]int{}
	for i, r := range o.Rows {
		if r.Exact {
			exact[key{r.Method, r.Alpha}] = i
		}
	}
	mc, resolved := 0, 0
	for _, r := range o.Rows {
		if r.Exact {
			continue
		}
		mc++
		i, ok := exact[key{r.Method, r.Alpha}]
		if !ok {
			t.Errorf("%s alpha %v: no exact row at the Monte Carlo rate", r.Method, r.Alpha)
			continue
		}
		x := o.Rows[i]
		e, se, line, share := val(r.Error), val(r.SE), val(x.Error), val(x.Scheme)
		t.Logf("%-4s alpha %-8g Monte Carlo %+.3e +- %.1e  exact %+.3e  integrator %+.1e  resolved %v", r.Method, r.Alpha, e, se, line, share, r.Resolved)
		if r.Diverged || !r.Resolved {
			continue
		}
		resolved++
		if d := math.Abs(e - line); !(d <= 4*se+math.Abs(share)+1e-12) {
			t.Errorf("%s alpha %v: Monte Carlo %.4g +- %.2g is %.1f SE off the exact line %.4g (integrator %.2g)", r.Method, r.Alpha, e, se, d/se, line, share)
		}
	}
	if mc != 4*4 || resolved < 8 {
		t.Errorf("%d Monte Carlo rows (want 16), %d resolved", mc, resolved)
	}
	for m, s := range o.MCSlopes {
		t.Logf("%-4s Monte Carlo fit %.2f +- %.2f", m, val(s.Slope), val(s.SE))
	}
	t.Logf("first frame %v, exact slopes %v, Monte Carlo done %v after loading (%v after play)",
		firstFrame.Round(time.Millisecond), slopesAt.Round(time.Millisecond), doneAt.Round(time.Millisecond), (doneAt - played).Round(time.Millisecond))
	tb.drawn()
	tb.saveShot("order-done")
	tb.noErrors()
}

// TestOrderWarning: a scheme whose own error is comparable to the
// modelling error (Euler-Maruyama, or one substep) is reported in the
// page's warnings and in smflow.state().order.warning; the toggle
// schemeerr changes no computation.
func TestOrderWarning(t *testing.T) {
	tb := open(t, "/?scene=order&scheme=euler&schemeerr=1")
	type warning struct {
		Key     string `json:"key"`
		Message string `json:"message"`
	}
	ws := eval[[]warning](tb, `smflow.state().warnings`)
	if len(ws) != 1 || ws[0].Key != "scheme" || !strings.Contains(ws[0].Message, "integrator's own weak error") {
		t.Fatalf("warnings %+v", ws)
	}
	if o := tb.order(); o.Warning != ws[0].Message {
		t.Errorf("order warning %q", o.Warning)
	}
	tb.waitFor(`!document.querySelector("#warnings").hidden && /integrator/.test(document.querySelector("#warnings").textContent)`, 5*time.Second)
	// Back to weak2 at k = 4: no warning; one substep: the warning names k.
	ws = eval[[]warning](tb, `smflow.setParam("scheme", "weak2")`)
	if len(ws) != 0 {
		t.Errorf("scheme=weak2: warnings %+v", ws)
	}
	ws = eval[[]warning](tb, `smflow.setParam("k", "1")`)
	if len(ws) != 1 || ws[0].Key != "k" {
		t.Errorf("k=1: warnings %+v", ws)
	}
	ws = eval[[]warning](tb, `smflow.setParam("k", "4")`)
	if len(ws) != 0 {
		t.Errorf("k=4: warnings %+v", ws)
	}
	if q := eval[string](tb, `smflow.state().query`); !strings.Contains(q, "schemeerr=1") {
		t.Errorf("query %q lost the toggle", q)
	}
	tb.drawn()
	// The toggle off: the dashed lines and the table's column go, the
	// experiment stays (no rebuild: the progress is kept).
	r := tb.canvasRect()
	with := tb.screenshot()
	eval[bool](tb, `(smflow.play(), true)`)
	tb.waitFor(`smflow.state().progress > 0.05`, 60*time.Second)
	eval[bool](tb, `smflow.pause().then(() => true)`)
	p0 := eval[float64](tb, `smflow.state().progress`)
	eval[[]warning](tb, `smflow.setParam("schemeerr", "0")`)
	if p := eval[float64](tb, `smflow.state().progress`); p != p0 {
		t.Errorf("the toggle restarted the sweep: progress %v, was %v", p, p0)
	}
	changed := false
	for try := 0; try < 20 && !changed; try++ {
		time.Sleep(150 * time.Millisecond)
		changed = inkDiffers(with, tb.screenshot(), r)
	}
	if !changed {
		t.Error("the canvas did not change when the toggle went off")
	}
	tb.noErrors()
}

// inkDiffers reports whether two screenshots differ inside r by more than
// a few pixels.
func inkDiffers(a, b image.Image, r image.Rectangle) bool {
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n > 100
}
