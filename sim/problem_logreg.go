package sim

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"smflow/sim/xmath"
)

// LogReg is logistic regression on data (x, y), x in R^k, labels y in
// {-1, 1}:
//
//	R(z, (x, y)) = log(1 + exp(-y z.phi)),  phi = (x, 1),  z = (w_1, ..., w_k, b),  d = k + 1.
//
// With the margin m = y z.phi and the logistic function
// sigma(u) = 1/(1 + e^(-u)),
//
//	g = -y sigma(-m) phi,
//	Hess R = sigma(m) sigma(-m) phi phi^T = sigma(m)(1 - sigma(m)) phi phi^T.
//
// For scalar x (k = 1), z = (w, b); for k = 2, z = (w1, w2, b), so the view
// plane (coordinates 0 and 1) is (w, b) or (w1, w2). R is convex; its
// minimiser (the maximum-likelihood fit) exists when the two classes are not
// linearly separable, and then R grows linearly far from it.
//
// Everything is computed with xmath.Exp and xmath.Log only, so the values
// are bit-identical natively and under WebAssembly, and stably for large
// margins |m|: the loss is max(-m, 0) + log1p(e^(-|m|)) (no overflow, no
// cancellation) and the curvature sigma(m) sigma(-m) = e/(1 + e)^2 with
// e = e^(-|m|) (no cancellation in 1 - sigma).
type LogReg struct {
	k    int
	x, y []float64
}

// NewLogReg returns the logistic regression problem on inputs x (N rows of
// k values, row-major) and labels y (N values, each -1 or 1); it copies
// both.
func NewLogReg(k int, x, y []float64) (*LogReg, error) {
	if k < 1 || k >= MaxDim {
		return nil, fmt.Errorf("logreg: input dimension %d out of range 1..%d", k, MaxDim-1)
	}
	if err := checkValues("logreg inputs", x, k); err != nil {
		return nil, err
	}
	if err := checkValues("logreg labels", y, 1); err != nil {
		return nil, err
	}
	if len(x)/k != len(y) {
		return nil, fmt.Errorf("logreg: %d inputs but %d labels", len(x)/k, len(y))
	}
	if j, v, ok := badLabel(y); !ok {
		return nil, fmt.Errorf("logreg: label y = %v of data point %d is not -1 or 1%s", v, j+1, labelHint(v))
	}
	return &LogReg{k: k, x: append([]float64(nil), x...), y: append([]float64(nil), y...)}, nil
}

// badLabel returns the index and value of the first label that is not -1
// or 1, and ok = false; or ok = true if all are.
func badLabel(y []float64) (j int, v float64, ok bool) {
	for j, v := range y {
		if v != -1 && v != 1 {
			return j, v, false
		}
	}
	return 0, 0, true
}

// labelHint suggests the fix for 0/1 labels.
func labelHint(v float64) string {
	if v == 0 {
		return " (write the label 0 as -1)"
	}
	return ""
}

// Dim returns d = k + 1.
func (l *LogReg) Dim() int { return l.k + 1 }

// NumData returns N.
func (l *LogReg) NumData() int { return len(l.y) }

// margin returns m = y_j z.phi_j, y_j and x_j.
func (l *LogReg) margin(z []float64, j int) (m, y float64, x []float64) {
	x = l.x[j*l.k : (j+1)*l.k]
	s := z[l.k]
	for i, v := range x {
		s += z[i] * v
	}
	y = l.y[j]
	return y * s, y, x
}

// Loss returns R(z, xi_j) = log(1 + e^(-m)) = max(-m, 0) + log1p(e^(-|m|)).
func (l *LogReg) Loss(z []float64, j int) float64 {
	m, _, _ := l.margin(z, j)
	return softplus(-m)
}

// Grad sets dst = -y_j sigma(-m) (x_j, 1).
func (l *LogReg) Grad(dst, z []float64, j int) {
	m, y, x := l.margin(z, j)
	f := -y * xmath.Sigmoid(-m)
	dst = dst[:l.k+1]
	for i, v := range x {
		dst[i] = f * v
	}
	dst[l.k] = f
}

// HessVec sets dst = sigma(m) sigma(-m) (phi.v) phi with phi = (x_j, 1).
func (l *LogReg) HessVec(dst, z, v []float64, j int) {
	m, _, x := l.margin(z, j)
	s := v[l.k]
	for i, xi := range x {
		s += xi * v[i]
	}
	s *= sigmoidSlope(m)
	dst = dst[:l.k+1]
	for i, xi := range x {
		dst[i] = s * xi
	}
	dst[l.k] = s
}

// softplus returns log(1 + e^t) = max(t, 0) + log1p(e^(-|t|)), finite and
// accurate for every finite t (for t > 709 the value is t itself, for
// t < -745 it underflows to 0 as e^t does).
func softplus(t float64) float64 {
	return max(t, 0) + log1pSmall(xmath.Exp(-math.Abs(t)))
}

// sigmoidSlope returns sigma'(m) = sigma(m) sigma(-m) = e/(1 + e)^2 with
// e = e^(-|m|): symmetric in m, relatively accurate also where sigma(m)
// rounds to 1.
func sigmoidSlope(m float64) float64 {
	e := xmath.Exp(-math.Abs(m))
	q := 1 + e
	return e / (q * q)
}

// log1pSmall returns log(1 + e) for 0 <= e <= 1 with xmath.Log only. The
// sum u = 1 + e is rounded; log(u) e/(u - 1) corrects for that rounding
// (u - 1 is exact here), which makes the result accurate to a few ulps
// (Goldberg, "What every computer scientist should know about
// floating-point arithmetic", Theorem 4) where the plain xmath.Log(1 + e)
// would lose all digits of e below 2^-53 and relative accuracy of order
// 1e-16/e for small e. When u rounds to 1, log(1 + e) = e to working
// precision.
func log1pSmall(e float64) float64 {
	u := 1 + e
	if u == 1 {
		return e
	}
	return xmath.Log(u) * (e / (u - 1))
}

// Minimizer returns the maximum-likelihood fit z* = argmin R, computed by
// damped Newton steps from 0, or nil if there is none (the two classes are
// linearly separable, or every label is the same, so R decreases towards
// infinity) or Newton's method does not settle.
func (l *LogReg) Minimizer() []float64 {
	d := l.k + 1
	n := float64(len(l.y))
	z, trial := make([]float64, d), make([]float64, d)
	g, phi := make([]float64, d), make([]float64, d)
	h := mat.NewSymDense(d, nil)
	gv := mat.NewVecDense(d, g)
	var step mat.VecDense
	var ch mat.Cholesky
	risk := func(z []float64) float64 {
		s := 0.0
		for j := range l.y {
			s += l.Loss(z, j)
		}
		return s / n
	}
	r := risk(z)
	stale := false // r is not R(z)
	undamped := 0  // undamped steps taken
	for it := 0; it < 100; it++ {
		// Mean gradient and Hessian at z.
		clear(g)
		h.Zero()
		for j := range l.y {
			m, y, x := l.margin(z, j)
			copy(phi, x)
			phi[l.k] = 1
			f, c := -y*xmath.Sigmoid(-m)/n, sigmoidSlope(m)/n
			for p := range d {
				g[p] += f * phi[p]
				for q := p; q < d; q++ {
					h.SetSym(p, q, h.At(p, q)+c*phi[p]*phi[q])
				}
			}
		}
		if !ch.Factorize(h) || ch.Cond() > 1e12 {
			return nil
		}
		if err := ch.SolveVecTo(&step, gv); err != nil {
			return nil
		}
		// Newton's method converges quadratically near the minimiser: stop
		// after a step that is negligible. (On separable data the steps
		// keep a length of order one while z runs off to infinity, though
		// R, its gradient and the decrement below tend to 0.)
		small := true
		for i, v := range z {
			small = small && math.Abs(step.AtVec(i)) <= 1e-9*(1+math.Abs(v))
		}
		if small {
			for i := range z {
				z[i] -= step.AtVec(i)
			}
			return z
		}
		// The Newton decrement lambda^2 = g.H^-1 g estimates 2 (R(z) - min R).
		if dec := mat.Dot(gv, &step); dec < 1e-10 {
			// Close to the minimum, where a line search would stall on the
			// rounding of R (of relative size 1e-16): undamped steps, a
			// few of which reach the minimiser to rounding; more mean
			// separable data.
			if undamped++; undamped > 10 {
				return nil
			}
			stale = true
			for i := range z {
				trial[i] = z[i] - step.AtVec(i)
			}
		} else {
			// Backtrack until the risk decreases enough (Armijo).
			if stale {
				r, stale = risk(z), false
			}
			t := 1.0
			for {
				for i := range z {
					trial[i] = z[i] - t*step.AtVec(i)
				}
				if rt := risk(trial); rt <= r-1e-4*t*dec {
					r = rt
					break
				}
				if t *= 0.5; t < 1e-10 {
					return nil
				}
			}
		}
		copy(z, trial)
		for _, v := range z {
			if math.Abs(v) > 1e3 {
				return nil
			}
		}
	}
	return nil
}

// Start returns the default start z_0 = 0, the uninformed model with
// sigma(z.phi) = 1/2 for every input.
func (l *LogReg) Start() []float64 { return make([]float64, l.k+1) }

// Box returns a view of coordinates 0 and 1 ((w, b) for k = 1, (w1, w2) for
// k = 2) that holds the start and the maximum-likelihood fit; without a fit
// (separable data) the square [-3, 3]^2, which holds the start and the
// teacher of the generated data.
func (l *LogReg) Box() [4]float64 {
	if m := l.Minimizer(); m != nil {
		return boxAround(pt2(l.Start()), pt2(m))
	}
	return [4]float64{-3, 3, -3, 3}
}

// The teacher that generateLogRegData draws labels from: w* = (2, -1),
// b* = 0.5 for two inputs; w* = 2, b* = 0.5 for one.
const (
	logregW1, logregW2, logregB = 2.0, -1.0, 0.5
)

// generateLogRegData sets dst to n logistic-regression data points drawn
// from rng (use a stream of its own, such as xmath.Stream(seed, purpose)):
// inputs x_j ~ N(0, I) in R^k (k = spec.Din, 0 meaning 1; 1 or 2) and labels
//
//	y_j = +1 with probability q + (1 - 2q) sigma(t_j), else -1,
//	t_j = 2 x_j1 + 0.5 (k = 1),  t_j = 2 x_j1 - x_j2 + 0.5 (k = 2),
//
// where q = spec.Noise in [0, 1/2] is a label-flip probability: the labels
// of the logistic teacher t (q = 0), each flipped to the other class with
// probability q (q = 1/2: labels independent of x). Every row draws k
// normals and one uniform u_j (y_j = +1 iff u_j < q + (1 - 2q) sigma(t_j)),
// whatever q is, so changing q keeps the inputs and the uniforms. dst's
// slices are reused when large enough; dst.Target is left nil.
func generateLogRegData(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error {
	if n < 1 || n > MaxDataRows {
		return fmt.Errorf("logreg: number of data points %d out of range 1..%d", n, MaxDataRows)
	}
	if dst == nil || rng == nil {
		return errors.New("generateLogRegData: nil destination or random stream")
	}
	q := spec.Noise
	if math.IsNaN(q) || math.IsInf(q, 0) {
		return fmt.Errorf("logreg: Noise = %v is not a finite number", q)
	}
	if q < 0 || q > 0.5 {
		return fmt.Errorf("logreg: Noise = %v, the label-flip probability, is out of range 0..0.5", q)
	}
	k, err := newRegressionData(dst, "logreg", spec, n)
	if err != nil {
		return err
	}
	for j := range n {
		x := dst.X[j*k : (j+1)*k]
		rng.NormFill(x, 1)
		t := logregW1*x[0] + logregB
		if k == 2 {
			t += logregW2 * x[1]
		}
		p := q + (1-2*q)*xmath.Sigmoid(t)
		if rng.Float64() < p {
			dst.Y[j] = 1
		} else {
			dst.Y[j] = -1
		}
	}
	return nil
}

// checkLogRegData reports whether d is a well-formed data set for logistic
// regression: regression data x1[,x2],y with spec.Din inputs (0 meaning 1;
// 1 or 2) whose labels y are all -1 or 1. The error names the first bad
// label's row (1-based).
func checkLogRegData(spec ProblemSpec, d *Data) error {
	if d == nil {
		return errors.New("logreg: no data")
	}
	k := spec.inputDim()
	if k < 1 || k > 2 {
		return fmt.Errorf("logreg: input dimension %d out of range 1..2", k)
	}
	if err := validData(d); err != nil {
		return err
	}
	if d.Y == nil || d.Din != k {
		return fmt.Errorf("logreg needs regression data %s, got %s", regressionHeader(k), describeData(d))
	}
	if j, v, ok := badLabel(d.Y); !ok {
		return fmt.Errorf("logreg needs labels y of -1 or 1, got y = %v in row %d%s", v, j+1, labelHint(v))
	}
	return nil
}

// logregProblem is logistic regression in the catalogue: its data law is
// generateLogRegData (noise is the label-flip probability, at most 1/2), its
// data check checkLogRegData.
var logregProblem = Problem{
	Name:     "logreg",
	Doc:      "logistic regression log(1 + exp(-y z.x)), labels y of -1 or 1; noise is the label-flip probability, at most 0.5",
	Settings: []string{"din", "noise"},
	Columns:  "x1[,x2],y",
	PointDim: func(spec ProblemSpec) int { return spec.inputDim() + 1 },
	Generate: generateLogRegData,
	Check:    checkLogRegData,
	New: func(spec ProblemSpec, d *Data) (Model, error) {
		return pointModel(NewLogReg(d.Din, d.X, d.Y))
	},
}
