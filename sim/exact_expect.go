package sim

import (
	"fmt"
	"math"
)

// MaxExactDim is the largest point dimension d for which Expectations
// computes exact expectations: its maps act on (d+1)^2 moments, and their
// matrix powers and exponentials cost (d+1)^6 operations.
const MaxExactDim = 12

// Expectations computes exact expectations E f at a time t of the
// observables sq, z1, pair and risk (see Observables) under SGD, the
// continuous-time models GF, SME1, SME2 and SMF, and their integrators, for
// the data set and the starting configuration of one Config of an affine
// problem (AffineProblem, Problem.Exact), without Monte Carlo
// (MATH.md section 7).
//
// For the points u_1..u_n of the configuration, with zhat = (z, 1), the
// one-point observables average over the points, so they are linear
// functionals of the mean second moment (1/n) sum_k E zhat_k zhat_k^T,
// which starts at (1/n) sum_k uhat_k uhat_k^T and moves by the one-point
// maps of every point alike; pair is a functional of E zhat_1 zhat_2^T,
// which starts at uhat_1 uhat_2^T and moves by the two-point maps (shared
// data index for SGD, shared noise for SMF, independent noises for SME):
//
//	sq:   tr of the z block,               z1:   the entry (1, d+1),
//	pair: tr of the z block (two points),  risk: tr(F M) with R(z) = zhat^T F zhat.
//
// After i steps of SGD the moment is S^i M_0 with the SGD step map S; at
// time t the continuous model's moment is exp(t L) M_0 with the generator L
// of its linear moment ODE; after i k substeps of its integrator it is
// A^(ik) M_0 with the substep map A (see momentSystem for the maps). Powers
// are taken by repeated squaring and exponentials by gonum's Pade
// approximant, so the cost is independent of the number of data after the
// setup and grows only like the logarithm of the number of steps.
type Expectations struct {
	sys *momentSystem
	n   int       // the number of points
	one []float64 // (1/n) sum_k uhat_k uhat_k^T, row-major
	two []float64 // uhat_1 uhat_2^T, or nil for one point
}

// NewExpectations returns the exact expectations of the configuration cfg:
// its data set and starting points are those of New(cfg) (cfg.Methods,
// cfg.Reps and cfg.T do not matter; cfg.Alpha must be a valid learning rate
// but does not matter either). It returns an error for a problem without
// exact expectations (HasExact) or of dimension above MaxExactDim.
func NewExpectations(cfg Config) (*Expectations, error) {
	if !HasExact(cfg.Problem) {
		if _, err := LookupProblem(cfg.Problem.Name); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("problem %s has no exact expectations (its gradient is not affine in z); use Monte Carlo", cfg.Problem.Name)
	}
	cfg.Methods, cfg.Reps, cfg.T = []Method{SGD}, 1, 0
	s, err := New(cfg)
	if err != nil {
		return nil, err
	}
	p, ok := ProblemOf(s.Model()).(AffineProblem)
	if !ok {
		return nil, fmt.Errorf("problem %s has no exact expectations (its model is not an AffineProblem)", cfg.Problem.Name)
	}
	d := p.Dim()
	if d > MaxExactDim {
		return nil, fmt.Errorf("exact expectations of problem %s: dimension d = %d is more than %d; use Monte Carlo", cfg.Problem.Name, d, MaxExactDim)
	}
	e := &Expectations{sys: newMomentSystem(p)}
	start, _ := s.Start()
	q := d + 1
	e.n = len(start) / d
	uhat := func(k int) []float64 {
		return append(append(make([]float64, 0, q), start[k*d:(k+1)*d]...), 1)
	}
	e.one = make([]float64, q*q)
	for k := 0; k < e.n; k++ {
		u := uhat(k)
		for a, x := range u {
			for b, y := range u {
				e.one[a*q+b] += x * y / float64(e.n)
			}
		}
	}
	if e.n >= 2 {
		u1, u2 := uhat(0), uhat(1)
		e.two = make([]float64, q*q)
		for a, x := range u1 {
			for b, y := range u2 {
				e.two[a*q+b] = x * y
			}
		}
	}
	return e, nil
}

// NumPoints returns n, the number of points of the configuration.
func (e *Expectations) NumPoints() int { return e.n }

// functional returns the observable's functional F (q*q values, row-major)
// and its starting moment: the mean one-point moment, or the two-point
// moment for pair.
func (e *Expectations) functional(obs Observable) (f, m0 []float64, pair bool, err error) {
	d, q := e.sys.d, e.sys.q
	f = make([]float64, q*q)
	switch obs.Name {
	case "sq", "pair":
		for a := 0; a < d; a++ {
			f[a*q+a] = 1
		}
		if obs.Name == "pair" {
			if e.two == nil {
				return nil, nil, false, fmt.Errorf("observable pair needs at least two points (n >= 2 or two rows in points)")
			}
			return f, e.two, true, nil
		}
	case "z1":
		f[d] = 1 // E z_1 = M[0, d]
	case "risk":
		copy(f, e.sys.risk.RawMatrix().Data)
	default:
		return nil, nil, false, fmt.Errorf("observable %q has no exact expectation (want sq, z1, pair or risk)", obs.Name)
	}
	return f, e.one, false, nil
}

// SGD returns E f(z_i) after i = steps steps of SGD with learning rate alpha.
func (e *Expectations) SGD(obs Observable, alpha float64, steps int) (float64, error) {
	f, m0, _, err := e.functional(obs)
	if err != nil {
		return 0, err
	}
	if err := checkRate(alpha, steps); err != nil {
		return 0, err
	}
	return frobenius(f, powVec(e.sys.sgdStep(alpha), steps, m0)), nil
}

// Continuous returns E f(Z_t) of the continuous-time model m (GF, SME1, SME2
// or SMF) with learning rate alpha at time t, exactly (no integrator).
func (e *Expectations) Continuous(m Method, obs Observable, alpha, t float64) (float64, error) {
	f, m0, pair, err := e.functional(obs)
	if err != nil {
		return 0, err
	}
	if err := checkModel(m); err != nil {
		return 0, err
	}
	if err := checkRate(alpha, 0); err != nil {
		return 0, err
	}
	if !(t >= 0) || math.IsInf(t, 0) {
		return 0, fmt.Errorf("time t = %v must be a non-negative number", t)
	}
	return frobenius(f, expVec(e.sys.generator(m, alpha, pair), t, m0)), nil
}

// Scheme returns E f after steps SGD steps of the integrator sc of the
// continuous-time model m with learning rate alpha, k substeps h = alpha/k
// per step: what a Sim with Config{Alpha: alpha, K: k, Scheme: sc} computes
// in the mean of infinitely many replicas. Its difference to Continuous is
// the integrator's share of the weak error.
func (e *Expectations) Scheme(m Method, sc Scheme, obs Observable, alpha float64, k, steps int) (float64, error) {
	f, m0, pair, err := e.functional(obs)
	if err != nil {
		return 0, err
	}
	if err := checkModel(m); err != nil {
		return 0, err
	}
	if err := checkRate(alpha, steps); err != nil {
		return 0, err
	}
	if k < 1 {
		return 0, fmt.Errorf("substeps k = %d must be at least 1", k)
	}
	if sc != Weak2 && sc != Euler {
		return 0, fmt.Errorf("unknown scheme %d", int(sc))
	}
	op := e.sys.schemeStep(m, sc, alpha, alpha/float64(k), pair)
	return frobenius(f, powVec(op, steps*k, m0)), nil
}

// checkModel reports an error unless m is a continuous-time model of point
// problems.
func checkModel(m Method) error {
	if m == SGD || !m.ForPoints() {
		return fmt.Errorf("method %s is not a continuous-time model of point problems (want gf, sme1, sme2 or smf)", m)
	}
	return nil
}

// checkRate reports an error unless alpha is a positive number and steps is
// not negative.
func checkRate(alpha float64, steps int) error {
	if !(alpha > 0) || math.IsInf(alpha, 0) {
		return fmt.Errorf("learning rate alpha = %v must be a positive number", alpha)
	}
	if steps < 0 {
		return fmt.Errorf("number of steps %d is negative", steps)
	}
	return nil
}
