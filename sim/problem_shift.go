package sim

import (
	"fmt"

	"smflow/sim/xmath"
)

// Shift is the additive-noise problem
//
//	R(z, xi) = |z - xi|^2 / 2,  z, xi in R^d,
//
// with g(z, xi) = z - xi and Hessian I. Its fluctuation G(z, xi) = xi - xbar
// does not depend on z (xbar is the data mean, the minimiser of R).
type Shift struct {
	d    int
	xi   []float64
	mean []float64 // the data mean xbar
}

// NewShift returns the shift problem in dimension d on the data xi, N rows of
// d values, row-major (xi_j = xi[j*d:(j+1)*d]); it copies xi.
func NewShift(d int, xi []float64) (*Shift, error) {
	if err := checkDim("shift", d); err != nil {
		return nil, err
	}
	if err := checkValues("shift", xi, d); err != nil {
		return nil, err
	}
	s := &Shift{d: d, xi: append([]float64(nil), xi...)}
	s.mean = s.Mean()
	return s, nil
}

// MeanGrad sets dst = gradR(z) = z - xbar.
func (s *Shift) MeanGrad(dst, z []float64) {
	for i, v := range z[:s.d] {
		dst[i] = v - s.mean[i]
	}
}

// MeanHessVec sets dst = v.
func (s *Shift) MeanHessVec(dst, z, v []float64) { copy(dst[:s.d], v[:s.d]) }

// WeightedGrad sets dst = (sum_j w_j) z - sum_j w_j xi_j.
func (s *Shift) WeightedGrad(dst, z, w []float64) {
	d := s.d
	sw := 0.0
	for _, v := range w[:len(s.xi)/d] {
		sw += v
	}
	for i, v := range z[:d] {
		dst[i] = sw * v
	}
	for j, wj := range w[:len(s.xi)/d] {
		xi := s.xi[j*d : (j+1)*d]
		for i, x := range xi {
			dst[i] -= wj * x
		}
	}
}

// Dim returns d.
func (s *Shift) Dim() int { return s.d }

// NumData returns N.
func (s *Shift) NumData() int { return len(s.xi) / s.d }

// Loss returns R(z, xi_j) = |z - xi_j|^2 / 2.
func (s *Shift) Loss(z []float64, j int) float64 {
	xi := s.xi[j*s.d : (j+1)*s.d]
	r := 0.0
	for i, v := range z[:s.d] {
		u := v - xi[i]
		r += u * u
	}
	return 0.5 * r
}

// Grad sets dst = z - xi_j.
func (s *Shift) Grad(dst, z []float64, j int) {
	xi := s.xi[j*s.d : (j+1)*s.d]
	dst = dst[:s.d]
	for i, v := range z[:s.d] {
		dst[i] = v - xi[i]
	}
}

// HessVec sets dst = v.
func (s *Shift) HessVec(dst, z, v []float64, j int) {
	copy(dst[:s.d], v[:s.d])
}

// AffineGrad sets h = H_j = I and c = c_j = xi_j: g(z, xi_j) = z - xi_j
// (AffineProblem).
func (s *Shift) AffineGrad(h, c []float64, j int) {
	d := s.d
	clear(h[:d*d])
	for i := 0; i < d; i++ {
		h[i*d+i] = 1
	}
	copy(c[:d], s.xi[j*d:(j+1)*d])
}

// Mean returns the data mean xbar = (1/N) sum_j xi_j, the minimiser of R.
func (s *Shift) Mean() []float64 {
	m := make([]float64, s.d)
	for j := 0; j < len(s.xi); j += s.d {
		for i := range m {
			m[i] += s.xi[j+i]
		}
	}
	inv := 1 / float64(s.NumData())
	for i := range m {
		m[i] *= inv
	}
	return m
}

// Start returns the default start z_0 = xbar + (1, 0.6, 0, ..., 0).
func (s *Shift) Start() []float64 {
	z := s.Mean()
	z[0]++
	if s.d > 1 {
		z[1] += 0.6
	}
	return z
}

// Box returns a view of coordinates 0 and 1 that holds the start and the
// minimiser xbar.
func (s *Shift) Box() [4]float64 {
	return boxAround(pt2(s.Start()), pt2(s.Mean()))
}

// shiftProblem is the additive-noise problem in the catalogue. Its data are
// vectors xi_j in R^d (d = spec.Dim, 0 meaning 2) with coordinates
// XiMean + XiSD eta_ji, eta standard normal, stored in X with Din = d; data
// read from a file set d (vectors xi1..xid, or scalar data xi for d = 1).
var shiftProblem = Problem{
	Name:     "shift",
	Doc:      "|z - xi|^2/2",
	Settings: []string{"dim", "xim", "xis"},
	Columns:  "xi1,...,xid (xi for d = 1)",
	PointDim: ProblemSpec.pointDim,
	Generate: func(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error {
		d := spec.pointDim()
		if err := checkDim("shift", d); err != nil {
			return err
		}
		if n*d > maxDataValues {
			return fmt.Errorf("shift: %d data points of dimension %d are too many (at most %d values)", n, d, maxDataValues)
		}
		*dst = Data{N: n, Din: d, X: resizeData(dst.X, n*d)}
		for i := range dst.X {
			dst.X[i] = spec.XiMean + spec.XiSD*rng.Norm()
		}
		return nil
	},
	Check: func(spec ProblemSpec, d *Data) error {
		k := spec.pointDim()
		if err := checkDim("shift", k); err != nil {
			return err
		}
		if k == 1 && scalarData(d) != nil {
			return nil
		}
		if d.Xi != nil || d.Y != nil || d.Din != k {
			if k == 1 {
				return fmt.Errorf("shift with d = 1 needs scalar data (a column xi), got %s", describeData(d))
			}
			return fmt.Errorf("shift with d = %d needs vector data xi1..xi%d, got %s", k, k, describeData(d))
		}
		return nil
	},
	Fit: func(spec ProblemSpec, d *Data) ProblemSpec {
		if d.Xi == nil && d.Din > 0 {
			spec.Dim = d.Din
		}
		return spec
	},
	New: func(spec ProblemSpec, d *Data) (Model, error) {
		if xi := scalarData(d); xi != nil && spec.pointDim() == 1 {
			return pointModel(NewShift(1, xi))
		}
		return pointModel(NewShift(spec.pointDim(), d.X))
	},
	Exact: true,
}
