package sim

import (
	"fmt"
	"math"
	"strings"

	"smflow/sim/stat"
	"smflow/sim/xmath"
)

// An Observable is a test function f of the configuration of one replica,
// whose expectation E f(Z_T) the weak error compares between methods.
type Observable struct {
	// Name is the key of the observable: sq, z1, pair or risk.
	Name string
	// Doc says what f is.
	Doc string
	f   func(ev Eval, z []float64, d int) float64
	// grad sets dst = grad f(z) (for the control variate, mc.go).
	grad func(ev Eval, dst, z []float64, d int)
}

// Observables lists the test functions of weak-error experiments.
var Observables = []Observable{
	{"sq", "mean over the points of |z_k|^2 (one-point)", func(_ Eval, z []float64, d int) float64 {
		return dotSelf(z) / float64(len(z)/d)
	}, func(_ Eval, dst, z []float64, d int) {
		for i, v := range z {
			dst[i] = 2 * v / float64(len(z)/d)
		}
	}},
	{"z1", "mean over the points of the first coordinate (one-point)", func(_ Eval, z []float64, d int) float64 {
		s := 0.0
		for k := 0; k < len(z); k += d {
			s += z[k]
		}
		return s / float64(len(z)/d)
	}, func(_ Eval, dst, z []float64, d int) {
		clear(dst)
		for k := 0; k < len(z); k += d {
			dst[k] = 1 / float64(len(z)/d)
		}
	}},
	{"pair", "z_1 . z_2, the product of the first two points (two-point; n >= 2)", func(_ Eval, z []float64, d int) float64 {
		s := 0.0
		for i := 0; i < d; i++ {
			s += z[i] * z[d+i]
		}
		return s
	}, func(_ Eval, dst, z []float64, d int) {
		clear(dst)
		copy(dst[:d], z[d:2*d])
		copy(dst[d:2*d], z[:d])
	}},
	{"risk", "the full-data risk of the configuration", func(ev Eval, z []float64, _ int) float64 {
		return ev.Risk(z)
	}, func(ev Eval, dst, z []float64, d int) {
		// The risk of the configuration is the mean over its n points of
		// R(z_k) (the network's risk: (1/n) gradR(z_k, mu^n) is its
		// gradient in z_k), so its gradient is the drift of GF over n.
		ev.Drift(dst, z, 0)
		inv := 1 / float64(len(z)/d)
		for i := range dst {
			dst[i] *= inv
		}
	}},
}

func dotSelf(z []float64) float64 {
	s := 0.0
	for _, v := range z {
		s += v * v
	}
	return s
}

// ObservableByName returns the observable with the given name.
func ObservableByName(name string) (Observable, error) {
	var names []string
	for _, o := range Observables {
		if o.Name == name {
			return o, nil
		}
		names = append(names, o.Name)
	}
	return Observable{}, fmt.Errorf("unknown observable %q (want %s)", name, strings.Join(names, ", "))
}

// A Sampling says how one side of a weak error was estimated.
type Sampling int

// The ways of estimating an expectation E f(Z_T) (MATH.md section 7).
const (
	// SampleExact: known exactly (Expectations), no Monte Carlo.
	SampleExact Sampling = iota
	// SampleDeterministic: one run of a deterministic method (GF, MF ODE).
	SampleDeterministic
	// SamplePlain: the mean of independent replicas.
	SamplePlain
	// SampleAntithetic: the mean of antithetic pairs of replicas (Brownian
	// increments W and -W, Config.Antithetic).
	SampleAntithetic
	// SampleControl: the mean of independent replicas with the control
	// variates of the linearised noise subtracted.
	SampleControl
	// SampleAntitheticControl: the mean of antithetic pairs with the
	// quadratic control variate subtracted.
	SampleAntitheticControl
)

// String returns the sampling's name: exact, deterministic, plain,
// antithetic, control or antithetic+control.
func (s Sampling) String() string {
	switch s {
	case SampleExact:
		return "exact"
	case SampleDeterministic:
		return "deterministic"
	case SamplePlain:
		return "plain"
	case SampleAntithetic:
		return "antithetic"
	case SampleControl:
		return "control"
	case SampleAntitheticControl:
		return "antithetic+control"
	}
	return fmt.Sprintf("sampling(%d)", int(s))
}

// A WeakPoint is the estimated weak error E f(Z_T) - E f(z_T) of one method
// Z against SGD z at one learning rate.
type WeakPoint struct {
	// Alpha is the learning rate.
	Alpha float64
	// Method is the method compared with SGD.
	Method Method
	// Err is the weak error with its standard error.
	Err stat.Estimate
	// Value is E f(Z_T) of the method's ensemble (one replica for a
	// deterministic method), SGD is E f(z_T) of SGD (exact, with no
	// standard error, when Exact is set): Err = Value - SGD.
	Value, SGD stat.Estimate
	// ValueBy and SGDBy say how Value and SGD were estimated.
	ValueBy, SGDBy Sampling
	// Exact reports that E f(z_T) of SGD was known exactly (SGDBy is
	// SampleExact).
	Exact bool
	// Diverged reports that a replica of the method or of SGD diverged (the
	// point is then left out of fits).
	Diverged bool
	// Resolved reports that the error is told apart from zero: it did not
	// diverge, is finite and nonzero, and |Err.Mean| >= 2 Err.SE. Slope
	// fits (FitWeakOrder) use the resolved points only.
	Resolved bool
}

// resolved reports whether the weak error e (not diverged) is at least two
// standard errors away from zero.
func resolved(e stat.Estimate, diverged bool) bool {
	a := math.Abs(e.Mean)
	return !diverged && a > 0 && !math.IsInf(a, 0) && !math.IsNaN(a) && !(a < 2*e.SE) && !math.IsNaN(e.SE)
}

// FitWeakOrder fits |error| = C alpha^p to the resolved points of method m
// (weighted by their standard errors, or unweighted when they are all 0)
// and returns the fit and the numbers of points used and left out.
func FitWeakOrder(points []WeakPoint, m Method) (fit stat.LineFit, used, left int, err error) {
	var a, e, se []float64
	for _, p := range points {
		if p.Method != m {
			continue
		}
		if !p.Resolved {
			left++
			continue
		}
		a = append(a, p.Alpha)
		e = append(e, math.Abs(p.Err.Mean))
		se = append(se, p.Err.SE)
	}
	zero := true
	for _, v := range se {
		zero = zero && v == 0
	}
	if zero {
		se = nil
	}
	fit, err = stat.FitLogLog(a, e, se)
	return fit, len(a), left, err
}

// MCOptions selects the variance reductions of the Monte Carlo of a
// weak-error experiment (MATH.md section 7). The zero value turns them all
// on:
//
//   - the exact SGD side (Expectations) where it exists: the affine
//     problems (HasExact) with the observables sq, z1, pair and risk (d <= MaxExactDim); only the continuous model's side is then
//     Monte Carlo;
//   - antithetic Brownian increments (Config.Antithetic) for the noisy
//     continuous-time models: the pair's mean cancels every odd order of
//     the noise;
//   - the control variates of the linearised noise (controlVariate): the
//     linear response c1 of f to the noise along the noise-free path and
//     its quadratic form c2, of known mean zero, with coefficients fitted
//     by least squares. SGD's ensemble (its increments are data indices,
//     with no antithetic pairing) gets both; antithetic pairs get c2 (c1
//     cancels in a pair); with NoAntithetic the continuous models get both.
//     c1 alone takes the variance from O(alpha) to O(alpha^2); c2 removes
//     most of the rest where f is near quadratic in the noise;
//   - SGDRepsFactor times more replicas of SGD than of the continuous
//     models, where SGD's side is not exact.
//
// With these reductions the replicas needed to resolve an O(alpha^2) weak
// error grow like alpha^-2 (or slower) instead of alpha^-3. The factors
// measured per technique and problem are in README.md.
type MCOptions struct {
	// Plain switches every reduction off: independent replicas on both
	// sides (for comparison).
	Plain bool
	// NoExactSGD runs SGD's ensemble even where its expectation is exact.
	NoExactSGD bool
	// NoAntithetic gives every replica its own Brownian increments.
	NoAntithetic bool
	// NoControl leaves out the control variates.
	NoControl bool
	// NoQuadratic leaves out the quadratic control variate (keeping the
	// linear one).
	NoQuadratic bool
	// SGDReps is the number of replicas of SGD's ensemble where it runs;
	// 0 means SGDRepsFactor times Config.Reps (at most enough for
	// maxSGDFloats coordinates, at least Config.Reps). An SGD step costs
	// one per-sample gradient, a substep of a continuous model several
	// full-data ones (on the network of the README's benchmark a replica of
	// SGD costs about a fiftieth of one of DD-SMF), so SGD's side affords
	// many more replicas for the same time.
	SGDReps int
}

// SGDRepsFactor is the default ratio of SGD's replicas to the continuous
// models' in a weak-error experiment (MCOptions.SGDReps).
const SGDRepsFactor = 8

// maxSGDFloats bounds the coordinates of SGD's ensemble with the default
// number of replicas.
const maxSGDFloats = 1 << 23

func (m MCOptions) exactSGD() bool   { return !m.Plain && !m.NoExactSGD }
func (m MCOptions) antithetic() bool { return !m.Plain && !m.NoAntithetic }
func (m MCOptions) control() bool    { return !m.Plain && !m.NoControl }

// WeakErrors runs the configuration base at every learning rate of alphas
// (same seeds, so the random streams are reused across step sizes) to time
// base.T and estimates the weak error of every method of base.Methods other
// than SGD against SGD for the observable obs, with every variance
// reduction of MCOptions. Replicas run on up to workers goroutines;
// progress, if not nil, gets the fraction done.
func WeakErrors(base Config, alphas []float64, obs Observable, workers int, progress func(float64)) ([]WeakPoint, error) {
	return WeakErrorsMC(base, alphas, obs, MCOptions{}, workers, progress)
}

// WeakErrorsMC is WeakErrors with the variance reductions opts.
func WeakErrorsMC(base Config, alphas []float64, obs Observable, opts MCOptions, workers int, progress func(float64)) ([]WeakPoint, error) {
	o, err := NewOrderRunMC(base, alphas, obs, opts)
	if err != nil {
		return nil, err
	}
	for !o.Done() {
		if err := o.RunRate(workers, progress); err != nil {
			return nil, err
		}
	}
	return o.Points(), nil
}

// RunRate runs the rest of the current learning rate with its replicas on
// up to workers goroutines, records its weak errors and moves to the next
// rate; progress, if not nil, gets the fraction of the whole experiment
// done. The results equal those of Advance bit for bit.
func (o *OrderRun) RunRate(workers int, progress func(float64)) error {
	if o.Done() {
		return nil
	}
	s := o.sim
	if o.track > 0 || o.rep > 0 || o.step > 0 || o.sub > 0 {
		// Finish what Advance started, one replica at a time.
		for o.cur < len(o.alphas) && o.sim == s {
			if err := o.Advance(1); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range s.tracks {
		o.prepare(i)
	}
	s.runReplicas(0, s.total, workers, func(tr int) {
		o.rateWork += o.replicaWork(s.tracks[tr])
		if progress != nil {
			progress(o.Progress())
		}
	})
	s.step = s.total
	return o.finish()
}

// replicaWork returns the work of one replica of tr from 0 to T, in
// particle-data evaluations (partCost per part).
func (o *OrderRun) replicaWork(tr *Track) float64 {
	s := o.sim
	subs := s.subSteps(tr)
	return float64(s.total) * float64(subs) * float64(s.partCost(tr))
}

// SGDReps returns the replicas of SGD's ensemble where its side is not
// exact (MCOptions.SGDReps).
func (o *OrderRun) SGDReps() int { return o.sgdReps() }

// An OrderRun is a weak-error experiment (see WeakErrors) that advances in
// small pieces, so that a page can compute it while it stays responsive.
//
// On a network (problem network: methods mfode and ddsmf against mean-field
// SGD) the flow particles of the mean-field ODE and the DD-SMF are the
// network's own initial neurons (Config.NFlow is set to n), so mu_0 is the
// empirical measure of the same neurons for every method and the
// W2(mu_0, mu_0^n) term of the weak-error bound is zero.
type OrderRun struct {
	base    Config
	alphas  []float64
	obs     Observable
	opts    MCOptions
	expect  *Expectations // the exact SGD side, or nil
	points0 int           // coordinates of one replica (n d)
	cur     int           // index of the learning rate being run
	sim     *Sim          // its simulation
	exact   bool
	ref     float64
	points  []WeakPoint
	track   int // the track and replica that Advance runs next
	rep     int
	// The cursor inside replica rep (AdvancePart): the next step and
	// substep, and the work done since stop was last called.
	step, sub, since int
	// Progress: the rates count by their steps (doneSteps of the finished
	// ones out of totalSteps), the current one by the work of its replicas
	// (rateWork out of rateTotal, in particle-data evaluations, partCost).
	doneSteps, totalSteps int
	rateWork, rateTotal   float64
	prepared              []bool // the tracks whose control variates are built
}

// NewOrderRun prepares the experiment with every variance reduction;
// nothing runs yet.
func NewOrderRun(base Config, alphas []float64, obs Observable) (*OrderRun, error) {
	return NewOrderRunMC(base, alphas, obs, MCOptions{})
}

// NewOrderRunMC prepares the experiment with the variance reductions opts;
// nothing runs yet.
func NewOrderRunMC(base Config, alphas []float64, obs Observable, opts MCOptions) (*OrderRun, error) {
	if len(alphas) == 0 {
		return nil, fmt.Errorf("no learning rates")
	}
	if opts.SGDReps < 0 {
		return nil, fmt.Errorf("SGD replicas %d must not be negative", opts.SGDReps)
	}
	base.Reps = max(base.Reps, 1)
	base.Antithetic = opts.antithetic()
	if base.Antithetic && base.Reps%2 == 1 && base.Reps > 1 {
		base.Reps++ // whole pairs
	}
	if p, err := LookupProblem(base.Problem.Name); err == nil && p.Network && len(base.Points) == 0 {
		base.NFlow = 0 // M = n: the flow particles are the initial neurons
	}
	for _, a := range alphas {
		if !(a > 0) || math.IsInf(a, 0) {
			return nil, fmt.Errorf("learning rate %v must be a positive number", a)
		}
	}
	o := &OrderRun{base: base, alphas: alphas, obs: obs, opts: opts}
	if opts.exactSGD() && HasExact(base.Problem) && (obs.Name == "sq" || obs.Name == "z1" || obs.Name == "pair" || obs.Name == "risk") {
		cfg := base
		cfg.Alpha = alphas[0]
		if e, err := NewExpectations(cfg); err == nil {
			if _, _, _, err := e.functional(obs); err == nil {
				o.expect = e
			}
		}
	}
	if err := o.start(); err != nil {
		return nil, err
	}
	for _, a := range alphas {
		o.totalSteps += int(math.Ceil(base.T/a - 1e-9))
	}
	return o, nil
}

// sgdReps returns the replicas of SGD's ensemble (see MCOptions.SGDReps).
func (o *OrderRun) sgdReps() int {
	if o.opts.SGDReps > 0 {
		return o.opts.SGDReps
	}
	if o.opts.Plain {
		return o.base.Reps
	}
	return max(o.base.Reps, min(SGDRepsFactor*o.base.Reps, maxSGDFloats/max(o.points0, 1)))
}

// Config returns the configuration of the experiment: the one given, with
// Antithetic set by the options, Reps made even for antithetic pairs and,
// on a network, NFlow = 0 (M = n). Alpha and Methods vary with the rate.
func (o *OrderRun) Config() Config { return o.base }

// Options returns the variance reductions of the experiment.
func (o *OrderRun) Options() MCOptions { return o.opts }

// start builds the simulation of the current learning rate.
func (o *OrderRun) start() error {
	cfg := o.base
	cfg.Alpha = o.alphas[o.cur]
	cfg.Methods = []Method{SGD}
	for _, m := range o.base.Methods {
		if m != SGD {
			cfg.Methods = append(cfg.Methods, m)
		}
	}
	s, err := New(cfg)
	if err != nil {
		return err
	}
	if o.obs.Name == "pair" && s.tracks[0].N < 2 {
		return fmt.Errorf("observable pair needs at least two points (n >= 2 or two rows in points)")
	}
	o.sim = s
	o.points0 = len(s.start)
	o.exact = false
	if o.expect != nil {
		if v, err := o.expect.SGD(o.obs, cfg.Alpha, s.total); err == nil {
			o.ref, o.exact = v, true
		}
	}
	sgd := s.tracks[0]
	if o.exact {
		sgd.Reps = 0 // SGD's ensemble is not needed
	} else if r := o.sgdReps(); r != sgd.Reps {
		s.resizeSGD(r)
	}
	o.prepared = make([]bool, len(s.tracks))
	for i := range s.tracks {
		o.prepare(i) // here, so that no replica's run allocates
	}
	for _, tr := range s.tracks {
		o.rateTotal += float64(tr.Reps) * o.replicaWork(tr)
	}
	return nil
}

// prepare builds the control variates of track i before its first replica
// runs (once, when the learning rate starts; the build costs about as much
// as a few replicas: at the order scene's finest rate, 0.1/16, 2 to 120 ms
// natively for all its methods).
func (o *OrderRun) prepare(i int) {
	if o.prepared[i] {
		return
	}
	o.prepared[i] = true
	s := o.sim
	tr := s.tracks[i]
	if !o.opts.control() || tr.Reps == 0 {
		return
	}
	cv := s.newControlVariate(tr, o.obs, !o.opts.NoQuadratic)
	if cv != nil && tr.Method != SGD && s.cfg.Antithetic && !cv.quadratic() {
		cv = nil // the pairs cancel the linear response already
	}
	tr.cv = cv
}

// resizeSGD gives SGD's track (the first) reps replicas with the streams
// New gives them.
func (s *Sim) resizeSGD(reps int) {
	tr := s.tracks[0]
	init := append([]float64(nil), tr.Replica(0)...)
	tr.Reps = reps
	tr.Z = make([]float64, reps*tr.N*tr.D)
	tr.DivergedAt = make([]int, reps)
	tr.rngs = make([]*xmath.Rand, reps)
	for r := 0; r < reps; r++ {
		copy(tr.Replica(r), init)
		tr.DivergedAt[r] = -1
		tr.rngs[r] = xmath.Stream(s.cfg.Seed, streamSGD, uint64(r))
	}
}

// Done reports whether every learning rate has been run.
func (o *OrderRun) Done() bool { return o.cur >= len(o.alphas) }

// Progress returns the fraction of the work done.
func (o *OrderRun) Progress() float64 {
	if o.Done() || o.totalSteps == 0 {
		return 1
	}
	f := 0.0
	if o.rateTotal > 0 {
		f = o.rateWork / o.rateTotal
	}
	return math.Min(1, (float64(o.doneSteps)+f*float64(o.sim.total))/float64(o.totalSteps))
}

// Points returns the weak errors of the learning rates finished so far; the
// caller must not modify them.
func (o *OrderRun) Points() []WeakPoint { return o.points }

// Current returns the learning rate being run and its simulation (nil when
// done); the caller must not modify it.
func (o *OrderRun) Current() (float64, *Sim) {
	if o.Done() {
		return 0, nil
	}
	return o.alphas[o.cur], o.sim
}

// Advance runs up to units replicas of the current learning rate, one
// method's replica at a time from 0 to T (a unit costs T/alpha steps of one
// replica; a replica partly done by AdvancePart counts as one), and when
// every replica is done records the weak errors and moves to the next
// learning rate. The results equal those of WeakErrors bit for bit.
func (o *OrderRun) Advance(units int) error {
	if o.Done() {
		return nil
	}
	s := o.sim
	for u := 0; u < units && o.track < len(s.tracks); u++ {
		o.replica(nil)
	}
	if o.track < len(s.tracks) {
		return nil
	}
	s.step = s.total
	return o.finish()
}

// finish records the weak errors of the finished simulation and starts the
// next learning rate.
func (o *OrderRun) finish() error {
	if err := o.record(); err != nil {
		return err
	}
	return o.next()
}

// next leaves the finished learning rate and starts the next one.
func (o *OrderRun) next() error {
	o.doneSteps += o.sim.total
	o.rateWork, o.rateTotal = 0, 0
	o.cur++
	o.track, o.rep, o.step, o.sub = 0, 0, 0, 0
	if o.Done() {
		o.sim = nil
		return nil
	}
	return o.start()
}

// record computes the weak errors of the finished simulation from the
// values of all its replicas (Slice, order_shard.go).
func (o *OrderRun) record() error {
	s := o.sim
	vals := make([]OrderSlice, len(s.tracks))
	for i, tr := range s.tracks {
		vals[i] = o.Slice(i, 0, tr.Reps)
	}
	return o.recordValues(vals)
}

// recordValues computes the weak errors of the current learning rate from
// vals[i], the values of every replica of track i, in replica order.
func (o *OrderRun) recordValues(vals []OrderSlice) error {
	s := o.sim
	est := make([]stat.Estimate, len(s.tracks))
	by := make([]Sampling, len(s.tracks))
	diverged := make([]bool, len(s.tracks))
	for i, tr := range s.tracks {
		if tr.Reps == 0 {
			continue
		}
		var err error
		est[i], by[i], err = o.estimate(tr, vals[i])
		if err != nil {
			return fmt.Errorf("%s at alpha = %g: %w", tr.Method, s.cfg.Alpha, err)
		}
		for _, at := range vals[i].DivergedAt {
			diverged[i] = diverged[i] || at >= 0 && at <= s.total
		}
	}
	if o.exact {
		est[0], by[0] = stat.Estimate{Mean: o.ref}, SampleExact
	}
	for i := 1; i < len(s.tracks); i++ {
		tr := s.tracks[i]
		p := WeakPoint{Alpha: s.cfg.Alpha, Method: tr.Method, Exact: o.exact}
		p.Diverged = diverged[i] || diverged[0] && !o.exact
		p.Value, p.SGD = est[i], est[0]
		p.ValueBy, p.SGDBy = by[i], by[0]
		p.Err = stat.Diff(p.Value, p.SGD)
		p.Resolved = resolved(p.Err, p.Diverged)
		o.points = append(o.points, p)
	}
	return nil
}

// estimate returns the estimate of E f(Z_T) of the finished track tr from
// v, the values of all its replicas, and how it was made: one value for a
// deterministic method; for antithetic pairs the means of the pairs,
// regressed on the pairs' quadratic control variate c2 when there is one
// (their linear ones cancel); otherwise the replicas, regressed on their
// control variates c1 (and c2).
func (o *OrderRun) estimate(tr *Track, v OrderSlice) (stat.Estimate, Sampling, error) {
	s := o.sim
	f, c1, c2 := v.F, v.C1, v.C2
	if tr.Method.Deterministic() {
		return stat.Estimate{Mean: f[0], N: 1}, SampleDeterministic, nil
	}
	if s.cfg.Antithetic && tr.Method != SGD && tr.Reps >= 2 {
		fp := pairs(f)
		if c2 == nil {
			e, err := stat.MeanOf(fp)
			e.N = 2 * len(fp)
			return e, SampleAntithetic, err
		}
		e, err := controlled(fp, pairs(c2))
		e.N = 2 * len(fp)
		return e, SampleAntitheticControl, err
	}
	if c1 == nil {
		e, err := stat.MeanOf(f)
		return e, SamplePlain, err
	}
	var covs [][]float64
	covs = append(covs, c1)
	if c2 != nil {
		covs = append(covs, c2)
	}
	e, err := controlled(f, covs...)
	return e, SampleControl, err
}

// pairs returns the means of the antithetic pairs (x_2m, x_2m+1), which
// are independent; an unpaired last value is left out.
func pairs(x []float64) []float64 {
	p := make([]float64, len(x)/2)
	for m := range p {
		p[m] = (x[2*m] + x[2*m+1]) / 2
	}
	return p
}

// controlled returns the estimate of E f from the values f_r and the control
// variates c_r (each of expectation zero): the regression estimator
// mean(f) - beta . mean(c), with beta fitted to the sample by least
// squares, and the standard error of its residuals f_r - beta . c_r (n - 1 -
// len(c) degrees of freedom). Its bias is O(1/n), far below the standard
// error. A control variate without variance is left out.
func controlled(f []float64, c ...[]float64) (stat.Estimate, error) {
	n := len(f)
	ef, err := stat.MeanOf(f)
	if err != nil {
		return ef, err
	}
	// Centre, and keep the covariates with variance.
	var xs [][]float64
	var means []float64
	for _, x := range c {
		ex, err := stat.MeanOf(x)
		if err != nil {
			return ef, err
		}
		d := make([]float64, n)
		ss := 0.0
		for r, v := range x {
			d[r] = v - ex.Mean
			ss += d[r] * d[r]
		}
		if ss > 0 && !math.IsInf(ss, 0) {
			xs, means = append(xs, d), append(means, ex.Mean)
		}
	}
	k := len(xs)
	if k == 0 || n <= k+1 {
		return ef, nil
	}
	// Normal equations S beta = b, by Gaussian elimination with pivoting.
	sm := make([]float64, k*(k+1))
	for a := 0; a < k; a++ {
		for b := 0; b < k; b++ {
			sm[a*(k+1)+b] = netDot(xs[a], xs[b])
		}
		sb := 0.0
		for r, v := range xs[a] {
			sb += v * (f[r] - ef.Mean)
		}
		sm[a*(k+1)+k] = sb
	}
	beta, ok := solveSmall(sm, k)
	if !ok {
		return ef, nil
	}
	mean := ef.Mean
	for a, b := range beta {
		mean -= b * means[a]
	}
	ss := 0.0
	for r := range f {
		e := f[r] - ef.Mean
		for a, b := range beta {
			e -= b * xs[a][r]
		}
		ss += e * e
	}
	return stat.Estimate{Mean: mean, SE: math.Sqrt(ss / float64(n-1-k) / float64(n)), N: n}, nil
}

// solveSmall solves the k x k system held with its right-hand side in the
// rows of m (k x (k+1), row-major), by Gaussian elimination with partial
// pivoting; ok is false for a singular system.
func solveSmall(m []float64, k int) (x []float64, ok bool) {
	w := k + 1
	for c := 0; c < k; c++ {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(m[r*w+c]) > math.Abs(m[p*w+c]) {
				p = r
			}
		}
		if m[p*w+c] == 0 {
			return nil, false
		}
		for q := 0; q < w; q++ {
			m[c*w+q], m[p*w+q] = m[p*w+q], m[c*w+q]
		}
		for r := c + 1; r < k; r++ {
			f := m[r*w+c] / m[c*w+c]
			for q := c; q < w; q++ {
				m[r*w+q] -= f * m[c*w+q]
			}
		}
	}
	x = make([]float64, k)
	for c := k - 1; c >= 0; c-- {
		v := m[c*w+k]
		for q := c + 1; q < k; q++ {
			v -= m[c*w+q] * x[q]
		}
		x[c] = v / m[c*w+c]
	}
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, false
		}
	}
	return x, true
}
