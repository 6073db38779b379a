package sim

import (
	"fmt"

	"smflow/sim/xmath"
)

// Tanh2 is the non-convex two-parameter model f_z(x) = z1 tanh(z2 x) fitted
// by least squares to scalar data (x, y):
//
//	R(z, (x, y)) = (y - z1 tanh(z2 x))^2 / 2.
//
// With t = tanh(z2 x), s = 1 - t^2 and r = y - z1 t,
//
//	g = -r (t, z1 x s),
//	Hess R = (t, z1 x s)(t, z1 x s)^T - r [[0, x s], [x s, -2 z1 x^2 t s]].
//
// R is symmetric under z -> -z; the line z1 = 0 and the origin (a saddle)
// separate the two minimisers, near +-(1.2, 1.5) for the generated data.
type Tanh2 struct {
	x, y []float64
}

// NewTanh2 returns the tanh model on the scalar inputs x and targets y (N
// values each); it copies both.
func NewTanh2(x, y []float64) (*Tanh2, error) {
	if err := checkValues("tanh2 inputs", x, 1); err != nil {
		return nil, err
	}
	if err := checkValues("tanh2 targets", y, 1); err != nil {
		return nil, err
	}
	if len(x) != len(y) {
		return nil, fmt.Errorf("tanh2: %d inputs but %d targets", len(x), len(y))
	}
	return &Tanh2{x: append([]float64(nil), x...), y: append([]float64(nil), y...)}, nil
}

// Dim returns 2.
func (m *Tanh2) Dim() int { return 2 }

// NumData returns N.
func (m *Tanh2) NumData() int { return len(m.y) }

// Loss returns R(z, xi_j) = (y_j - z1 tanh(z2 x_j))^2 / 2.
func (m *Tanh2) Loss(z []float64, j int) float64 {
	r := m.y[j] - z[0]*xmath.Tanh(z[1]*m.x[j])
	return 0.5 * r * r
}

// Grad sets dst = -r (t, z1 x s).
func (m *Tanh2) Grad(dst, z []float64, j int) {
	x := m.x[j]
	t := xmath.Tanh(z[1] * x)
	r := m.y[j] - z[0]*t
	dst[0] = -r * t
	dst[1] = -r * z[0] * x * (1 - t*t)
}

// HessVec sets dst = Hess_z R(z, xi_j) v.
func (m *Tanh2) HessVec(dst, z, v []float64, j int) {
	x := m.x[j]
	t := xmath.Tanh(z[1] * x)
	s := 1 - t*t
	r := m.y[j] - z[0]*t
	fa, fw := t, z[0]*x*s
	haw := -r * x * s
	hww := 2 * r * z[0] * x * x * t * s
	gv := fa*v[0] + fw*v[1]
	dst[0] = fa*gv + haw*v[1]
	dst[1] = fw*gv + haw*v[0] + hww*v[1]
}

// Start returns the default start z_0 = (0.92, -0.77). For the generated
// data it lies on the stable manifold of the saddle at the origin (within
// the scatter over seeds): the gradient flow passes within about 0.1 of the
// saddle near t = 3, and the noise decides which of the two minimisers a run
// ends in, so SGD ensembles split into two clouds.
func (m *Tanh2) Start() []float64 { return []float64{tanh2Start0, tanh2Start1} }

// Box returns a view of coordinates 0 and 1 that holds the start and both
// minimisers of the generated data.
func (m *Tanh2) Box() [4]float64 {
	return [4]float64{-2.2, 2.2, -2.2, 2.2}
}

const (
	tanh2Start0 = 0.92
	tanh2Start1 = -0.77
)

// The law that the tanh model's data are generated from.
const tanh2A, tanh2W = 1.2, 1.5

// tanh2Problem is the non-convex two-parameter model in the catalogue. Its
// data are x_j ~ U(-2, 2), y_j = 1.2 tanh(1.5 x_j) + Noise eta_j, eta
// standard normal.
var tanh2Problem = Problem{
	Name:     "tanh2",
	Doc:      "z1 tanh(z2 x) fitted to data",
	Settings: []string{"noise"},
	Columns:  "x1,y",
	PointDim: func(ProblemSpec) int { return 2 },
	Generate: func(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error {
		*dst = Data{N: n, Din: 1, X: resizeData(dst.X, n), Y: resizeData(dst.Y, n)}
		for j := range n {
			x := 4*rng.Float64() - 2
			dst.X[j] = x
			dst.Y[j] = tanh2A*xmath.Tanh(tanh2W*x) + spec.Noise*rng.Norm()
		}
		return nil
	},
	Check: func(spec ProblemSpec, d *Data) error { return checkRegression("tanh2", 1, d) },
	New: func(spec ProblemSpec, d *Data) (Model, error) {
		return pointModel(NewTanh2(d.X, d.Y))
	},
}
