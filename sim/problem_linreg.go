package sim

import (
	"fmt"

	"smflow/sim/xmath"

	"gonum.org/v1/gonum/mat"
)

// LinReg is least-squares linear regression on data (x, y), x in R^k:
//
//	R(z, (x, y)) = (y - w.x - b)^2 / 2,  z = (w_1, ..., w_k, b),  d = k + 1.
//
// With phi = (x, 1) and the residual r = y - z.phi, g = -r phi and the Hessian
// is phi phi^T. For scalar x (k = 1), z = (slope, intercept).
type LinReg struct {
	k    int
	x, y []float64
}

// NewLinReg returns the regression problem on inputs x (N rows of k values,
// row-major) and targets y (N values); it copies both.
func NewLinReg(k int, x, y []float64) (*LinReg, error) {
	if k < 1 || k >= MaxDim {
		return nil, fmt.Errorf("linreg: input dimension %d out of range 1..%d", k, MaxDim-1)
	}
	if err := checkValues("linreg inputs", x, k); err != nil {
		return nil, err
	}
	if err := checkValues("linreg targets", y, 1); err != nil {
		return nil, err
	}
	if len(x)/k != len(y) {
		return nil, fmt.Errorf("linreg: %d inputs but %d targets", len(x)/k, len(y))
	}
	return &LinReg{k: k, x: append([]float64(nil), x...), y: append([]float64(nil), y...)}, nil
}

// Dim returns d = k + 1.
func (l *LinReg) Dim() int { return l.k + 1 }

// NumData returns N.
func (l *LinReg) NumData() int { return len(l.y) }

// resid returns r = y_j - w.x_j - b and x_j.
func (l *LinReg) resid(z []float64, j int) (float64, []float64) {
	x := l.x[j*l.k : (j+1)*l.k]
	r := l.y[j] - z[l.k]
	for i, v := range x {
		r -= z[i] * v
	}
	return r, x
}

// Loss returns R(z, xi_j) = r^2 / 2.
func (l *LinReg) Loss(z []float64, j int) float64 {
	r, _ := l.resid(z, j)
	return 0.5 * r * r
}

// Grad sets dst = -r (x_j, 1).
func (l *LinReg) Grad(dst, z []float64, j int) {
	r, x := l.resid(z, j)
	dst = dst[:l.k+1]
	for i, v := range x {
		dst[i] = -r * v
	}
	dst[l.k] = -r
}

// HessVec sets dst = (phi.v) phi with phi = (x_j, 1).
func (l *LinReg) HessVec(dst, z, v []float64, j int) {
	x := l.x[j*l.k : (j+1)*l.k]
	s := v[l.k]
	for i, xi := range x {
		s += xi * v[i]
	}
	dst = dst[:l.k+1]
	for i, xi := range x {
		dst[i] = s * xi
	}
	dst[l.k] = s
}

// AffineGrad sets h = H_j = phi phi^T and c = c_j = y_j phi with
// phi = (x_j, 1): g(z, xi_j) = (phi.z - y_j) phi (AffineProblem).
func (l *LinReg) AffineGrad(h, c []float64, j int) {
	d := l.k + 1
	x := l.x[j*l.k : (j+1)*l.k]
	phi := func(i int) float64 {
		if i == l.k {
			return 1
		}
		return x[i]
	}
	for a := 0; a < d; a++ {
		c[a] = l.y[j] * phi(a)
		for b := 0; b < d; b++ {
			h[a*d+b] = phi(a) * phi(b)
		}
	}
}

// Minimizer returns the least-squares solution z* = argmin R, or nil if the
// inputs do not determine it (the design matrix (x_j, 1) is rank deficient).
func (l *LinReg) Minimizer() []float64 {
	d := l.k + 1
	a := mat.NewSymDense(d, nil)
	rhs := mat.NewVecDense(d, nil)
	phi := make([]float64, d)
	for j, y := range l.y {
		copy(phi, l.x[j*l.k:(j+1)*l.k])
		phi[l.k] = 1
		for p := 0; p < d; p++ {
			rhs.SetVec(p, rhs.AtVec(p)+phi[p]*y)
			for q := p; q < d; q++ {
				a.SetSym(p, q, a.At(p, q)+phi[p]*phi[q])
			}
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(a) || ch.Cond() > 1e12 {
		return nil
	}
	var z mat.VecDense
	if err := ch.SolveVecTo(&z, rhs); err != nil {
		return nil
	}
	return append([]float64(nil), z.RawVector().Data...)
}

// Start returns the default start z_0 = 0.
func (l *LinReg) Start() []float64 { return make([]float64, l.k+1) }

// Box returns a view of coordinates 0 and 1 that holds the start and the
// least-squares solution.
func (l *LinReg) Box() [4]float64 {
	if m := l.Minimizer(); m != nil {
		return boxAround(pt2(l.Start()), pt2(m))
	}
	return boxAround(pt2(l.Start()))
}

// The law that linear-regression data are generated from.
const linregW1, linregW2, linregB = 1.5, -1.0, -0.5

// linregProblem is linear regression in the catalogue. Its data are
// x_j ~ N(0, I) in R^Din (Din = spec.Din, 0 meaning 1) and
// y_j = 1.5 x_j1 - 0.5 + Noise eta_j for Din = 1,
// y_j = 1.5 x_j1 - x_j2 - 0.5 + Noise eta_j for Din = 2, eta standard normal.
var linregProblem = Problem{
	Name:     "linreg",
	Doc:      "linear regression (z.x - y)^2/2 with an intercept",
	Settings: []string{"din", "noise"},
	Columns:  "x1[,x2],y",
	PointDim: func(spec ProblemSpec) int { return spec.inputDim() + 1 },
	Generate: func(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error {
		k, err := newRegressionData(dst, "linreg", spec, n)
		if err != nil {
			return err
		}
		for j := range n {
			x := dst.X[j*k : (j+1)*k]
			rng.NormFill(x, 1)
			y := linregW1*x[0] + linregB
			if k == 2 {
				y += linregW2 * x[1]
			}
			dst.Y[j] = y + spec.Noise*rng.Norm()
		}
		return nil
	},
	Check: func(spec ProblemSpec, d *Data) error { return checkRegression("linreg", spec.inputDim(), d) },
	New: func(spec ProblemSpec, d *Data) (Model, error) {
		return pointModel(NewLinReg(d.Din, d.X, d.Y))
	},
	Exact: true,
}
