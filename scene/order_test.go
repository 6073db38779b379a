package scene

import (
	"math"
	"slices"
	"strings"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
	"smflow/sim/stat"
)

func TestOrderAlphasObservableMethods(t *testing.T) {
	got := orderAlphas(nil, 0.1, orderRates)
	want := []float64{0.1, 0.05, 0.025, 0.0125}
	if len(got) != len(want) {
		t.Fatalf("alphas %v, want %v", got, want)
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-15 {
			t.Errorf("alphas %v, want %v", got, want)
		}
	}
	for _, c := range []struct {
		points int
		want   string
	}{{0, "sq"}, {1, "sq"}, {2, "pair"}, {121, "pair"}} {
		if g := orderObservable(c.points, false); g != c.want {
			t.Errorf("orderObservable(%d) = %s, want %s", c.points, g, c.want)
		}
	}
	ms := orderMethods(nil, []sim.Method{sim.SGD, sim.GF, sim.SME1, sim.SGD, sim.GF, sim.SMF})
	if !slices.Equal(ms, []sim.Method{sim.GF, sim.SME1, sim.SMF}) {
		t.Errorf("orderMethods = %v", ms)
	}
	if ms := orderMethods(nil, []sim.Method{sim.SGD}); len(ms) != 0 {
		t.Errorf("orderMethods(sgd) = %v", ms)
	}
	for _, c := range []struct {
		m    sim.Method
		obs  string
		want int
	}{
		{sim.GF, "sq", 1}, {sim.SME1, "sq", 1}, {sim.SME2, "sq", 2}, {sim.SMF, "sq", 2},
		{sim.GF, "pair", 1}, {sim.SME1, "pair", 1}, {sim.SME2, "pair", 1}, {sim.SMF, "pair", 2},
		{sim.SGD, "sq", 0}, {sim.MFODE, "risk", 1}, {sim.DDSMF, "risk", 2},
	} {
		if g := theoryOrder(c.m, c.obs); g != c.want {
			t.Errorf("theoryOrder(%s, %s) = %d, want %d", c.m, c.obs, g, c.want)
		}
	}
}

func TestResolvedErr(t *testing.T) {
	for _, c := range []struct {
		e        stat.Estimate
		diverged bool
		want     bool
	}{
		{stat.Estimate{Mean: 1e-3, SE: 1e-4}, false, true},
		{stat.Estimate{Mean: -1e-3, SE: 4e-4}, false, true},
		{stat.Estimate{Mean: -1e-3, SE: 6e-4}, false, false},
		{stat.Estimate{Mean: 2e-3, SE: 0}, false, true}, // deterministic method, exact SGD
		{stat.Estimate{Mean: 0, SE: 0}, false, false},
		{stat.Estimate{Mean: 1e-3, SE: 1e-4}, true, false},
		{stat.Estimate{Mean: math.NaN(), SE: 1e-4}, false, false},
		{stat.Estimate{Mean: 1, SE: math.Inf(1)}, false, false},
	} {
		if g := resolvedErr(c.e, c.diverged); g != c.want {
			t.Errorf("resolvedErr(%v, %v) = %v, want %v", c.e, c.diverged, g, c.want)
		}
	}
}

// lineOf returns a line with the points (alpha_i, err_i, se_i).
func lineOf(m sim.Method, alpha, err, se []float64) orderLine {
	l := orderLine{method: m, order: theoryOrder(m, "sq")}
	for i := range alpha {
		e := stat.Estimate{Mean: err[i], SE: se[i]}
		l.alpha = append(l.alpha, alpha[i])
		l.err = append(l.err, err[i])
		l.se = append(l.se, se[i])
		l.diverged = append(l.diverged, false)
		l.resolved = append(l.resolved, resolvedErr(e, false))
	}
	l.refit()
	return l
}

// The fit runs over the resolved points only: exact power laws come back
// exactly, unresolved points do not pull the slope, fewer than two resolved
// points give no fit.
func TestOrderLineFit(t *testing.T) {
	a := orderAlphas(nil, 0.2, 5)
	pow := func(c, p float64, neg bool) []float64 {
		var y []float64
		for _, x := range a {
			v := c * math.Pow(x, p)
			if neg {
				v = -v
			}
			y = append(y, v)
		}
		return y
	}
	zeros := make([]float64, 5)
	// Deterministic (SE 0): an unweighted fit, exact slope.
	l := lineOf(sim.GF, a, pow(0.3, 1, true), zeros)
	if !l.fitOK || math.Abs(l.fit.Slope-1) > 1e-12 || l.fit.N != 5 {
		t.Errorf("GF fit %+v ok=%v, want slope 1 over 5 points", l.fit, l.fitOK)
	}
	// Weighted, relative SE 5%: slope 2 exactly, SE about 0.05/sqrt(Sxx).
	y := pow(0.5, 2, false)
	se := make([]float64, 5)
	for i := range se {
		se[i] = 0.05 * y[i]
	}
	l = lineOf(sim.SMF, a, y, se)
	if !l.fitOK || math.Abs(l.fit.Slope-2) > 1e-9 {
		t.Errorf("SMF fit %+v", l.fit)
	}
	// Sxx = sum (log a_i - mean)^2 / 0.05^2 with log a_i spaced by log 2.
	ln2 := math.Ln2
	sxx := 10 * ln2 * ln2 / (0.05 * 0.05)
	if math.Abs(l.fit.SlopeSE-1/math.Sqrt(sxx)) > 1e-9 {
		t.Errorf("slope SE %v, want %v", l.fit.SlopeSE, 1/math.Sqrt(sxx))
	}
	// The two smallest rates unresolved (|err| < 2 SE) with values far off
	// the line: the fit uses the three others.
	y2 := append([]float64(nil), y...)
	se2 := append([]float64(nil), se...)
	y2[3], se2[3] = 1, 1
	y2[4], se2[4] = -2, 5
	l = lineOf(sim.SMF, a, y2, se2)
	if !l.fitOK || l.fit.N != 3 || math.Abs(l.fit.Slope-2) > 1e-9 {
		t.Errorf("fit with unresolved points %+v", l.fit)
	}
	// One resolved point: no fit.
	l = lineOf(sim.SMF, a[:2], []float64{1e-3, 1e-4}, []float64{1e-4, 1e-4})
	if l.fitOK {
		t.Errorf("a fit from one resolved point: %+v", l.fit)
	}
}

// yRange covers resolved bars (cut at |err|/10) and unresolved bar tops with
// a decade below; guide anchors run above the order-1 and below the
// order-2 methods at the largest alpha.
func TestOrderRangeAndGuides(t *testing.T) {
	a := []float64{0.1, 0.05}
	e := orderExp{lines: []orderLine{
		lineOf(sim.GF, a, []float64{-0.04, -0.02}, []float64{0, 0}),
		lineOf(sim.SME1, a, []float64{0.03, 0.015}, []float64{0.001, 0.001}),
		lineOf(sim.SMF, a, []float64{1e-3, 1e-5}, []float64{1e-4, 1e-4}),
	}}
	lo, hi, ok := e.yRange()
	// SMF at 0.05 is unresolved: its bar top 2.1e-4, a decade below 2.1e-5.
	if !ok || math.Abs(hi-0.04) > 1e-15 || math.Abs(lo-2.1e-5) > 1e-12 {
		t.Errorf("yRange = %v, %v, %v", lo, hi, ok)
	}
	if y, ok := e.guide(1); !ok || math.Abs(y-0.08) > 1e-15 {
		t.Errorf("guide(1) = %v %v, want 0.08", y, ok)
	}
	if y, ok := e.guide(2); !ok || math.Abs(y-5e-4) > 1e-15 {
		t.Errorf("guide(2) = %v %v, want 5e-4", y, ok)
	}
	// No order-2 method: the smallest of any stands in.
	e.lines = e.lines[:2]
	if y, ok := e.guide(2); !ok || math.Abs(y-0.015) > 1e-15 {
		t.Errorf("guide(2) without order-2 methods = %v %v, want 0.015", y, ok)
	}
	// Nothing resolved at the largest alpha: the bar tops stand in.
	e.lines = []orderLine{
		lineOf(sim.SME2, a, []float64{1e-3, 1e-3}, []float64{1e-3, 1e-3}),
		lineOf(sim.SMF, a, []float64{-2e-3, 1e-3}, []float64{1.5e-3, 1e-3}),
	}
	if y, ok := e.guide(1); !ok || math.Abs(y-2*5e-3) > 1e-15 {
		t.Errorf("guide(1) from bar tops = %v %v, want 1e-2", y, ok)
	}
	if y, ok := e.guide(2); !ok || math.Abs(y-3e-3/2) > 1e-15 {
		t.Errorf("guide(2) from bar tops = %v %v, want 1.5e-3", y, ok)
	}
	var empty orderExp
	if _, _, ok := empty.yRange(); ok {
		t.Error("yRange of no points")
	}
	if _, ok := empty.guide(1); ok {
		t.Error("guide of no points")
	}
}

// runExp runs the experiment of a query to the end.
func runExp(t *testing.T, q string) *orderExp {
	t.Helper()
	var e orderExp
	e.reset(build(t, q))
	if e.err != nil {
		t.Fatalf("%s: %v", q, e.err)
	}
	for n := 0; e.Busy(); n++ {
		if n > 1e6 {
			t.Fatal("the experiment does not end")
		}
		e.Work()
	}
	if e.err != nil {
		t.Fatalf("%s: %v", q, e.err)
	}
	return &e
}

// The experiment on the quadratic: the SGD side is exact, every method gets
// five points, GF (deterministic) has slope 1; SMF's errors are Monte Carlo
// estimates (SE > 0) much smaller than GF's (its O(alpha^2) gap is mostly
// below the resolution of 2000 replicas); the series carry the points.
func TestOrderExpQuad(t *testing.T) {
	e := runExp(t, "scene=order&problem=quad&dim=2&xim=1&xis=0.8&alpha=0.2&T=1&reps=2000&N=16&methods=sgd,gf,smf")
	if !e.exact || e.obs != "sq" {
		t.Errorf("exact %v, observable %s; want exact sq", e.exact, e.obs)
	}
	if e.finished() != orderRates || len(e.lines) != 2 {
		t.Fatalf("%d rates finished, %d lines", e.finished(), len(e.lines))
	}
	for _, l := range e.lines {
		t.Logf("%s: err %v se %v slope %.3f +- %.3f (%d points)", l.method, l.err, l.se, l.fit.Slope, l.fit.SlopeSE, l.fit.N)
	}
	gf, smf := &e.lines[0], &e.lines[1]
	if gf.method != sim.GF || !gf.fitOK || gf.fit.N != orderRates || math.Abs(gf.fit.Slope-1) > 0.15 {
		t.Errorf("GF fit %+v", gf.fit)
	}
	for _, se := range gf.se {
		if se != 0 {
			t.Errorf("GF against exact SGD has SE %v, want 0", se)
		}
	}
	for k := range smf.err {
		if !(smf.se[k] > 0) || math.Abs(smf.err[k]) > math.Abs(gf.err[k])/2+4*smf.se[k] {
			t.Errorf("SMF alpha %v: error %v +- %v against GF's %v", smf.alpha[k], smf.err[k], smf.se[k], gf.err[k])
		}
		if smf.resolved[k] != (math.Abs(smf.err[k]) >= 2*smf.se[k]) {
			t.Errorf("SMF alpha %v: resolved %v for %v +- %v", smf.alpha[k], smf.resolved[k], smf.err[k], smf.se[k])
		}
	}
	if smf.fitOK && math.Abs(smf.fit.Slope-2) > 4*smf.fit.SlopeSE+0.5 {
		t.Errorf("SMF fit %+v", smf.fit)
	}
	ss := e.series()
	names := []string{"GF", "SMF", "GF exact", "GF integrator", "SMF exact", "SMF integrator"}
	if len(ss) != len(names) {
		t.Fatalf("%d series, want %v", len(ss), names)
	}
	for i, s := range ss {
		n := orderRates
		if i >= 2 {
			n = len(e.xRates)
		}
		if s.Name != names[i] || len(s.T) != n || len(s.Y) != n || len(s.SE) != n || s.T[0] != 0.2 {
			t.Errorf("series %d: %s with %d points, want %s with %d", i, s.Name, len(s.T), names[i], n)
		}
		if s.XName != "alpha" || s.YName != "weak_error" {
			t.Errorf("series %d: columns %q, %q, want alpha, weak_error", i, s.XName, s.YName)
		}
	}
	if e.Busy() {
		t.Error("busy after the end")
	}
	e.Work() // a no-op
}

// Two points per replica: the two-point observable, SME2 predicted order 1;
// a problem without a closed form: SGD is an ensemble and every error has a
// standard error; bad configurations end in an error, not a panic.
func TestOrderExpChoices(t *testing.T) {
	var e orderExp
	e.reset(build(t, "scene=order&problem=quad&dim=2&alpha=0.1&T=0.3&n=2&reps=64&N=8&methods=sme2,smf"))
	if e.err != nil || e.obs != "pair" || !e.exact || e.lines[0].order != 1 || e.lines[1].order != 2 {
		t.Errorf("n=2: err %v obs %s exact %v orders %d %d", e.err, e.obs, e.exact, e.lines[0].order, e.lines[1].order)
	}
	sh := runExp(t, "scene=order&problem=tanh2&alpha=0.1&T=0.3&reps=64&N=8&methods=gf,sme1")
	if sh.exact {
		t.Error("tanh2: the SGD side claimed exact")
	}
	for _, l := range sh.lines {
		for k, se := range l.se {
			if !(se > 0) {
				t.Errorf("tanh2 %s alpha %v: SE %v, want > 0 (SGD ensemble)", l.method, l.alpha[k], se)
			}
		}
	}
	if sx := runExp(t, "scene=order&problem=shift&dim=2&alpha=0.1&T=0.3&reps=64&N=8&methods=gf,sme1"); !sx.exact {
		t.Error("shift: the SGD side is not exact")
	}
	e.reset(build(t, "scene=order&problem=quad&alpha=0.1&T=0.3&reps=8&methods=sgd"))
	if e.err == nil || !strings.Contains(e.err.Error(), "besides SGD") || e.Busy() {
		t.Errorf("only SGD: err %v busy %v", e.err, e.Busy())
	}
	e.Work() // a no-op
	e.reset(nil)
	if e.err == nil || e.Busy() {
		t.Errorf("nil simulation: err %v", e.err)
	}
}

// A piece of work in the middle of a learning rate allocates nothing.
func TestOrderWorkAllocs(t *testing.T) {
	var e orderExp
	e.reset(build(t, "scene=order&problem=quad&dim=2&alpha=0.01&T=1&reps=256&N=8&methods=gf,sme1,sme2,smf"))
	if n := e.pieceRuns(); n != orderPiece/400 {
		t.Fatalf("%d runs per piece, want %d", n, orderPiece/400)
	}
	for i := 0; i < 3; i++ {
		e.Work()
	}
	if n := testing.AllocsPerRun(20, e.Work); n != 0 {
		t.Errorf("Work allocates %v times", n)
	}
	if e.finished() != 0 {
		d, _ := e.rateRuns()
		t.Errorf("the first rate is finished after %d runs", d)
	}
}

// rateRuns counts the runs of the current learning rate (one per replica of
// every method; GF is deterministic: one replica; the exact SGD side none,
// passed over by the first piece of work) and starts again at the next
// rate. A piece is one run when a run has orderPiece substeps or more, and
// as many runs as make orderPiece substeps when they are short.
func TestOrderRateRuns(t *testing.T) {
	var e orderExp
	// T/alpha = 300 steps of k = 4 substeps: one run per piece.
	e.reset(build(t, "scene=order&problem=quad&alpha=0.001&T=0.3&reps=8&N=8&methods=gf,sme1,smf"))
	if !e.exact {
		t.Fatal("the quadratic's SGD side is not exact")
	}
	if n := e.pieceRuns(); n != 1 {
		t.Fatalf("%d runs per piece, want 1", n)
	}
	_, all := e.rateRuns()
	if want := 1 + 8 + 8; all != want {
		t.Fatalf("%d runs per rate, want %d", all, want)
	}
	for k := 1; k <= all; k++ {
		e.Work()
		if d, a := e.rateRuns(); d != k-1 || a != all {
			t.Fatalf("after %d pieces of work: rateRuns = %d, %d; want %d, %d", k, d, a, k-1, all)
		}
	}
	e.Work() // the last run of the first rate
	if e.finished() != 1 {
		t.Fatalf("%d rates finished, want 1", e.finished())
	}
	if d, a := e.rateRuns(); d != 0 || a != all {
		t.Errorf("the second rate starts at run %d of %d", d, a)
	}

	// T/alpha = 10, 20, 40, 80 steps of 4 substeps: 25, 12, 6, 3 runs
	// per piece, so that the 17 runs (and the empty SGD track) of the rates
	// take 1, 2, 3, 6 pieces.
	e.reset(build(t, "scene=order&problem=quad&alpha=0.1&T=1&reps=8&N=8&methods=gf,sme1,smf"))
	var pieces []int
	for e.Busy() {
		if n := e.pieceRuns(); n != max(1, orderPiece/(40<<e.finished())) {
			t.Fatalf("rate %d: %d runs per piece", e.finished(), n)
		}
		k := e.finished()
		e.Work()
		for len(pieces) <= k {
			pieces = append(pieces, 0)
		}
		pieces[k]++
	}
	if !slices.Equal(pieces, []int{1, 2, 3, 6}) {
		t.Errorf("pieces per rate %v, want [1 2 3 6]", pieces)
	}
}

// The rates of the exact lines: the octave rates (those of the Monte Carlo
// sweep) and between them rates T/n reached in n whole steps, strictly
// decreasing.
func TestExactRates(t *testing.T) {
	for _, c := range []struct {
		alpha, T float64
		want     int // rates
	}{
		{0.5, 2, 10 + 9*3}, // T/alpha = 4: 5, 6, 7 between 4 and 8, ...
		{0.1, 2, 10 + 9*3},
		{2, 2, 10 + 0 + 1 + 7*3}, // n = 1 | - | 2 | 3 | 4 | 5, 6, 7 | 8 ...
		{0.3, 1, 10 + 9*3},       // T/alpha = 3.33 | 4, 5, 6 | 6.67 ...
	} {
		rates, oct := exactRates(nil, nil, c.alpha, c.T, orderOctaves, perOctave(2))
		if len(oct) != orderOctaves || len(rates) != c.want {
			t.Errorf("alpha %v T %v: %d rates %v, %d octaves; want %d rates", c.alpha, c.T, len(rates), rates, len(oct), c.want)
			continue
		}
		for i, k := range oct {
			if want := c.alpha * math.Ldexp(1, -i); rates[k] != want {
				t.Errorf("alpha %v: octave %d is %v, want %v", c.alpha, i, rates[k], want)
			}
		}
		for k := 1; k < len(rates); k++ {
			if !(rates[k] < rates[k-1]) {
				t.Errorf("alpha %v: rates not decreasing at %d: %v", c.alpha, k, rates)
			}
			if !slices.Contains(oct, k) {
				n := c.T / rates[k]
				if math.Abs(n-math.Round(n)) > 1e-9 || math.Ceil(c.T/rates[k]-1e-9) != math.Round(n) {
					t.Errorf("alpha %v: rate %v is not T/n", c.alpha, rates[k])
				}
			}
		}
	}
	if rates, _ := exactRates(nil, nil, 0.5, 2, orderOctaves, perOctave(8)); len(rates) != orderOctaves {
		t.Errorf("d = 8: %d rates, want the octaves alone", len(rates))
	}
	if s := localSlope(4e-3, 1e-3); math.Abs(s-2) > 1e-15 {
		t.Errorf("localSlope = %v", s)
	}
	for _, p := range [][2]float64{{0, 1}, {1, 0}, {math.NaN(), 1}, {math.Inf(1), 1}} {
		if s := localSlope(p[0], p[1]); s == s {
			t.Errorf("localSlope(%v) = %v, want NaN", p, s)
		}
	}
}

// The default order scene: exact lines over ten octaves whose local slopes
// at the smallest rates are the theory's (within 0.05: GF 1, SME1 1, SME2
// 2, SMF 2), at once, without running the sweep; no warning on the
// integrator; the report carries exact rows and the exact slopes.
func TestOrderExactDefault(t *testing.T) {
	var e orderExp
	e.reset(build(t, "scene=order"))
	if e.err != nil || !e.hasExact || e.xErr != nil {
		t.Fatalf("err %v, exact %v (%v)", e.err, e.hasExact, e.xErr)
	}
	if e.warn != "" {
		t.Errorf("warning on the defaults: %s", e.warn)
	}
	want := map[sim.Method]float64{sim.GF: 1, sim.SME1: 1, sim.SME2: 2, sim.SMF: 2}
	if len(e.lines) != len(want) {
		t.Fatalf("%d lines", len(e.lines))
	}
	for _, l := range e.lines {
		t.Logf("%-4s local slopes %.3f", l.method, l.local)
		if math.Abs(l.xSlope-want[l.method]) > 0.05 || float64(l.order) != want[l.method] {
			t.Errorf("%s: slope %.3f, order %d; want %v", l.method, l.xSlope, l.order, want[l.method])
		}
		for k, v := range l.xErr {
			if !(math.Abs(v) > 0) || math.IsInf(v, 0) {
				t.Errorf("%s: error %v at alpha %v", l.method, v, e.xRates[k])
			}
			if math.Abs(l.xShare[k]) > schemeWarnRatio*math.Abs(v) {
				t.Errorf("%s alpha %v: integrator's share %v of error %v", l.method, e.xRates[k], l.xShare[k], v)
			}
		}
	}
	// GF's O(alpha) coefficient is not nearly zero: its error at the
	// smallest rate is a fair fraction of SME1's.
	if gf, sme1 := e.lines[0].xErr[len(e.xRates)-1], e.lines[1].xErr[len(e.xRates)-1]; !(math.Abs(gf) > 0.5*math.Abs(sme1)) {
		t.Errorf("GF error %v against SME1's %v at the smallest rate", gf, sme1)
	}
	r := e.report()
	if r.Done || !r.Exact || r.Observable != "sq" || r.Error != "" || r.Warning != "" {
		t.Errorf("report %+v", r)
	}
	if n := len(r.Rows); n != len(e.lines)*len(e.xRates) {
		t.Errorf("%d rows, want %d exact ones", n, len(e.lines)*len(e.xRates))
	}
	for _, l := range e.lines {
		key := l.method.String()
		if s, ok := r.Slopes[key]; !ok || s.Slope != l.xSlope || s.SE != 0 {
			t.Errorf("slope of %s: %+v", key, s)
		}
		if r.Theory[key] != l.order {
			t.Errorf("theory of %s: %d", key, r.Theory[key])
		}
	}
}

// The Monte Carlo sweep of the default order scene and of its presets
// agrees with the exact values of what it estimates (the scheme's
// expectation: the model's plus the integrator's share) within 4 SE at
// every rate, and with the exact lines within 4 SE plus the share at every
// resolved rate; the report then holds both kinds of rows and is done.
func TestOrderMonteCarloMatchesExact(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole sweeps")
	}
	for _, c := range []struct {
		q        string
		resolved int
	}{
		{"scene=order", 12},
		{"scene=order&preset=quad", 10},
		{"scene=order&preset=npoint", 4},
		{"scene=order&preset=shift", 10},
	} {
		v, ws := param.Resolve(c.q)
		if len(ws) > 0 {
			t.Fatalf("%s: %v", c.q, ws)
		}
		s, _, err := param.Build(&v, nil)
		if err != nil {
			t.Fatal(err)
		}
		var e orderExp
		e.reset(s)
		for e.Busy() {
			e.Work()
		}
		if e.err != nil || !e.hasExact {
			t.Fatalf("%s: err %v, exact %v", c.q, e.err, e.hasExact)
		}
		resolved := 0
		for _, l := range e.lines {
			for k, a := range l.alpha {
				x := e.xOct[k]
				if e.xRates[x] != a {
					t.Fatalf("%s: Monte Carlo rate %v against exact %v", c.q, a, e.xRates[x])
				}
				want := l.xErr[x] + l.xShare[x]
				if d := math.Abs(l.err[k] - want); d > 4*l.se[k]+1e-9*math.Abs(want) {
					t.Errorf("%s %s alpha %v: Monte Carlo %.4g +- %.2g, exact scheme %.4g (model %.4g)", c.q, l.method, a, l.err[k], l.se[k], want, l.xErr[x])
				}
				if l.resolved[k] {
					resolved++
					if d := math.Abs(l.err[k] - l.xErr[x]); d > 4*l.se[k]+math.Abs(l.xShare[x])+1e-12 {
						t.Errorf("%s %s alpha %v: Monte Carlo %.4g +- %.2g off the exact line %.4g", c.q, l.method, a, l.err[k], l.se[k], l.xErr[x])
					}
				}
			}
			t.Logf("%s %-4s Monte Carlo %.3g +- %.2g (resolved %v), fit %.2f +- %.2f", c.q, l.method, l.err, l.se, l.resolved, l.fit.Slope, l.fit.SlopeSE)
		}
		if resolved < c.resolved {
			t.Errorf("%s: only %d of %d Monte Carlo points resolved, want %d", c.q, resolved, len(e.lines)*orderRates, c.resolved)
		}
		r := e.report()
		if !r.Done || len(r.Rows) != len(e.lines)*(len(e.xRates)+orderRates) {
			t.Errorf("%s: done %v, %d rows", c.q, r.Done, len(r.Rows))
		}
		mc := 0
		for _, row := range r.Rows {
			if !row.Exact {
				mc++
				if row.Resolved != (math.Abs(row.Error) >= 2*row.SE) {
					t.Errorf("%s: row %+v", c.q, row)
				}
			}
		}
		if mc != len(e.lines)*orderRates || len(r.MCSlopes) == 0 {
			t.Errorf("%s: %d Monte Carlo rows, slopes %v", c.q, mc, r.MCSlopes)
		}
	}
}

// The integrator's share is reported when it is a large part of the
// modelling error (Euler-Maruyama, or one substep), naming the parameter to
// change; problems without exact forms have no lines and report the fitted
// slopes.
func TestOrderSchemeWarningAndNoExact(t *testing.T) {
	for _, c := range []struct{ q, key string }{
		{"scene=order&scheme=euler", "scheme"},
		{"scene=order&k=1", "k"},
	} {
		var e orderExp
		e.reset(build(t, c.q))
		if e.warn == "" || e.warnKey != c.key || e.report().Warning != e.warn {
			t.Errorf("%s: warning %q (key %s)", c.q, e.warn, e.warnKey)
		}
		t.Logf("%s: %s", c.q, e.warn)
	}
	for _, q := range []string{"scene=order&preset=weak-order", "scene=order&preset=quad", "scene=order&preset=npoint", "scene=order&preset=shift"} {
		v, ws := param.Resolve(q)
		if len(ws) > 0 {
			t.Fatalf("%s: %v", q, ws)
		}
		s, _, err := param.Build(&v, nil)
		if err != nil {
			t.Fatal(err)
		}
		var e orderExp
		e.reset(s)
		if e.warn != "" || !e.hasExact {
			t.Errorf("%s: warning %q, exact %v", q, e.warn, e.hasExact)
		}
		for _, l := range e.lines {
			if math.Abs(l.xSlope-float64(l.order)) > 0.05 {
				t.Errorf("%s: %s local slope %.3f, theory %d", q, l.method, l.xSlope, l.order)
			}
		}
	}
	e := runExp(t, "scene=order&problem=tanh2&alpha=0.2&T=0.5&reps=64&N=8&methods=gf,smf")
	r := e.report()
	if e.hasExact || r.Exact || !r.Done {
		t.Errorf("tanh2: exact %v, done %v", e.hasExact, r.Done)
	}
	for _, row := range r.Rows {
		if row.Exact {
			t.Errorf("tanh2: exact row %+v", row)
		}
	}
	if s, ok := r.Slopes["gf"]; !ok || s != r.MCSlopes["gf"] {
		t.Errorf("tanh2: GF slope %+v, fit %+v", s, r.MCSlopes["gf"])
	}
}

// The order scene on a network: the test function is the risk, the methods
// the mean-field ODE (order 1) and the DD-SMF (order 2) against mean-field
// SGD, by Monte Carlo; every rate gets a point.
func TestOrderExpNetwork(t *testing.T) {
	if g := orderObservable(32, true); g != "risk" {
		t.Errorf("orderObservable of a network = %s, want risk", g)
	}
	e := runExp(t, "scene=order&problem=network&alpha=0.25&T=0.5&n=4&N=8&reps=16&k=2")
	if e.obs != "risk" || e.exact {
		t.Errorf("observable %s, exact %v", e.obs, e.exact)
	}
	r := e.report()
	if !r.Done || len(r.Rows) == 0 {
		t.Fatalf("report %+v", r)
	}
	for _, row := range r.Rows {
		if row.Method != "mfode" && row.Method != "ddsmf" {
			t.Errorf("row of method %s", row.Method)
		}
	}
	for _, l := range e.lines {
		if want := map[sim.Method]int{sim.MFODE: 1, sim.DDSMF: 2}[l.method]; l.order != want {
			t.Errorf("%v: theory order %d, want %d", l.method, l.order, want)
		}
	}
}

// The sweep cut inside replicas by the host's stop (WorkUntil) gives the
// same points as whole pieces (Work), and a part in the middle of a
// learning rate allocates nothing.
func TestOrderWorkUntil(t *testing.T) {
	q := "scene=order&problem=quad&dim=2&alpha=0.05&T=1&reps=16&N=8&methods=gf,sme1,smf"
	var a, b orderExp
	a.reset(build(t, q))
	b.reset(build(t, q))
	for a.Busy() {
		a.Work()
	}
	k := 0
	stop := func() bool { k++; return k%3 == 0 }
	parts := 0
	for b.Busy() {
		b.WorkUntil(stop)
		parts++
	}
	if a.err != nil || b.err != nil {
		t.Fatalf("errors %v, %v", a.err, b.err)
	}
	if parts <= b.finished() {
		t.Errorf("%d parts for %d rates: WorkUntil was never cut", parts, b.finished())
	}
	pa, pb := a.run.Points(), b.run.Points()
	if len(pa) == 0 || len(pa) != len(pb) {
		t.Fatalf("%d and %d points", len(pa), len(pb))
	}
	for i := range pa {
		if pa[i] != pb[i] {
			t.Errorf("point %d: %+v by parts, want %+v", i, pb[i], pa[i])
		}
	}
	var c orderExp
	c.reset(build(t, "scene=order&problem=quad&dim=2&alpha=0.01&T=1&reps=256&N=8&methods=gf,sme1,sme2,smf"))
	always := func() bool { return true }
	for i := 0; i < 3; i++ {
		c.WorkUntil(always)
	}
	if n := testing.AllocsPerRun(20, func() { c.WorkUntil(always) }); n != 0 || c.finished() != 0 {
		t.Errorf("WorkUntil allocates %v times (%d rates finished)", n, c.finished())
	}
}
