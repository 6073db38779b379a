package scene

import (
	"errors"
	"math"
	"strconv"

	"smflow/sim"
	"smflow/sim/stat"
)

// orderRates is the number of learning rates of the order scene's Monte
// Carlo sweep: alpha, alpha/2, alpha/4, alpha/8 (the last costs as much as
// the others together; a fifth, alpha/16, would double the sweep to add
// points that the exact lines already show and that 4096 replicas resolve
// only for the O(alpha) methods).
const orderRates = 4

// orderOctaves is the number of octave rates alpha, alpha/2, ...,
// alpha/2^(orderOctaves-1) of the exact lines (problems with exact
// expectations).
const orderOctaves = 10

// perOctave returns the number of rates per octave of the exact lines for
// points of dimension d: their cost grows like (d+1)^6 (products and
// exponentials of the (d+1)^2 x (d+1)^2 moment maps; about 0.1-0.2 s for
// the 37 rates of d = 2 in the browser, where gonum is many times slower
// than natively), so fewer rates for larger d keep Reset short.
func perOctave(d int) int {
	switch {
	case d <= 2:
		return 4
	case d == 3:
		return 2
	}
	return 1
}

// orderPiece is the number of substeps (SGD steps times k for a
// continuous-time method) of one piece of the Monte Carlo sweep (one Work):
// as many whole replicas as fit, at least one, about 0.2 ms in the browser.
// The host does not use it: it runs the sweep unthrottled, cut by its
// frame budget inside replicas (WorkUntil); the default sweep (2.95
// million substeps) ended 6.9 s after the page's navigation here.
const orderPiece = 1024

// schemeWarnRatio is the share of the modelling error above which the
// integrator's own error (exact, at the Monte Carlo rates) is reported: the
// Monte Carlo points estimate the scheme, not the model.
const schemeWarnRatio = 0.25

// orderAlphas appends to dst the learning rates alpha 2^-i, i = 0..n-1
// (the largest first) and returns it.
func orderAlphas(dst []float64, alpha float64, n int) []float64 {
	a := alpha
	for i := 0; i < n; i++ {
		dst = append(dst, a)
		a /= 2
	}
	return dst
}

// orderObservable returns the key of the test function of the order scene
// for a configuration of points points per replica: the network's risk for
// a network (meanField; the functional Phi(mu) = risk of the weak-error
// theorem), else the two-point statistic pair (z_1 . z_2) when there are at
// least two points, else the one-point sq (|z|^2).
func orderObservable(points int, meanField bool) string {
	if meanField {
		return "risk"
	}
	if points >= 2 {
		return "pair"
	}
	return "sq"
}

// orderMethods appends to dst the methods of ms other than SGD, each once,
// in their order, and returns it: the methods whose weak error is measured.
func orderMethods(dst, ms []sim.Method) []sim.Method {
	for _, m := range ms {
		dup := m == sim.SGD
		for _, o := range dst {
			dup = dup || o == m
		}
		if !dup {
			dst = append(dst, m)
		}
	}
	return dst
}

// theoryOrder returns the weak order in alpha that MATH.md section 3
// predicts for method m and the observable obs: 1 for GF and SME1, 2 for
// SME2 and SMF; for the two-point statistic pair, SME2 (independent noises
// per point) falls to 1 while SMF keeps 2. It returns 0 for a method
// without a prediction.
func theoryOrder(m sim.Method, obs string) int {
	switch m {
	case sim.GF, sim.SME1:
		return 1
	case sim.SME2:
		if obs == "pair" {
			return 1
		}
		return 2
	case sim.SMF, sim.DDSMF:
		return 2
	case sim.MFODE:
		return 1
	}
	return 0
}

// obsTitle returns the formula of the test function f of obs.
func obsTitle(obs string) string {
	switch obs {
	case "sq":
		return "f = |z|^2"
	case "z1":
		return "f = z1"
	case "pair":
		return "f = z(1) . z(2), the two-point motion"
	case "risk":
		return "f = R(z)"
	}
	return "f = " + obs
}

// exactRates appends to rates the learning rates of the exact lines, the
// largest first, and to oct the indices of the octave rates alpha 2^-i,
// i = 0..octaves-1, among them. Between two octave rates it puts
// perOctave-1 rates T/n, n the whole number nearest to T/(alpha
// 2^(-i-j/perOctave)), so that n steps reach T exactly (the octave rates
// are those of the Monte Carlo sweep, which takes ceil(T/rate) steps);
// rates that would not lie strictly between their octave rates are left
// out.
func exactRates(rates []float64, oct []int, alpha, T float64, octaves, perOctave int) ([]float64, []int) {
	a := alpha
	for i := 0; i < octaves; i++ {
		oct = append(oct, len(rates))
		rates = append(rates, a)
		if i == octaves-1 {
			break
		}
		next := a / 2
		for j := 1; j < perOctave; j++ {
			n := math.Round(T / (a * math.Exp2(-float64(j)/float64(perOctave))))
			if !(n >= 1) {
				continue
			}
			r := T / n
			if r < rates[len(rates)-1]*(1-1e-9) && r > next*(1+1e-9) {
				rates = append(rates, r)
			}
		}
		a = next
	}
	return rates, oct
}

// localSlope returns log2(|e0/e1|), the local order of an error e0 at a
// rate and e1 at half of it (NaN unless both are finite and nonzero).
func localSlope(e0, e1 float64) float64 {
	a, b := math.Abs(e0), math.Abs(e1)
	if !(a > 0) || !(b > 0) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return math.NaN()
	}
	return math.Log2(a / b)
}

// resolvedErr reports whether a weak-error estimate is resolved at its
// number of replicas: finite, nonzero, not diverged and |err| >= 2 SE. An
// unresolved error is compatible with 0.
func resolvedErr(e stat.Estimate, diverged bool) bool {
	a := math.Abs(e.Mean)
	return !diverged && a > 0 && !math.IsInf(a, 0) && a >= 2*e.SE && e.SE >= 0
}

// An orderLine holds the weak errors of one method at the learning rates
// finished so far (largest alpha first) and the log-log fit of its
// resolved points.
type orderLine struct {
	method   sim.Method
	order    int // the predicted order, 0 if none
	alpha    []float64
	err, se  []float64 // signed weak error E f(Z_T) - E f(z_T) and its SE
	diverged []bool
	resolved []bool
	fit      stat.LineFit
	fitOK    bool // at least two resolved points
	ra, re   []float64
	rs       []float64 // scratch of the fit

	// The exact line (orderExp.hasExact), at the rates orderExp.xRates:
	// the signed error Value - SGD of the continuous model itself and the
	// integrator's share Scheme - Value (NaN where not finite).
	xErr, xShare []float64
	// local holds the local slopes log2(|e(a_i)/e(a_i/2)|) at the octave
	// rates a_i but the last; xSlope is the last of them, at the smallest
	// rates (NaN if undefined).
	local  []float64
	xSlope float64
	// same is the index of an earlier line with the same exact errors
	// (SME2 and SMF for a one-point f: their one-point laws agree), or -1.
	same int
}

// refit fits |err| = C alpha^p over the resolved points (weighted by their
// standard errors when every one is positive).
func (l *orderLine) refit() {
	l.ra, l.re, l.rs = l.ra[:0], l.re[:0], l.rs[:0]
	weighted := true
	for i := range l.alpha {
		if !l.resolved[i] {
			continue
		}
		l.ra = append(l.ra, l.alpha[i])
		l.re = append(l.re, l.err[i])
		l.rs = append(l.rs, l.se[i])
		weighted = weighted && l.se[i] > 0
	}
	se := l.rs
	if !weighted {
		se = nil
	}
	f, err := stat.FitLogLog(l.ra, l.re, se)
	l.fit, l.fitOK = f, err == nil
}

// orderExp is the bookkeeping of the order scene's experiment: it builds a
// sim.OrderRun from the host's configuration, advances it in small pieces
// and sorts the finished weak errors into one orderLine per method.
type orderExp struct {
	base    sim.Config
	alphas  []float64
	obs     string
	methods []sim.Method
	run     *sim.OrderRun
	err     error // why there is no experiment, or why it stopped
	exact   bool  // the Monte Carlo sweep's SGD side is known in closed form
	reps    int

	// The exact weak errors (problems with exact expectations, sim.HasExact):
	// hasExact reports that the lines are there, xErr says why not for a
	// problem that has them; xRates are their rates (largest first) and
	// xOct the indices of the octave rates among them, the first
	// orderRates of which are the Monte Carlo rates.
	hasExact bool
	dim      int // the dimension d of a point
	xErr     error
	xRates   []float64
	xOct     []int
	// warn says, when the integrator's own error is a large share of the
	// modelling error (schemeWarnRatio), by how much and where; warnKey is
	// the parameter to change (k or scheme).
	warn, warnKey string
	lines         []orderLine
	seen          int // points of run.Points() taken into lines
	gen           int // counts the changes of lines
}

// reset prepares the experiment of the configuration of s (nothing runs
// yet): alphas = alpha 2^-i, the observable chosen by orderObservable and
// the methods of s other than SGD. An error is kept in e.err.
func (e *orderExp) reset(s *sim.Sim) {
	*e = orderExp{alphas: e.alphas[:0], methods: e.methods[:0], lines: e.lines[:0], gen: e.gen + 1,
		xRates: e.xRates[:0], xOct: e.xOct[:0]}
	if s == nil {
		e.err = errors.New("no simulation to take the configuration from")
		return
	}
	e.base = s.Config()
	e.alphas = orderAlphas(e.alphas, e.base.Alpha, orderRates)
	points := 0
	if tr := s.Tracks(); len(tr) > 0 {
		points = tr[0].N
	}
	e.obs = orderObservable(points, s.Model().MeanField())
	e.dim = s.Model().Dim()
	e.methods = orderMethods(e.methods, e.base.Methods)
	e.reps = max(e.base.Reps, 1)
	if len(e.methods) == 0 {
		e.err = errors.New("choose at least one method besides SGD (gf, sme1, sme2, smf) to compare with SGD")
		return
	}
	for _, m := range e.methods {
		e.lines = append(e.lines, orderLine{method: m, order: theoryOrder(m, e.obs)})
	}
	obs, err := sim.ObservableByName(e.obs)
	if err != nil {
		e.err = err
		return
	}
	// The SGD side is exact where the problem has exact expectations
	// (update confirms it from the points).
	e.exact = sim.HasExact(e.base.Problem)
	cfg := e.base
	cfg.Methods = append([]sim.Method(nil), e.methods...)
	e.computeExact(cfg, obs)
	if e.run, err = sim.NewOrderRun(cfg, e.alphas, obs); err != nil {
		e.err, e.run = err, nil
	}
}

// computeExact computes the exact lines of cfg's problem, if it has exact
// expectations (sim.ExactWeakErrors: microseconds per rate), their local
// slopes and the warning on the integrator's share.
func (e *orderExp) computeExact(cfg sim.Config, obs sim.Observable) {
	if !sim.HasExact(cfg.Problem) {
		return
	}
	e.xRates, e.xOct = exactRates(e.xRates, e.xOct, e.base.Alpha, e.base.T, orderOctaves, perOctave(e.dim))
	pts, err := sim.ExactWeakErrors(cfg, e.xRates, obs)
	if err != nil {
		e.xErr = err
		return
	}
	nm := len(e.methods)
	if len(pts) != nm*len(e.xRates) {
		e.xErr = errors.New("exact weak errors: unexpected number of points")
		return
	}
	finite := func(v float64) float64 {
		if math.IsInf(v, 0) {
			return math.NaN()
		}
		return v
	}
	for i := range e.lines {
		l := &e.lines[i]
		l.xErr, l.xShare, l.local = l.xErr[:0], l.xShare[:0], l.local[:0]
		for r := range e.xRates {
			p := pts[r*nm+i]
			l.xErr = append(l.xErr, finite(p.Error))
			l.xShare = append(l.xShare, finite(p.Scheme-p.Value))
		}
		for k := 0; k+1 < len(e.xOct); k++ {
			l.local = append(l.local, localSlope(l.xErr[e.xOct[k]], l.xErr[e.xOct[k+1]]))
		}
		l.xSlope = math.NaN()
		if n := len(l.local); n > 0 {
			l.xSlope = l.local[n-1]
		}
	}
	for i := range e.lines {
		e.lines[i].same = -1
		for j := 0; j < i && e.lines[i].same < 0; j++ {
			if sameValues(e.lines[i].xErr, e.lines[j].xErr) {
				e.lines[i].same = j
			}
		}
	}
	e.hasExact = true
	e.schemeWarning()
}

// sameValues reports whether a and b hold the same values to 1e-12
// relative (NaN equal to NaN).
func sameValues(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i, x := range a {
		y := b[i]
		if x != x && y != y {
			continue
		}
		if !(math.Abs(x-y) <= 1e-12*max(math.Abs(x), math.Abs(y))) {
			return false
		}
	}
	return true
}

// schemeWarning sets warn when, at a Monte Carlo rate, the integrator's own
// error |Scheme - Value| exceeds schemeWarnRatio of the modelling error
// |Value - SGD| of a method: the points then measure the scheme as much as
// the model.
func (e *orderExp) schemeWarning() {
	worst, wl, wr := 0.0, -1, 0
	for i := range e.lines {
		l := &e.lines[i]
		for k := 0; k < orderRates && k < len(e.xOct); k++ {
			r := e.xOct[k]
			q := math.Abs(l.xShare[r]) / math.Abs(l.xErr[r]) // +Inf where the error is 0
			if q > worst {
				worst, wl, wr = q, i, r
			}
		}
	}
	if wl < 0 || !(worst > schemeWarnRatio) {
		return
	}
	sc := e.base.Scheme.String()
	pct := "more than 100 times"
	if worst < 100 {
		pct = strconv.FormatFloat(100*worst, 'f', 0, 64) + "% of"
	}
	e.warn = "the integrator's own weak error (" + sc + ", k = " + strconv.Itoa(e.base.K) + ") is " + pct +
		" the modelling error (" + e.lines[wl].method.Label() + " at alpha = " + strconv.FormatFloat(e.xRates[wr], 'g', 4, 64) +
		"): the Monte Carlo points measure both; raise k"
	e.warnKey = "k"
	if e.base.Scheme != sim.Weak2 {
		e.warn += " or use scheme weak2"
		e.warnKey = "scheme"
	}
}

// Busy reports whether the experiment has work left (scene.Sweep).
func (e *orderExp) Busy() bool { return e.run != nil && e.err == nil && !e.run.Done() }

// Work advances the experiment by a piece: as many runs (a replica of one
// method from 0 to T at the current learning rate, sim.OrderRun.Advance)
// as make about orderPiece substeps, at least one; it takes in the points
// of a finished rate.
func (e *orderExp) Work() {
	if !e.Busy() {
		return
	}
	if err := e.run.Advance(e.pieceRuns()); err != nil {
		e.err = err
	}
	e.update()
}

// WorkUntil advances the experiment part by part, cutting replicas
// (sim.OrderRun.AdvancePart), until stop reports true or a learning rate
// is finished; it takes in the points of a finished rate (app's
// StoppableSweep: the host passes its frame budget's stop).
func (e *orderExp) WorkUntil(stop func() bool) {
	if !e.Busy() {
		return
	}
	if _, err := e.run.AdvancePart(stop); err != nil {
		e.err = err
	}
	e.update()
}

// pieceRuns returns the number of runs of a piece of work at the current
// learning rate: orderPiece substeps (a run of a continuous-time method
// takes T/alpha steps of k substeps), at least one.
func (e *orderExp) pieceRuns() int {
	_, s := e.run.Current()
	if s == nil {
		return 1
	}
	per := max(s.TotalSteps(), 1) * max(e.base.K, 1)
	return max(1, orderPiece/per)
}

// Stage returns the number of learning rates finished: a stage of the
// sweep is a rate, which adds a point per method (app.StagedSweep: the
// step button does one).
func (e *orderExp) Stage() int { return e.finished() }

// Stages returns the number of learning rates of the sweep (its stages).
func (e *orderExp) Stages() int { return len(e.alphas) }

// Progress returns the fraction of the experiment done (1 when it is over
// or stopped, or there is none).
func (e *orderExp) Progress() float64 {
	if !e.Busy() {
		return 1
	}
	return e.run.Progress()
}

// rateRuns returns the runs of the current learning rate done so far and
// their number: a run per replica of every method (SGD's too unless its
// side is exact); a run partly done (WorkUntil) is not counted.
func (e *orderExp) rateRuns() (done, all int) {
	if !e.Busy() {
		return 0, 0
	}
	return e.run.Cursor()
}

// update sorts the points of run finished since the last call into the
// lines, refits them and reports whether anything changed.
func (e *orderExp) update() bool {
	if e.run == nil {
		return false
	}
	pts := e.run.Points()
	if len(pts) == e.seen {
		return false
	}
	for _, p := range pts[e.seen:] {
		e.exact = p.Exact
		for i := range e.lines {
			l := &e.lines[i]
			if l.method != p.Method {
				continue
			}
			l.alpha = append(l.alpha, p.Alpha)
			l.err = append(l.err, p.Err.Mean)
			l.se = append(l.se, p.Err.SE)
			l.diverged = append(l.diverged, p.Diverged)
			l.resolved = append(l.resolved, resolvedErr(p.Err, p.Diverged))
		}
	}
	e.seen = len(pts)
	for i := range e.lines {
		e.lines[i].refit()
	}
	e.gen++
	return true
}

// finished returns the number of learning rates done.
func (e *orderExp) finished() int {
	if len(e.lines) == 0 {
		return 0
	}
	return len(e.lines[0].alpha)
}

// yRange returns the range of |weak error| the log-log panel must show:
// every resolved point with its bar (a bar reaching below |err|/10 counts
// as |err|/10), the top of every unresolved bar and a decade below it (its
// bar runs to the floor). ok is false before any finite point.
func (e *orderExp) yRange() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := range e.lines {
		l := &e.lines[i]
		for k := range l.alpha {
			a, s := math.Abs(l.err[k]), l.se[k]
			if l.diverged[k] || math.IsNaN(a) || math.IsInf(a, 0) {
				continue
			}
			if l.resolved[k] {
				lo, hi = min(lo, max(a-2*s, a/10)), max(hi, a+2*s)
			} else if top := a + 2*s; top > 0 && !math.IsInf(top, 0) {
				lo, hi = min(lo, top/10), max(hi, top)
			}
		}
	}
	return lo, hi, lo <= hi
}

// guide returns the height at alpha = alphas[0] of the reference line
// C alpha^order drawn next to the data: for order 1 twice the largest
// resolved |err| at the largest alpha among the methods predicted to have
// order 1 (so the line runs above them), for order 2 half the smallest among
// those of order 2 (below them). Methods of any order stand in when none of
// that order is resolved there, and the tops of the error bars (|err| + 2 SE)
// when no point is resolved there. ok is false before the first rate is
// done.
func (e *orderExp) guide(order int) (y float64, ok bool) {
	for pass := 0; pass < 3; pass++ {
		best := math.NaN()
		for i := range e.lines {
			l := &e.lines[i]
			if len(l.alpha) == 0 || l.diverged[0] || (pass < 2 && !l.resolved[0]) || (pass == 0 && l.order != order) {
				continue
			}
			a := math.Abs(l.err[0])
			if pass == 2 {
				a += 2 * l.se[0]
			}
			if !(a > 0) || math.IsInf(a, 0) {
				continue
			}
			switch {
			case best != best:
				best = a
			case order == 1:
				best = max(best, a)
			default:
				best = min(best, a)
			}
		}
		if best == best {
			if order == 1 {
				return 2 * best, true
			}
			return best / 2, true
		}
	}
	return 0, false
}

// series returns one Series per method of the Monte Carlo points (their
// columns named alpha and weak_error): T the learning rates, Y the signed weak errors E f(Z_T) - E f(z_T), SE their
// standard errors; then, with exact lines, per method the exact errors
// ("GF exact") and the integrator's share Scheme - Value ("GF
// integrator"), with SE 0.
func (e *orderExp) series() []Series {
	var out []Series
	for i := range e.lines {
		l := &e.lines[i]
		out = append(out, seriesOf(l.method.Label(), l.alpha, l.err, l.se))
	}
	if e.hasExact {
		zero := make([]float64, len(e.xRates))
		for i := range e.lines {
			l := &e.lines[i]
			out = append(out, seriesOf(l.method.Label()+" exact", e.xRates, l.xErr, zero),
				seriesOf(l.method.Label()+" integrator", e.xRates, l.xShare, zero))
		}
	}
	// The series are over the learning rate, not time.
	for i := range out {
		out[i].XName, out[i].YName = "alpha", "weak_error"
	}
	return out
}

// An OrderRow is one weak error of the order scene, for the page's state
// (smflow.state().order.rows): a point of an exact line (Exact, SE 0,
// Scheme the integrator's share Scheme - Value at the scene's k and
// scheme) or a Monte Carlo estimate with its standard error (Resolved when
// |Error| >= 2 SE; Diverged when a replica diverged).
type OrderRow struct {
	Method             string // the method's key in URLs, e.g. "smf"
	Alpha, Error, SE   float64
	Exact              bool
	Scheme             float64
	Resolved, Diverged bool
}

// An OrderSlope is a slope of |weak error| against alpha on log-log axes
// with its standard error (0 for an exact local slope, NaN when unknown).
type OrderSlope struct {
	Slope, SE float64
}

// An OrderReport is the state of the order scene for the page
// (smflow.state().order).
type OrderReport struct {
	// Done reports that the Monte Carlo sweep ended (or stopped: Error).
	Done bool
	// Exact reports that the exact lines are there.
	Exact bool
	// Observable is the key of the test function f (sq, pair or, for a
	// network, risk).
	Observable string
	// Rows are the exact points (every rate of the lines), then the Monte
	// Carlo points finished so far, method by method.
	Rows []OrderRow
	// Slopes holds per method key the slope the scene shows: with exact
	// lines the local slope at the two smallest octave rates (SE 0), else
	// the fit of the resolved Monte Carlo points; MCSlopes the fits of the
	// resolved Monte Carlo points (with at least two of them).
	Slopes, MCSlopes map[string]OrderSlope
	// Theory holds per method key the predicted order (MATH.md section 3).
	Theory map[string]int
	// Warning says that the integrator's error is a large share of the
	// modelling error (or is ""); Error why the sweep stopped or could not
	// run (or "").
	Warning, Error string
}

// report returns the state of the experiment for the page.
func (e *orderExp) report() OrderReport {
	r := OrderReport{
		Done: !e.Busy(), Exact: e.hasExact, Observable: e.obs, Warning: e.warn,
		Slopes: map[string]OrderSlope{}, MCSlopes: map[string]OrderSlope{}, Theory: map[string]int{},
	}
	if e.err != nil {
		r.Error = e.err.Error()
	}
	for i := range e.lines {
		l := &e.lines[i]
		key := l.method.String()
		r.Theory[key] = l.order
		if e.hasExact {
			for k, a := range e.xRates {
				if v := l.xErr[k]; v == v {
					r.Rows = append(r.Rows, OrderRow{Method: key, Alpha: a, Error: v, Exact: true, Scheme: l.xShare[k]})
				}
			}
		}
		for k, a := range l.alpha {
			r.Rows = append(r.Rows, OrderRow{Method: key, Alpha: a, Error: l.err[k], SE: l.se[k], Resolved: l.resolved[k], Diverged: l.diverged[k]})
		}
		if l.fitOK {
			r.MCSlopes[key] = OrderSlope{l.fit.Slope, l.fit.SlopeSE}
		}
		switch {
		case e.hasExact && l.xSlope == l.xSlope:
			r.Slopes[key] = OrderSlope{Slope: l.xSlope}
		case l.fitOK:
			r.Slopes[key] = r.MCSlopes[key]
		}
	}
	return r
}
