package sim

import (
	"fmt"
	"math"

	"smflow/sim/xmath"
)

// Quad is the closed-form quadratic problem of MATH.md section 6:
//
//	R(z, xi) = xi |z|^2 / 2,  z in R^d, scalar data xi,
//
// with per-sample gradient g(z, xi) = xi z and Hessian xi I. With the
// empirical moments m1 = E xi and m2 = E xi^2 of the data, gradR(z) = m1 z,
// G(z, xi) = (m1 - xi) z and Sigma(z) = (m2 - m1^2) z z^T.
type Quad struct {
	d  int
	xi []float64
	m1 float64 // the mean of the data
	c  float64 // sqrt(sum_j (xi_j - m1)^2), the noise's one coefficient
}

// NewQuad returns the quadratic problem in dimension d on the scalar data
// xi (which it copies).
func NewQuad(d int, xi []float64) (*Quad, error) {
	if err := checkDim("quad", d); err != nil {
		return nil, err
	}
	if err := checkValues("quad", xi, 1); err != nil {
		return nil, err
	}
	q := &Quad{d: d, xi: append([]float64(nil), xi...)}
	q.m1, _ = q.Moments()
	for _, x := range q.xi {
		q.c += (x - q.m1) * (x - q.m1)
	}
	q.c = math.Sqrt(q.c)
	return q, nil
}

// NoiseRank returns 1: the noise sum_j G(z, xi_j) w_j = -(sum_j (xi_j - m1)
// w_j) z is z times one normal number, for every z alike.
func (q *Quad) NoiseRank() int { return 1 }

// RankedNoise sets dst = c v_0 z with c^2 = sum_j (xi_j - m1)^2, which for
// v_0 ~ N(0, s^2) has the law of sum_j G(z, xi_j) w_j for independent
// w_j ~ N(0, s^2), jointly in z (LowRankNoise).
func (q *Quad) RankedNoise(dst, z, v []float64) {
	a := q.c * v[0]
	for i, x := range z[:q.d] {
		dst[i] = a * x
	}
}

// MeanGrad sets dst = gradR(z) = m1 z.
func (q *Quad) MeanGrad(dst, z []float64) {
	for i, v := range z[:q.d] {
		dst[i] = q.m1 * v
	}
}

// MeanHessVec sets dst = m1 v.
func (q *Quad) MeanHessVec(dst, z, v []float64) {
	for i, x := range v[:q.d] {
		dst[i] = q.m1 * x
	}
}

// WeightedGrad sets dst = (sum_j w_j xi_j) z.
func (q *Quad) WeightedGrad(dst, z, w []float64) {
	s := 0.0
	for j, x := range q.xi {
		s += w[j] * x
	}
	for i, v := range z[:q.d] {
		dst[i] = s * v
	}
}

// Dim returns d.
func (q *Quad) Dim() int { return q.d }

// NumData returns N.
func (q *Quad) NumData() int { return len(q.xi) }

// Loss returns R(z, xi_j) = xi_j |z|^2 / 2.
func (q *Quad) Loss(z []float64, j int) float64 {
	s := 0.0
	for _, v := range z[:q.d] {
		s += v * v
	}
	return 0.5 * q.xi[j] * s
}

// Grad sets dst = xi_j z.
func (q *Quad) Grad(dst, z []float64, j int) {
	xi := q.xi[j]
	dst = dst[:q.d]
	for i, v := range z[:q.d] {
		dst[i] = xi * v
	}
}

// HessVec sets dst = xi_j v.
func (q *Quad) HessVec(dst, z, v []float64, j int) {
	xi := q.xi[j]
	dst = dst[:q.d]
	for i, vi := range v[:q.d] {
		dst[i] = xi * vi
	}
}

// AffineGrad sets h = H_j = xi_j I and c = c_j = 0: g(z, xi_j) = xi_j z
// (AffineProblem).
func (q *Quad) AffineGrad(h, c []float64, j int) {
	d := q.d
	clear(h[:d*d])
	clear(c[:d])
	for i := 0; i < d; i++ {
		h[i*d+i] = q.xi[j]
	}
}

// Moments returns the empirical moments m1 = (1/N) sum_j xi_j and
// m2 = (1/N) sum_j xi_j^2 of the data.
func (q *Quad) Moments() (m1, m2 float64) {
	for _, x := range q.xi {
		m1 += x
		m2 += x * x
	}
	n := float64(len(q.xi))
	return m1 / n, m2 / n
}

// Start returns the default start z_0 = (1, 0.6, 0, ..., 0).
func (q *Quad) Start() []float64 {
	z := make([]float64, q.d)
	z[0] = 1
	if q.d > 1 {
		z[1] = 0.6
	}
	return z
}

// Box returns a view of coordinates 0 and 1 that holds the start and the
// minimiser 0.
func (q *Quad) Box() [4]float64 {
	s := q.Start()
	return boxAround(pt2(s), [2]float64{})
}

// MaxDim is the largest dimension d of a point problem.
const MaxDim = 1000

// checkValues reports an error unless x is a non-empty list of finite
// numbers whose length is a multiple of k.
func checkValues(name string, x []float64, k int) error {
	if len(x) == 0 {
		return fmt.Errorf("%s: no data", name)
	}
	if len(x)%k != 0 {
		return fmt.Errorf("%s: %d data values do not form rows of %d", name, len(x), k)
	}
	if len(x)/k > MaxDataRows {
		return fmt.Errorf("%s: %d data points, at most %d allowed", name, len(x)/k, MaxDataRows)
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%s: data point %d: value %v is not finite", name, i/k+1, v)
		}
	}
	return nil
}

// pt2 returns coordinates 0 and 1 of z (0 where z is shorter).
func pt2(z []float64) [2]float64 {
	var p [2]float64
	copy(p[:], z)
	return p
}

// boxAround returns xmin, xmax, ymin, ymax of a box that holds the points,
// widened by a quarter of its larger side (at least 0.25) on every side.
func boxAround(pts ...[2]float64) [4]float64 {
	b := [4]float64{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	for _, p := range pts {
		b[0], b[1] = min(b[0], p[0]), max(b[1], p[0])
		b[2], b[3] = min(b[2], p[1]), max(b[3], p[1])
	}
	pad := 0.25 * max(b[1]-b[0], b[3]-b[2], 1)
	return [4]float64{b[0] - pad, b[1] + pad, b[2] - pad, b[3] + pad}
}

// quadProblem is the quadratic problem in the catalogue. Its data are
// scalar: xi_j = XiMean + XiSD eta_j with eta standard normal.
var quadProblem = Problem{
	Name:     "quad",
	Doc:      "xi |z|^2/2",
	Settings: []string{"dim", "xim", "xis"},
	Columns:  "xi",
	PointDim: ProblemSpec.pointDim,
	Generate: func(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error {
		*dst = Data{N: n, Xi: resizeData(dst.Xi, n)}
		for j := range dst.Xi {
			dst.Xi[j] = spec.XiMean + spec.XiSD*rng.Norm()
		}
		return nil
	},
	Check: func(spec ProblemSpec, d *Data) error {
		if err := checkDim("quad", spec.pointDim()); err != nil {
			return err
		}
		if scalarData(d) == nil {
			return fmt.Errorf("quad needs scalar data (a column xi), got %s", describeData(d))
		}
		return nil
	},
	New: func(spec ProblemSpec, d *Data) (Model, error) {
		return pointModel(NewQuad(spec.pointDim(), scalarData(d)))
	},
	Exact: true,
}
