package sim_test

import (
	"fmt"
	"math"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
)

// mcConfig returns the configuration of query (strict: no warnings).
func mcConfig(t *testing.T, query string) sim.Config {
	t.Helper()
	s, _, warns, err := param.FromQuery(query, nil)
	if err != nil || len(warns) > 0 {
		t.Fatalf("%s: %v %v", query, err, warns)
	}
	return s.Config()
}

// mcPoints runs the weak-error experiment of query at alphas with opts.
func mcPoints(t *testing.T, query, obs string, alphas []float64, opts sim.MCOptions) []sim.WeakPoint {
	t.Helper()
	o, err := sim.ObservableByName(obs)
	if err != nil {
		t.Fatal(err)
	}
	p, err := sim.WeakErrorsMC(mcConfig(t, query), alphas, o, opts, 2, nil)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return p
}

// With Config.Antithetic, replica 2m+1 is driven by the increments of
// replica 2m with the opposite sign: on the shift problem (additive noise,
// affine drift) the weak2 scheme is affine in the increments, so every
// pair's mean is the same noise-free path, while the replicas themselves
// scatter; the even replicas are those of the ordinary simulation, bit for
// bit.
func TestAntitheticPairs(t *testing.T) {
	cfg := mcConfig(t, "problem=shift&T=1&alpha=0.125&n=2&reps=8&methods=sgd,sme1,smf")
	plain, err := sim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Antithetic = true
	anti, err := sim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	plain.RunTo(plain.TotalSteps(), 2, nil)
	anti.RunTo(anti.TotalSteps(), 2, nil)
	for i, tr := range anti.Tracks() {
		ptr := plain.Tracks()[i]
		for r := 0; r < tr.Reps; r++ {
			same := true
			for q, v := range tr.Replica(r) {
				same = same && v == ptr.Replica(r)[q]
			}
			if want := r%2 == 0 || tr.Method == sim.SGD; same != want {
				t.Errorf("%s replica %d: equal to the ordinary simulation's: %v, want %v", tr.Method, r, same, want)
			}
		}
		if tr.Method == sim.SGD {
			continue
		}
		z0, z1 := tr.Replica(0), tr.Replica(1)
		spread := 0.0
		for q := range z0 {
			spread = math.Max(spread, math.Abs(z0[q]-z1[q]))
		}
		if spread < 1e-2 {
			t.Errorf("%s: replicas 0 and 1 differ by %v only", tr.Method, spread)
		}
		for m := 1; m < tr.Reps/2; m++ {
			a, b := tr.Replica(2*m), tr.Replica(2*m+1)
			for q := range a {
				mean := (a[q] + b[q]) / 2
				if want := (z0[q] + z1[q]) / 2; math.Abs(mean-want) > 1e-12 {
					t.Errorf("%s pair %d coordinate %d: mean %v, pair 0's %v", tr.Method, m, q, mean, want)
				}
			}
		}
	}
}

// Antithetic pairs keep the law of each replica: on tanh2 (a nonlinear
// problem), the mean of the risk of SMF's replicas from antithetic pairs
// (standard error from the pairs' means) and the mean of the odd replicas
// alone (independent, each driven by -W) agree with plain Monte Carlo within
// 4 standard errors, and so does the replicas' variance (standard error of
// a sample variance sqrt((m4 - s^4)/n), m4 the fourth central moment). The
// plain sample is the odd replicas of the ordinary simulation: their
// streams (1, 3, 5, ...) are none of the antithetic ones (0, 2, 4, ...), so
// the two samples are independent, on the same data.
func TestAntitheticKeepsLaw(t *testing.T) {
	run := func(anti bool) []float64 {
		cfg := mcConfig(t, "problem=tanh2&T=1&alpha=0.125&reps=8000&methods=smf")
		cfg.Antithetic = anti
		s, err := sim.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		s.RunTo(s.TotalSteps(), 2, nil)
		tr := s.Tracks()[0]
		ev := s.Model().NewEval(tr.N)
		f := make([]float64, tr.Reps)
		for r := range f {
			f[r] = ev.Risk(tr.Replica(r))
		}
		return f
	}
	meanVar := func(x []float64) (m, v float64) {
		for _, y := range x {
			m += y
		}
		m /= float64(len(x))
		for _, y := range x {
			v += (y - m) * (y - m)
		}
		return m, v / float64(len(x)-1)
	}
	a, all := run(true), run(false)
	var pairs, odd, p []float64
	for m := 0; m+1 < len(a); m += 2 {
		pairs = append(pairs, (a[m]+a[m+1])/2)
		odd = append(odd, a[m+1])
		p = append(p, all[m+1])
	}
	mp, vp := meanVar(p)
	sep := math.Sqrt(vp / float64(len(p)))
	mpair, vpair := meanVar(pairs)
	sepair := math.Sqrt(vpair / float64(len(pairs)))
	if d := math.Abs(mpair - mp); d > 4*math.Hypot(sep, sepair) {
		t.Errorf("antithetic mean %v ± %v, plain %v ± %v", mpair, sepair, mp, sep)
	}
	mo, vo := meanVar(odd)
	seo := math.Sqrt(vo / float64(len(odd)))
	if d := math.Abs(mo - mp); d > 4*math.Hypot(sep, seo) {
		t.Errorf("odd replicas' mean %v ± %v, plain %v ± %v", mo, seo, mp, sep)
	}
	seVar := func(x []float64, m, v float64) float64 {
		m4 := 0.0
		for _, y := range x {
			m4 += math.Pow(y-m, 4)
		}
		m4 /= float64(len(x))
		return math.Sqrt((m4 - v*v) / float64(len(x)))
	}
	sev := math.Hypot(seVar(odd, mo, vo), seVar(p, mp, vp))
	if d := math.Abs(vo - vp); d > 4*sev {
		t.Errorf("odd replicas' variance %v, plain %v (± %v)", vo, vp, sev)
	}
	t.Logf("mean: pairs %.6f ± %.1e, odd replicas %.6f ± %.1e, plain %.6f ± %.1e; variance: odd %.3e, plain %.3e ± %.1e", mpair, sepair, mo, seo, mp, sep, vo, vp, sev)
	if !(sepair < sep/2) {
		t.Errorf("antithetic pairs' standard error %v is not below half the plain %v", sepair, sep)
	}
}

// The variance reductions are real: at equal replicas, the variance of each
// side falls by the factors below or more (the factors measured on seeds 1
// to 6, at these settings, were at least: tanh2 antithetic 9.0, control
// variate c1 19.1, c1 and c2 81.9, SGD's c1 19.7 and c1, c2 93.5, all
// reductions on the weak error 110; quad all 2990, c1 and c2 333; the small
// network all 6.9). Each reduced estimate agrees with plain Monte Carlo
// within 4 standard errors.
func TestVarianceReduction(t *testing.T) {
	ratio := func(a, b float64) float64 { return a * a / (b * b) }
	check := func(name string, got, min float64) {
		t.Helper()
		if !(got >= min) {
			t.Errorf("%s: variance reduction %.3g, want at least %v", name, got, min)
		} else {
			t.Logf("%s: variance reduction %.3g (at least %v)", name, got, min)
		}
	}
	agree := func(name string, a, b sim.WeakPoint) {
		t.Helper()
		if d := math.Abs(a.Err.Mean - b.Err.Mean); d > 4*math.Hypot(a.Err.SE, b.Err.SE) {
			t.Errorf("%s: %v and %v differ by more than 4 standard errors", name, a.Err, b.Err)
		}
	}
	alphas := []float64{0.0625}
	q := "scene=order&problem=tanh2&T=1&methods=sgd,smf&reps=1000"
	last := func(p []sim.WeakPoint) sim.WeakPoint { return p[len(p)-1] }
	pl := last(mcPoints(t, q, "risk", alphas, sim.MCOptions{Plain: true}))
	an := last(mcPoints(t, q, "risk", alphas, sim.MCOptions{NoExactSGD: true, NoControl: true}))
	c1 := last(mcPoints(t, q, "risk", alphas, sim.MCOptions{NoAntithetic: true, NoQuadratic: true, SGDReps: 1000}))
	c12 := last(mcPoints(t, q, "risk", alphas, sim.MCOptions{NoAntithetic: true, SGDReps: 1000}))
	all := last(mcPoints(t, q, "risk", alphas, sim.MCOptions{}))
	check("tanh2 antithetic", ratio(pl.Value.SE, an.Value.SE), 4)
	check("tanh2 control c1", ratio(pl.Value.SE, c1.Value.SE), 8)
	check("tanh2 control c1, c2", ratio(pl.Value.SE, c12.Value.SE), 30)
	check("tanh2 SGD control c1", ratio(pl.SGD.SE, c1.SGD.SE), 8)
	check("tanh2 SGD control c1, c2", ratio(pl.SGD.SE, c12.SGD.SE), 30)
	check("tanh2 all", ratio(pl.Err.SE, all.Err.SE), 40)
	if an.ValueBy != sim.SampleAntithetic || c1.ValueBy != sim.SampleControl || all.ValueBy != sim.SampleAntitheticControl || all.SGDBy != sim.SampleControl || pl.SGDBy != sim.SamplePlain {
		t.Errorf("samplings %v %v %v %v %v", an.ValueBy, c1.ValueBy, all.ValueBy, all.SGDBy, pl.SGDBy)
	}
	for _, p := range []sim.WeakPoint{an, c1, c12, all} {
		agree("tanh2", pl, p)
	}
	for seed := 1; seed <= 6; seed++ {
		q := fmt.Sprintf("scene=order&problem=quad&T=1&methods=sgd,smf&reps=1000&seed=%d", seed)
		pl := last(mcPoints(t, q, "sq", alphas, sim.MCOptions{Plain: true}))
		c12 := last(mcPoints(t, q, "sq", alphas, sim.MCOptions{NoExactSGD: true, NoAntithetic: true}))
		all := last(mcPoints(t, q, "sq", alphas, sim.MCOptions{}))
		check(fmt.Sprintf("quad seed %d all", seed), ratio(pl.Err.SE, all.Err.SE), 500)
		check(fmt.Sprintf("quad seed %d control c1, c2", seed), ratio(pl.Value.SE, c12.Value.SE), 100)
		agree("quad", pl, all)
		q = fmt.Sprintf("scene=fluct&n=8&N=16&T=1&k=2&reps=200&seed=%d", seed)
		pl = last(mcPoints(t, q, "risk", []float64{0.25}, sim.MCOptions{Plain: true}))
		all = last(mcPoints(t, q, "risk", []float64{0.25}, sim.MCOptions{}))
		check(fmt.Sprintf("network seed %d all", seed), ratio(pl.Err.SE, all.Err.SE), 3)
		agree("network", pl, all)
	}
}

// The SGD side is exact wherever Expectations has it (quad, shift, linreg
// with sq, z1, pair and risk): the points say so and carry its value
// bit for bit; elsewhere (tanh2, the network) and with NoExactSGD SGD runs
// as an ensemble with control variates.
func TestExactSGDSide(t *testing.T) {
	alphas := []float64{0.25, 0.125}
	for _, c := range []struct {
		query, obs string
		exact      bool
	}{
		{"problem=quad&T=1&n=2&reps=16", "sq", true},
		{"problem=quad&T=1&n=2&reps=16", "risk", true},
		{"problem=shift&T=1&n=2&reps=16", "pair", true},
		{"problem=shift&T=1&reps=16", "z1", true},
		{"problem=linreg&T=1&reps=16", "risk", true},
		{"problem=tanh2&T=1&reps=16", "risk", false},
		{"scene=fluct&n=4&N=8&T=1&reps=16", "risk", false},
	} {
		cfg := mcConfig(t, c.query)
		obs, _ := sim.ObservableByName(c.obs)
		for _, opts := range []sim.MCOptions{{}, {NoExactSGD: true}} {
			pts, err := sim.WeakErrorsMC(cfg, alphas, obs, opts, 2, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := c.exact && !opts.NoExactSGD
			for _, p := range pts {
				if p.Exact != want || (p.SGDBy == sim.SampleExact) != want || (want && (p.SGD.SE != 0 || p.SGD.N != 0)) {
					t.Errorf("%s f=%s %+v: point %+v, want exact SGD side %v", c.query, c.obs, opts, p, want)
				}
				if !want && p.SGDBy != sim.SampleControl {
					t.Errorf("%s f=%s: SGD side %v, want control", c.query, c.obs, p.SGDBy)
				}
				if want {
					cfg.Alpha = p.Alpha
					e, err := sim.NewExpectations(cfg)
					if err != nil {
						t.Fatal(err)
					}
					v, err := e.SGD(obs, p.Alpha, int(math.Ceil(cfg.T/p.Alpha-1e-9)))
					if err != nil || v != p.SGD.Mean {
						t.Errorf("%s f=%s alpha=%v: SGD side %v, Expectations %v (%v)", c.query, c.obs, p.Alpha, p.SGD.Mean, v, err)
					}
				}
			}
		}
	}
}

// On the shift problem the scheme and SGD are affine in z and their noise
// is additive, so the state is its noise-free path plus the linear
// response, and f (quadratic) is exactly its two control variates plus a
// constant: the controlled estimates equal the exact expectations of SGD
// and of the weak2 scheme (Expectations) to rounding, with a standard error
// of rounding size, whether the replicas are antithetic pairs or not.
func TestControlVariateExactOnShift(t *testing.T) {
	cfg := mcConfig(t, "problem=shift&dim=2&T=1&n=2&reps=64&methods=sgd,sme1,sme2,smf")
	alphas := []float64{0.25, 0.125}
	e, err := sim.NewExpectations(func() sim.Config { c := cfg; c.Alpha = alphas[0]; return c }())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sq", "z1", "pair", "risk"} {
		obs, _ := sim.ObservableByName(name)
		for _, opts := range []sim.MCOptions{{NoExactSGD: true}, {NoExactSGD: true, NoAntithetic: true}} {
			pts, err := sim.WeakErrorsMC(cfg, alphas, obs, opts, 2, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pts {
				steps := int(math.Ceil(cfg.T/p.Alpha - 1e-9))
				sgd, _ := e.SGD(obs, p.Alpha, steps)
				scheme, _ := e.Scheme(p.Method, sim.Weak2, obs, p.Alpha, cfg.K, steps)
				tol := 1e-8 * (1 + math.Abs(sgd))
				if math.Abs(p.SGD.Mean-sgd) > tol || p.SGD.SE > tol || math.Abs(p.Value.Mean-scheme) > tol || p.Value.SE > tol {
					t.Errorf("f=%s %+v %s alpha=%v: SGD %v, exact %v; %s %v, exact scheme %v", name, opts, p.Method, p.Alpha, p.SGD, sgd, p.Method, p.Value, scheme)
				}
			}
		}
	}
}

// The network's weak-error experiment runs on a small case: M = n whatever
// the query says (the flow particles are the initial neurons), the MF ODE
// deterministic, DD-SMF from antithetic pairs with the quadratic control
// variate, SGD from its ensemble with control variates and 8 times the
// replicas; the MF ODE's errors are resolved, shrink with alpha, and their
// slope is within 0.6 of 1 (this small case is far from the asymptote).
func TestNetworkOrderSmall(t *testing.T) {
	cfg := mcConfig(t, "scene=fluct&n=8&M=16&N=16&T=1&k=2&reps=64")
	if cfg.NFlow != 16 {
		t.Fatalf("NFlow %d", cfg.NFlow)
	}
	obs, _ := sim.ObservableByName("risk")
	o, err := sim.NewOrderRun(cfg, []float64{0.5, 0.25, 0.125}, obs)
	if err != nil {
		t.Fatal(err)
	}
	if o.Config().NFlow != 0 || !o.Config().Antithetic || o.SGDReps() != 8*64 {
		t.Errorf("experiment's configuration %+v, SGD replicas %d", o.Config(), o.SGDReps())
	}
	_, s := o.Current()
	start, flow := s.Start()
	if len(start) != len(flow) {
		t.Errorf("n d = %d, M d = %d", len(start), len(flow))
	}
	for q := range start {
		if start[q] != flow[q] {
			t.Fatalf("flow particle coordinate %d differs from the neuron's", q)
		}
	}
	for !o.Done() {
		if err := o.RunRate(2, nil); err != nil {
			t.Fatal(err)
		}
	}
	pts := o.Points()
	if len(pts) != 6 {
		t.Fatalf("%d points", len(pts))
	}
	for _, p := range pts {
		want := map[sim.Method]sim.Sampling{sim.MFODE: sim.SampleDeterministic, sim.DDSMF: sim.SampleAntitheticControl}[p.Method]
		if p.ValueBy != want || p.SGDBy != sim.SampleControl || p.Diverged || math.IsNaN(p.Err.Mean) || !(p.Err.SE > 0) {
			t.Errorf("point %+v", p)
		}
		if p.Method == sim.MFODE && !p.Resolved {
			t.Errorf("MF ODE unresolved: %+v", p)
		}
	}
	for i := 2; i < len(pts); i += 2 {
		if !(math.Abs(pts[i].Err.Mean) < math.Abs(pts[i-2].Err.Mean)) {
			t.Errorf("MF ODE error %v at alpha %v, %v at %v", pts[i].Err, pts[i].Alpha, pts[i-2].Err, pts[i-2].Alpha)
		}
	}
	fit, used, _, err := sim.FitWeakOrder(pts, sim.MFODE)
	if err != nil || used != 3 || math.Abs(fit.Slope-1) > 0.6 {
		t.Errorf("MF ODE slope %+v from %d points: %v", fit, used, err)
	}
}

// FitWeakOrder leaves out the unresolved and diverged points: a point
// within 2 standard errors of zero does not move the fit.
func TestFitWeakOrderResolved(t *testing.T) {
	var pts []sim.WeakPoint
	add := func(a, e, se float64, div bool) {
		p := sim.WeakPoint{Alpha: a, Method: sim.SMF, Diverged: div}
		p.Err.Mean, p.Err.SE = e, se
		pts = append(pts, p)
	}
	for _, a := range []float64{0.5, 0.25, 0.125} {
		add(a, a*a, a*a/100, false)
	}
	add(0.0625, 1e-3, 1e-3, false) // |e| < 2 se
	add(0.03125, 1, 1e-6, true)    // diverged
	// Resolved is set by the experiment; mark the points as it would.
	for i := range pts {
		p := &pts[i]
		p.Resolved = !p.Diverged && math.Abs(p.Err.Mean) >= 2*p.Err.SE
	}
	fit, used, left, err := sim.FitWeakOrder(pts, sim.SMF)
	if err != nil || used != 3 || left != 2 || math.Abs(fit.Slope-2) > 1e-9 {
		t.Errorf("fit %+v used %d left %d: %v", fit, used, left, err)
	}
	if _, used, _, err := sim.FitWeakOrder(pts, sim.GF); err == nil || used != 0 {
		t.Errorf("a method without points: %d, %v", used, err)
	}
}

// Every point of an experiment is marked resolved exactly when |error| >= 2
// standard errors and nothing diverged.
func TestResolvedMarking(t *testing.T) {
	pts := mcPoints(t, "scene=order&problem=tanh2&T=0.5&methods=sgd,gf,smf&reps=64", "risk", []float64{0.25, 0.125}, sim.MCOptions{})
	for _, p := range pts {
		want := !p.Diverged && math.Abs(p.Err.Mean) >= 2*p.Err.SE && p.Err.Mean != 0
		if p.Resolved != want {
			t.Errorf("%+v: resolved %v, want %v", p, p.Resolved, want)
		}
	}
}

// An OrderRun advanced one replica at a time gives the weak errors of
// WeakErrors on two goroutines bit for bit, with the control variates and
// antithetic pairs on (a network and tanh2).
func TestOrderRunStepwiseControl(t *testing.T) {
	for _, q := range []string{"scene=fluct&n=4&N=8&T=0.5&k=2&reps=6", "problem=tanh2&T=0.5&reps=6&methods=sgd,gf,sme2,smf"} {
		cfg := mcConfig(t, q)
		obs, _ := sim.ObservableByName("risk")
		alphas := []float64{0.25, 0.125}
		want, err := sim.WeakErrors(cfg, alphas, obs, 2, nil)
		if err != nil {
			t.Fatal(err)
		}
		o, err := sim.NewOrderRun(cfg, alphas, obs)
		if err != nil {
			t.Fatal(err)
		}
		for !o.Done() {
			if err := o.Advance(1); err != nil {
				t.Fatal(err)
			}
		}
		got := o.Points()
		if len(got) != len(want) {
			t.Fatalf("%s: %d points, want %d", q, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] || got[i].SGDBy != sim.SampleControl {
				t.Errorf("%s point %d: %+v, want %+v", q, i, got[i], want[i])
			}
		}
	}
}
