package sim

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"

	"smflow/sim/xmath"
)

// ppCase is one point problem of the table-driven tests.
type ppCase struct {
	name string
	spec ProblemSpec
	data func() *Data // nil: GenerateData with spec
}

var ppCases = []ppCase{
	{name: "quad/d=1", spec: ProblemSpec{Name: "quad", Dim: 1, XiMean: 1, XiSD: 0.7}},
	{name: "quad/d=3", spec: ProblemSpec{Name: "quad", Dim: 3, XiMean: 1, XiSD: 0.7}},
	{name: "shift/d=1", spec: ProblemSpec{Name: "shift", Dim: 1, XiMean: 0.3, XiSD: 1},
		data: func() *Data { return &Data{N: 4, Xi: []float64{0.5, -1, 2, 0.25}} }},
	{name: "shift/d=3", spec: ProblemSpec{Name: "shift", Dim: 3, XiMean: 0.3, XiSD: 1}},
	{name: "linreg/din=1", spec: ProblemSpec{Name: "linreg", Din: 1, Noise: 0.3}},
	{name: "linreg/din=2", spec: ProblemSpec{Name: "linreg", Din: 2, Noise: 0.3}},
	{name: "logreg/din=1", spec: ProblemSpec{Name: "logreg", Din: 1, Noise: 0.1}},
	{name: "logreg/din=2", spec: ProblemSpec{Name: "logreg", Din: 2, Noise: 0.1}},
	{name: "tanh2", spec: ProblemSpec{Name: "tanh2", Noise: 0.1}},
}

// build returns the data and the PointProblem of c, with n generated points.
func (c ppCase) build(t testing.TB, n int) (*Data, PointProblem) {
	t.Helper()
	var d *Data
	if c.data != nil {
		d = c.data()
	} else {
		d = &Data{}
		if err := GenerateData(d, c.spec, n, xmath.Stream(7, 1)); err != nil {
			t.Fatal(err)
		}
	}
	p, err := NewPointProblem(c.spec, d)
	if err != nil {
		t.Fatal(err)
	}
	return d, p
}

// ppClose reports whether got and want agree to rel, relative to the
// largest entry of want (at least 1).
func ppClose(got, want []float64, rel float64) bool {
	scale := 1.0
	for _, v := range want {
		scale = max(scale, math.Abs(v))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > rel*scale {
			return false
		}
	}
	return true
}

// checkDerivatives checks at 8 random points z (normal, of the given scale)
// and data indices that Grad agrees with finite differences of Loss, that
// the Jacobian of Grad is symmetric and that HessVec agrees with it, all to
// tol relative to the largest entry, and that every value is finite.
func checkDerivatives(t *testing.T, p PointProblem, rng *xmath.Rand, scale, tol float64) {
	t.Helper()
	d := p.Dim()
	g, hv := make([]float64, d), make([]float64, d)
	jac := mat.NewDense(d, d, nil)
	for trial := 0; trial < 8; trial++ {
		z, v := make([]float64, d), make([]float64, d)
		rng.NormFill(z, scale)
		rng.NormFill(v, 1)
		j := rng.IntN(p.NumData())

		p.Grad(g, z, j)
		want := fd.Gradient(nil, func(z []float64) float64 { return p.Loss(z, j) }, z,
			&fd.Settings{Formula: fd.Central})
		if !ppClose(g, want, tol) {
			t.Errorf("z=%v j=%d: Grad = %v, finite differences %v", z, j, g, want)
		}

		fd.Jacobian(jac, func(y, z []float64) { p.Grad(y, z, j) }, z,
			&fd.JacobianSettings{Formula: fd.Central})
		if !mat.EqualApprox(jac, jac.T(), tol*max(1, mat.Norm(jac, math.Inf(1)))) {
			t.Errorf("z=%v j=%d: Jacobian of Grad is not symmetric:\n%v", z, j, mat.Formatted(jac))
		}
		want = make([]float64, d)
		mat.NewVecDense(d, want).MulVec(jac, mat.NewVecDense(d, v))
		p.HessVec(hv, z, v, j)
		if !ppClose(hv, want, tol) {
			t.Errorf("z=%v v=%v j=%d: HessVec = %v, finite differences %v", z, v, j, hv, want)
		}
		for _, s := range [][]float64{g, hv, {p.Loss(z, j)}} {
			for _, x := range s {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("z=%v j=%d: not finite: Loss %v, Grad %v, HessVec %v", z, j, p.Loss(z, j), g, hv)
				}
			}
		}
	}
}

func TestGradHessVecFiniteDifferences(t *testing.T) {
	const tol = 1e-6
	for _, c := range ppCases {
		t.Run(c.name, func(t *testing.T) {
			_, p := c.build(t, 50)
			rng := xmath.Stream(11)
			checkDerivatives(t, p, rng, 1.5, tol)
		})
	}
}

// TestDriftFiniteDifferences checks the Independent drift
// gradR + c grad |gradR|^2 against finite differences of R + c |gradR|^2.
func TestDriftFiniteDifferences(t *testing.T) {
	const c = 0.3
	for _, cs := range ppCases {
		t.Run(cs.name, func(t *testing.T) {
			_, p := cs.build(t, 40)
			checkDrift(t, Independent(p), xmath.Stream(12), c)
		})
	}
}

// checkDrift checks at 5 random points (normal, scale 1.5) that the drift
// gradR + c grad |gradR|^2 of one point of m agrees with finite
// differences of R + c |gradR|^2 to 1e-6.
func checkDrift(t *testing.T, m Model, rng *xmath.Rand, c float64) {
	t.Helper()
	d := m.Dim()
	e := m.NewEval(1)
	dr, g := make([]float64, d), make([]float64, d)
	energy := func(z []float64) float64 {
		e.Drift(g, z, 0)
		s := 0.0
		for _, v := range g {
			s += v * v
		}
		return e.Risk(z) + c*s
	}
	for trial := 0; trial < 5; trial++ {
		z := make([]float64, d)
		rng.NormFill(z, 1.5)
		e.Drift(dr, z, c)
		want := fd.Gradient(nil, energy, z, &fd.Settings{Formula: fd.Central})
		if !ppClose(dr, want, 1e-6) {
			t.Errorf("z=%v: Drift = %v, finite differences %v", z, dr, want)
		}
	}
}

// TestQuadClosedForm checks the Independent quad model against MATH.md
// section 6: gradR = m1 z, Sigma = s^2 z z^T, the SMF drift with c = alpha/4
// (m1 + alpha m1^2/2) z and the noise (sum_j (m1 - xi_j) w_j) z.
func TestQuadClosedForm(t *testing.T) {
	const tol = 1e-13
	xi := []float64{0.3, 1.7, -0.4, 2.1, 1}
	var m1, m2 float64
	for _, x := range xi {
		m1 += x / 5
		m2 += x * x / 5
	}
	s2 := m2 - m1*m1
	for _, d := range []int{1, 2, 3} {
		t.Run(fmt.Sprint("d=", d), func(t *testing.T) {
			m, err := NewModel(ProblemSpec{Name: "quad", Dim: d}, &Data{N: len(xi), Xi: xi})
			if err != nil {
				t.Fatal(err)
			}
			q := ProblemOf(m).(*Quad)
			if g1, g2 := q.Moments(); math.Abs(g1-m1) > tol || math.Abs(g2-m2) > tol {
				t.Errorf("Moments = %v, %v, want %v, %v", g1, g2, m1, m2)
			}
			const n = 3
			// The data representation, weight by weight (the simulation
			// uses the one-weight form of the same law: TestLowRankNoiseExact).
			e := Independent(fullNoise{q}).NewEval(n)
			rng := xmath.Stream(13)
			z := make([]float64, n*d)
			rng.NormFill(z, 1)
			dst := make([]float64, n*d)
			scaled := func(f float64) []float64 {
				out := make([]float64, n*d)
				for i, v := range z {
					out[i] = f * v
				}
				return out
			}
			e.Drift(dst, z, 0)
			if want := scaled(m1); !ppClose(dst, want, tol) {
				t.Errorf("gradR = %v, want m1 z = %v", dst, want)
			}
			for _, alpha := range []float64{0.01, 0.25, 1} {
				e.Drift(dst, z, alpha/4)
				if want := scaled(m1 + alpha*m1*m1/2); !ppClose(dst, want, tol) {
					t.Errorf("alpha=%v: drift = %v, want (m1 + alpha m1^2/2) z = %v", alpha, dst, want)
				}
			}
			w := make([]float64, len(xi))
			rng.NormFill(w, 1)
			f := 0.0
			for j, x := range xi {
				f += (m1 - x) * w[j]
			}
			e.Noise(dst, z, w, 0)
			if want := scaled(f); !ppClose(dst, want, tol) {
				t.Errorf("noise = %v, want (sum_j (m1 - xi_j) w_j) z = %v", dst, want)
			}

			// Sigma(z) = (1/N) sum_j G_j G_j^T = s^2 z z^T, point by point.
			gbar := make([]float64, n*d)
			e.Drift(gbar, z, 0)
			sigma := make([]float64, n*d*d)
			for j := range xi {
				e.SampleGrad(dst, z, j)
				for k := 0; k < n; k++ {
					for a := 0; a < d; a++ {
						for b := 0; b < d; b++ {
							ga := gbar[k*d+a] - dst[k*d+a]
							gb := gbar[k*d+b] - dst[k*d+b]
							sigma[(k*d+a)*d+b] += ga * gb / float64(len(xi))
						}
					}
				}
			}
			want := make([]float64, n*d*d)
			for k := 0; k < n; k++ {
				for a := 0; a < d; a++ {
					for b := 0; b < d; b++ {
						want[(k*d+a)*d+b] = s2 * z[k*d+a] * z[k*d+b]
					}
				}
			}
			if !ppClose(sigma, want, tol) {
				t.Errorf("Sigma = %v, want s^2 z z^T = %v", sigma, want)
			}
		})
	}
}

// TestNoise checks the Independent noise: sum_j G_j = 0 (equal weights give
// zero noise), its definition sum_j (gradR - g_j) w_j, and the strides.
func TestNoise(t *testing.T) {
	for _, c := range ppCases {
		t.Run(c.name, func(t *testing.T) {
			_, p := c.build(t, 30)
			if mp, ok := p.(MeanProblem); ok {
				// The data representation, weight by weight (a LowRankNoise
				// problem's own form: TestLowRankNoiseExact).
				p = fullNoise{mp}
			}
			m := Independent(p)
			d, N := m.Dim(), m.NumData()
			const n = 3
			e, e1 := m.NewEval(n), m.NewEval(1)
			rng := xmath.Stream(14)
			z := make([]float64, n*d)
			rng.NormFill(z, 1.5)
			dst := make([]float64, n*d)

			// Equal weights: sum_j G_j = 0 up to rounding of the sum of the |g_j|.
			w := make([]float64, n*N)
			for i := range w {
				w[i] = 0.7
			}
			for _, stride := range []int{0, N} {
				e.Noise(dst, z, w, stride)
				g := make([]float64, n*d)
				scale := 0.0
				for j := 0; j < N; j++ {
					e.SampleGrad(g, z, j)
					for _, v := range g {
						scale += math.Abs(v)
					}
				}
				for i, v := range dst {
					if math.Abs(v) > 1e-14*scale {
						t.Errorf("stride %d: equal weights give noise %v at %d, want 0", stride, v, i)
						break
					}
				}
			}

			// The definition, computed from SampleGrad and Drift(c = 0).
			rng.NormFill(w, 1)
			gbar, g := make([]float64, n*d), make([]float64, n*d)
			e.Drift(gbar, z, 0)
			for _, stride := range []int{0, N} {
				want := make([]float64, n*d)
				for j := 0; j < N; j++ {
					e.SampleGrad(g, z, j)
					for k := 0; k < n; k++ {
						wk := w[k*stride+j]
						for i := 0; i < d; i++ {
							want[k*d+i] += (gbar[k*d+i] - g[k*d+i]) * wk
						}
					}
				}
				e.Noise(dst, z, w, stride)
				if !ppClose(dst, want, 1e-12) {
					t.Errorf("stride %d: Noise = %v, want %v", stride, dst, want)
				}
				// Point k alone with its own weights gives the same numbers.
				one := make([]float64, d)
				for k := 0; k < n; k++ {
					e1.Noise(one, z[k*d:(k+1)*d], w[k*stride:k*stride+N], 0)
					for i := range one {
						if one[i] != dst[k*d+i] {
							t.Errorf("stride %d point %d: Noise = %v, alone %v", stride, k, dst[k*d:(k+1)*d], one)
							break
						}
					}
				}
			}
			// Stride 0 drives all points by one family: for equal points the
			// noises are equal; stride N gives them different noises.
			for k := 1; k < n; k++ {
				copy(z[k*d:(k+1)*d], z[:d])
			}
			e.Noise(dst, z, w, 0)
			for k := 1; k < n; k++ {
				if !ppClose(dst[k*d:(k+1)*d], dst[:d], 0) {
					t.Errorf("stride 0: equal points get noises %v and %v", dst[:d], dst[k*d:(k+1)*d])
				}
			}
			e.Noise(dst, z, w, N)
			if ppClose(dst[d:2*d], dst[:d], 1e-9) {
				t.Errorf("stride N: equal points get the same noise %v", dst[:d])
			}
		})
	}
}

func TestViewer(t *testing.T) {
	for _, c := range ppCases {
		t.Run(c.name, func(t *testing.T) {
			_, p := c.build(t, 500)
			v, ok := p.(Viewer)
			if !ok {
				t.Fatalf("%T is not a Viewer", p)
			}
			s := v.Start()
			if len(s) != p.Dim() {
				t.Fatalf("Start has length %d, want %d", len(s), p.Dim())
			}
			pts := [][]float64{s}
			switch p := p.(type) {
			case *Quad:
				pts = append(pts, make([]float64, p.Dim()))
			case *Shift:
				pts = append(pts, p.Mean())
			case *LinReg:
				m := p.Minimizer()
				if m == nil {
					t.Fatal("no least-squares solution")
				}
				pts = append(pts, m)
			case *Tanh2:
				pts = append(pts, []float64{tanh2A, tanh2W}, []float64{-tanh2A, -tanh2W})
			}
			b := v.Box()
			if !(b[0] < b[1] && b[2] < b[3]) {
				t.Fatalf("Box %v is empty", b)
			}
			for _, z := range pts {
				q := pt2(z)
				if q[0] <= b[0] || q[0] >= b[1] || q[1] <= b[2] || q[1] >= b[3] {
					t.Errorf("Box %v does not hold %v", b, q)
				}
			}
		})
	}
}

// TestLinRegMinimizer checks the least-squares solution against the truth
// of the generated data, within 5 standard errors (about Noise/sqrt(N)).
func TestLinRegMinimizer(t *testing.T) {
	for _, k := range []int{1, 2} {
		spec := ProblemSpec{Name: "linreg", Din: k, Noise: 0.3}
		d := &Data{}
		const n = 2000
		if err := GenerateData(d, spec, n, xmath.Stream(3)); err != nil {
			t.Fatal(err)
		}
		p, err := NewPointProblem(spec, d)
		if err != nil {
			t.Fatal(err)
		}
		want := []float64{linregW1, linregB}
		if k == 2 {
			want = []float64{linregW1, linregW2, linregB}
		}
		got := p.(*LinReg).Minimizer()
		se := spec.Noise / math.Sqrt(n)
		for i := range want {
			if math.Abs(got[i]-want[i]) > 5*se {
				t.Errorf("din=%d: Minimizer = %v, want %v within %.2g", k, got, want, 5*se)
			}
		}
		// The gradient vanishes there.
		g := make([]float64, k+1)
		Independent(p).NewEval(1).Drift(g, got, 0)
		if !ppClose(g, make([]float64, k+1), 1e-12) {
			t.Errorf("din=%d: gradR at the minimiser = %v", k, g)
		}
	}
	// Constant inputs do not determine the slope.
	p, err := NewLinReg(1, []float64{2, 2, 2}, []float64{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if m := p.Minimizer(); m != nil {
		t.Errorf("constant inputs: Minimizer = %v, want nil", m)
	}
	_ = p.Box()
}

func TestNewModelErrors(t *testing.T) {
	scalar := &Data{N: 2, Xi: []float64{1, 2}}
	reg1 := &Data{N: 2, Din: 1, X: []float64{1, 2}, Y: []float64{0, 1}}
	vec3 := &Data{N: 1, Din: 3, X: []float64{1, 2, 3}}
	for _, c := range []struct {
		spec ProblemSpec
		d    *Data
		want string
	}{
		{ProblemSpec{Name: "foo"}, scalar, `unknown problem "foo" (want quad, shift, linreg, logreg, tanh2 or network)`},
		{ProblemSpec{Name: ""}, scalar, `unknown problem "" (want quad, shift, linreg, logreg, tanh2 or network)`},
		{ProblemSpec{Name: "network", Din: 1}, reg1, `network: unknown activation "" (want one of identity, tanh, relu, sigmoid)`},
		{ProblemSpec{Name: "logreg", Din: 1}, reg1, `logreg needs labels y of -1 or 1, got y = 0 in row 1 (write the label 0 as -1)`},
		{ProblemSpec{Name: "quad"}, nil, `quad: no data`},
		{ProblemSpec{Name: "quad"}, reg1, `quad needs scalar data (a column xi), got regression data x1,y`},
		{ProblemSpec{Name: "quad", Dim: -1}, scalar, `quad: dimension -1 out of range 1..1000`},
		{ProblemSpec{Name: "shift", Dim: 2}, vec3, `shift with d = 2 needs vector data xi1..xi2, got vector data xi1..xi3`},
		{ProblemSpec{Name: "shift", Dim: 1}, reg1, `shift with d = 1 needs scalar data (a column xi), got regression data x1,y`},
		{ProblemSpec{Name: "linreg", Din: 2}, reg1, `linreg needs regression data x1,x2,y, got regression data x1,y`},
		{ProblemSpec{Name: "linreg", Din: 3}, reg1, `linreg: input dimension 3 out of range 1..2`},
		{ProblemSpec{Name: "tanh2"}, scalar, `tanh2 needs regression data x1,y, got scalar data (column xi)`},
		{ProblemSpec{Name: "quad"}, &Data{N: 2, Xi: []float64{1, math.NaN()}}, `data: row 2, column xi: NaN is not a finite number`},
		{ProblemSpec{Name: "tanh2"}, &Data{N: 2, Din: 1, X: []float64{1, 2}, Y: []float64{0}}, `data: 1 targets Y for N = 2`},
		{ProblemSpec{Name: "quad"}, &Data{}, `data: no data points`},
	} {
		_, err := NewModel(c.spec, c.d)
		if err == nil || err.Error() != c.want {
			t.Errorf("NewModel(%+v): error %v, want %q", c.spec, err, c.want)
		}
	}
	if _, err := NewPointProblem(ProblemSpec{Name: "network", Din: 1}, reg1); err == nil || err.Error() != `problem "network" is not a point problem` {
		t.Errorf("NewPointProblem(network): error %v", err)
	}
	for _, c := range []struct {
		f    func() error
		want string
	}{
		{func() error { _, err := NewQuad(0, []float64{1}); return err }, "quad: dimension 0 out of range 1..1000"},
		{func() error { _, err := NewQuad(2, nil); return err }, "quad: no data"},
		{func() error { _, err := NewShift(2, []float64{1, 2, 3}); return err }, "shift: 3 data values do not form rows of 2"},
		{func() error { _, err := NewLinReg(1, []float64{1, 2}, []float64{1}); return err }, "linreg: 2 inputs but 1 targets"},
		{func() error { _, err := NewTanh2([]float64{1}, []float64{math.Inf(1)}); return err }, "tanh2 targets: data point 1: value +Inf is not finite"},
	} {
		if err := c.f(); err == nil || err.Error() != c.want {
			t.Errorf("error %v, want %q", err, c.want)
		}
	}
}

func TestNoAllocation(t *testing.T) {
	for _, c := range ppCases {
		t.Run(c.name, func(t *testing.T) {
			_, p := c.build(t, 20)
			d := p.Dim()
			z, v, dst := make([]float64, d), make([]float64, d), make([]float64, d)
			xmath.Stream(15).NormFill(z, 1)
			xmath.Stream(16).NormFill(v, 1)
			check := func(name string, f func()) {
				if a := testing.AllocsPerRun(50, f); a != 0 {
					t.Errorf("%s allocates %v times", name, a)
				}
			}
			s := 0.0
			check("Loss", func() { s += p.Loss(z, 3) })
			check("Grad", func() { p.Grad(dst, z, 3) })
			check("HessVec", func() { p.HessVec(dst, z, v, 3) })

			const n = 4
			m := Independent(p)
			e := m.NewEval(n)
			zs, out := make([]float64, n*d), make([]float64, n*d)
			w := make([]float64, n*m.NumData())
			xmath.Stream(17).NormFill(zs, 1)
			xmath.Stream(18).NormFill(w, 1)
			check("SampleGrad", func() { e.SampleGrad(out, zs, 2) })
			check("Drift", func() { e.Drift(out, zs, 0.1) })
			check("Noise/stride=0", func() { e.Noise(out, zs, w, 0) })
			check("Noise/stride=N", func() { e.Noise(out, zs, w, m.NumData()) })
			check("Risk", func() { s += e.Risk(zs) })
		})
	}
}

// benchEval runs f on n = 64 points and N = 256 data points of each
// problem and reports the time per point and data point.
func benchEval(b *testing.B, f func(e Eval, dst, z, w []float64, N int)) {
	const n, N = 64, 256
	for _, c := range ppCases {
		if c.data != nil {
			continue
		}
		b.Run(strings.ReplaceAll(c.name, "/", "_"), func(b *testing.B) {
			_, p := c.build(b, N)
			m := Independent(p)
			d := m.Dim()
			e := m.NewEval(n)
			z, dst, w := make([]float64, n*d), make([]float64, n*d), make([]float64, n*N)
			xmath.Stream(19).NormFill(z, 1)
			xmath.Stream(20).NormFill(w, 1)
			b.ReportAllocs()
			for b.Loop() {
				f(e, dst, z, w, N)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n*N), "ns/point/datum")
		})
	}
}

func BenchmarkDrift(b *testing.B) {
	b.Run("c=0", func(b *testing.B) {
		benchEval(b, func(e Eval, dst, z, w []float64, N int) { e.Drift(dst, z, 0) })
	})
	b.Run("c=alpha/4", func(b *testing.B) {
		benchEval(b, func(e Eval, dst, z, w []float64, N int) { e.Drift(dst, z, 0.01) })
	})
}

func BenchmarkNoise(b *testing.B) {
	b.Run("stride=0", func(b *testing.B) {
		benchEval(b, func(e Eval, dst, z, w []float64, N int) { e.Noise(dst, z, w, 0) })
	})
	b.Run("stride=N", func(b *testing.B) {
		benchEval(b, func(e Eval, dst, z, w []float64, N int) { e.Noise(dst, z, w, N) })
	})
}
