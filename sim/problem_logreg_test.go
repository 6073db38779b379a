package sim

import (
	"fmt"
	"math"
	"testing"

	"smflow/sim/xmath"
)

var (
	_ PointProblem = (*LogReg)(nil)
	_ Viewer       = (*LogReg)(nil)
)

// logRegData generates n logreg data points with k inputs and flip
// probability q from the stream (seed, 1).
func logRegData(t testing.TB, k, n int, q float64, seed uint64) *Data {
	t.Helper()
	d := &Data{}
	if err := generateLogRegData(d, ProblemSpec{Name: "logreg", Din: k, Noise: q}, n, xmath.Stream(seed, 1)); err != nil {
		t.Fatal(err)
	}
	return d
}

// newLogRegFrom builds the problem on d after checkLogRegData.
func newLogRegFrom(t testing.TB, d *Data) *LogReg {
	t.Helper()
	if err := checkLogRegData(ProblemSpec{Name: "logreg", Din: d.Din}, d); err != nil {
		t.Fatal(err)
	}
	p, err := NewLogReg(d.Din, d.X, d.Y)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLogRegFiniteDifferences checks Grad against finite differences of
// Loss and HessVec against finite differences of Grad (whose Jacobian must
// be symmetric), for one and two inputs, at points of moderate and of large
// margins |z.phi| (up to about 60, where sigma(-m) is 1e-26 or 1).
func TestLogRegFiniteDifferences(t *testing.T) {
	const tol = 1e-6
	for _, k := range []int{1, 2} {
		for _, scale := range []float64{0.3, 1.5, 6, 20} {
			t.Run(fmt.Sprintf("k=%d/scale=%v", k, scale), func(t *testing.T) {
				p := newLogRegFrom(t, logRegData(t, k, 50, 0.1, 7))
				checkDerivatives(t, p, xmath.Stream(11, uint64(k)), scale, tol)
			})
		}
	}
}

// relClose reports whether got equals want to rel relative accuracy (or
// both are 0).
func relClose(got, want, rel float64) bool {
	if got == want {
		return true
	}
	return math.Abs(got-want) <= rel*math.Abs(want)
}

// TestLogRegLargeMargins checks loss, gradient and curvature against their
// closed forms at margins m = y z.phi = +-0.5, +-50, +-800, where a naive
// log(1 + exp(-m)) overflows (m = -800) or loses all digits (m = 50), and
// 1 - sigma(m) cancels.
func TestLogRegLargeMargins(t *testing.T) {
	// Closed forms, with the standard library as the reference:
	// loss log1p(e^-m) + max(-m, 0) rearranged per sign, gradient factor
	// sigma(-m), curvature sigma(m) sigma(-m).
	sig := func(u float64) float64 { return 1 / (1 + math.Exp(-u)) }
	lossOf := func(m float64) float64 {
		if m >= 0 {
			return math.Log1p(math.Exp(-m))
		}
		return -m + math.Log1p(math.Exp(m))
	}
	cases := []struct {
		k    int
		x    []float64
		y    float64
		b    float64   // intercept of z
		wdir []float64 // z = (s wdir, b) with s chosen so that y z.phi = m
	}{
		{1, []float64{2}, -1, 0.25, []float64{1}},
		{1, []float64{-0.5}, 1, -1, []float64{1}},
		{2, []float64{1, -2}, 1, 0.5, []float64{1, -1}},
		{2, []float64{0.5, 0.25}, -1, 0, []float64{2, 4}},
	}
	for ci, c := range cases {
		p, err := NewLogReg(c.k, c.x, []float64{c.y})
		if err != nil {
			t.Fatal(err)
		}
		wx := 0.0
		for i := range c.x {
			wx += c.wdir[i] * c.x[i]
		}
		d := c.k + 1
		phi := append(append([]float64(nil), c.x...), 1)
		for _, m := range []float64{-800, -50, -0.5, 0.5, 50, 800} {
			// y (s wx + b) = m.
			s := (m/c.y - c.b) / wx
			z := make([]float64, d)
			for i := range c.wdir {
				z[i] = s * c.wdir[i]
			}
			z[c.k] = c.b
			mm, _, _ := p.margin(z, 0)
			if math.Abs(mm-m) > 1e-12*math.Abs(m) {
				t.Fatalf("case %d: margin %v, want %v", ci, mm, m)
			}
			m = mm // compare at the margin z really has
			name := fmt.Sprintf("case %d, m=%v", ci, m)

			loss, want := p.Loss(z, 0), lossOf(m)
			if !relClose(loss, want, 4e-16) || math.IsInf(loss, 0) {
				t.Errorf("%s: Loss = %v, want %v", name, loss, want)
			}
			g := make([]float64, d)
			p.Grad(g, z, 0)
			for i := range g {
				if w := -c.y * sig(-m) * phi[i]; !relClose(g[i], w, 1e-15) {
					t.Errorf("%s: Grad[%d] = %v, want %v", name, i, g[i], w)
				}
			}
			v := []float64{0.3, -1.1, 0.7}[:d]
			hv := make([]float64, d)
			p.HessVec(hv, z, v, 0)
			pv := 0.0
			for i := range v {
				pv += phi[i] * v[i]
			}
			for i := range hv {
				if w := sig(m) * sig(-m) * pv * phi[i]; !relClose(hv[i], w, 1e-14) {
					t.Errorf("%s: HessVec[%d] = %v, want %v", name, i, hv[i], w)
				}
			}
		}
	}
	// The values at the extremes, spelled out.
	p, _ := NewLogReg(1, []float64{1}, []float64{1})
	for _, c := range []struct{ m, loss float64 }{
		{800, 0}, {-800, 800}, {50, 1.9287498479639178e-22}, {-50, 50}, {0, math.Ln2},
	} {
		if got := p.Loss([]float64{c.m, 0}, 0); !relClose(got, c.loss, 4e-16) {
			t.Errorf("m=%v: Loss = %v, want %v", c.m, got, c.loss)
		}
	}
}

// TestLogRegLog1p checks the xmath-only log1p against the standard library.
func TestLogRegLog1p(t *testing.T) {
	worst := 0.0
	check := func(e float64) {
		got, want := log1pSmall(e), math.Log1p(e)
		if got == want {
			return
		}
		r := math.Abs(got-want) / want
		worst = max(worst, r)
		if r > 1e-15 {
			t.Errorf("log1pSmall(%v) = %v, want %v (relative error %.2g)", e, got, want, r)
		}
	}
	for _, e := range []float64{0, 1e-300, 5e-324, 1e-20, 1e-17, 1.1e-16, 2.3e-16, 1e-15, 1e-10, 1e-5, 0.01, 0.1, 0.5, math.Sqrt2 - 1, 0.9, 1} {
		check(e)
	}
	rng := xmath.Stream(3)
	for range 100000 {
		check(xmath.Exp(-40 * rng.Float64()))
	}
	for range 10000 {
		check(rng.Float64())
	}
	t.Logf("largest relative error %.3g", worst)
	if got := softplus(-800); got != 0 {
		t.Errorf("softplus(-800) = %v, want 0", got)
	}
	if got := softplus(800); got != 800 {
		t.Errorf("softplus(800) = %v, want 800", got)
	}
}

func TestNewLogRegErrors(t *testing.T) {
	for _, c := range []struct {
		k    int
		x, y []float64
		want string
	}{
		{0, []float64{1}, []float64{1}, "logreg: input dimension 0 out of range 1..999"},
		{1, nil, nil, "logreg inputs: no data"},
		{2, []float64{1, 2, 3}, []float64{1}, "logreg inputs: 3 data values do not form rows of 2"},
		{1, []float64{1, 2, 3}, []float64{1, -1}, "logreg: 3 inputs but 2 labels"},
		{1, []float64{1, math.Inf(1)}, []float64{1, -1}, "logreg inputs: data point 2: value +Inf is not finite"},
		{1, []float64{1, 2}, []float64{1, math.NaN()}, "logreg labels: data point 2: value NaN is not finite"},
		{1, []float64{1, 2, 3}, []float64{1, -1, 0.5}, "logreg: label y = 0.5 of data point 3 is not -1 or 1"},
		{2, []float64{1, 2, 3, 4}, []float64{0, 1}, "logreg: label y = 0 of data point 1 is not -1 or 1 (write the label 0 as -1)"},
	} {
		p, err := NewLogReg(c.k, c.x, c.y)
		if err == nil || err.Error() != c.want {
			t.Errorf("NewLogReg(%d, %v, %v) = %v, %v; want error %q", c.k, c.x, c.y, p, err, c.want)
		}
	}
	// It copies its inputs.
	x, y := []float64{1, 2}, []float64{1, -1}
	p, err := NewLogReg(1, x, y)
	if err != nil {
		t.Fatal(err)
	}
	x[0], y[0] = 5, -1
	if p.Loss([]float64{1, 0}, 0) != softplus(-1) {
		t.Error("NewLogReg does not copy its data")
	}
	if p.Dim() != 2 || p.NumData() != 2 {
		t.Errorf("Dim, NumData = %d, %d, want 2, 2", p.Dim(), p.NumData())
	}
}

func TestCheckLogRegData(t *testing.T) {
	good1 := &Data{N: 3, Din: 1, X: []float64{0.5, -1, 2}, Y: []float64{1, -1, 1}}
	good2 := &Data{N: 2, Din: 2, X: []float64{0.5, -1, 2, 3}, Y: []float64{-1, -1}}
	for _, c := range []struct {
		din  int
		d    *Data
		want string // "" for no error
	}{
		{0, good1, ""},
		{1, good1, ""},
		{2, good2, ""},
		{2, good1, "logreg needs regression data x1,x2,y, got regression data x1,y"},
		{1, good2, "logreg needs regression data x1,y, got regression data x1,x2,y"},
		{3, good2, "logreg: input dimension 3 out of range 1..2"},
		{1, nil, "logreg: no data"},
		{1, &Data{N: 3, Xi: []float64{1, 2, 3}}, "logreg needs regression data x1,y, got scalar data (column xi)"},
		{2, &Data{N: 1, Din: 2, X: []float64{1, 2}}, "logreg needs regression data x1,x2,y, got vector data xi1..xi2"},
		{1, &Data{N: 3, Din: 1, X: []float64{1, 2, 3}, Y: []float64{1, -1, 0.5}}, "logreg needs labels y of -1 or 1, got y = 0.5 in row 3"},
		{1, &Data{N: 3, Din: 1, X: []float64{1, 2, 3}, Y: []float64{1, 0, 1}}, "logreg needs labels y of -1 or 1, got y = 0 in row 2 (write the label 0 as -1)"},
		{2, &Data{N: 2, Din: 2, X: []float64{1, 2, 3, 4}, Y: []float64{2, 1}}, "logreg needs labels y of -1 or 1, got y = 2 in row 1"},
		{1, &Data{N: 2, Din: 1, X: []float64{1, 2}, Y: []float64{1}}, "data: 1 targets Y for N = 2"},
		{1, &Data{N: 2, Din: 1, X: []float64{1, 2}, Y: []float64{1, math.NaN()}}, "data: row 2, column y: NaN is not a finite number"},
	} {
		err := checkLogRegData(ProblemSpec{Name: "logreg", Din: c.din}, c.d)
		if c.want == "" {
			if err != nil {
				t.Errorf("Din=%d, %+v: unexpected error %v", c.din, c.d, err)
			}
			continue
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("Din=%d, %+v: error %v, want %q", c.din, c.d, err, c.want)
		}
	}
}

// logRegPlusRate returns P(y = 1) = q + (1 - 2q) E sigma(t), t ~ N(b*, |w*|^2),
// by the trapezoidal rule (spectrally accurate for this smooth, decaying
// integrand).
func logRegPlusRate(k int, q float64) float64 {
	sd := math.Abs(logregW1)
	if k == 2 {
		sd = math.Hypot(logregW1, logregW2)
	}
	const h = 1e-3
	s := 0.0
	for u := -12.0; u <= 12; u += h {
		s += math.Exp(-u*u/2) / (1 + math.Exp(-(logregB + sd*u)))
	}
	return q + (1-2*q)*s*h/math.Sqrt(2*math.Pi)
}

func TestGenerateLogRegData(t *testing.T) {
	const n = 20000
	for _, k := range []int{0, 1, 2} {
		for _, q := range []float64{0, 0.2, 0.5} {
			t.Run(fmt.Sprintf("din=%d/q=%v", k, q), func(t *testing.T) {
				spec := ProblemSpec{Name: "logreg", Din: k, Noise: q}
				d := &Data{}
				if err := generateLogRegData(d, spec, n, xmath.Stream(5, 1)); err != nil {
					t.Fatal(err)
				}
				kk := max(k, 1)
				if d.N != n || d.Din != kk || len(d.X) != n*kk || len(d.Y) != n || d.Xi != nil || d.Target != nil {
					t.Fatalf("shape: N=%d Din=%d len(X)=%d len(Y)=%d", d.N, d.Din, len(d.X), len(d.Y))
				}
				if err := checkLogRegData(spec, d); err != nil {
					t.Fatal(err)
				}
				plus := 0
				for _, y := range d.Y {
					if y == 1 {
						plus++
					}
				}
				// The fraction of +1 labels against its expectation, within
				// 4 standard errors.
				p := logRegPlusRate(kk, q)
				se := math.Sqrt(p * (1 - p) / n)
				if f := float64(plus) / n; math.Abs(f-p) > 4*se {
					t.Errorf("fraction of +1 labels %v, want %v +- %v", f, p, 4*se)
				}

				// Same seed, same data; the inputs do not depend on q.
				d2 := &Data{}
				generateLogRegData(d2, ProblemSpec{Name: "logreg", Din: k, Noise: 0.5 - q}, n, xmath.Stream(5, 1))
				for i := range d.X {
					if d.X[i] != d2.X[i] {
						t.Fatalf("x[%d] = %v with q=%v, %v with q=%v", i, d.X[i], q, d2.X[i], 0.5-q)
					}
				}
				generateLogRegData(d2, spec, n, xmath.Stream(5, 1))
				for i := range d.Y {
					if d.Y[i] != d2.Y[i] {
						t.Fatalf("y[%d] differs between two runs with the same seed", i)
					}
				}
				generateLogRegData(d2, spec, n, xmath.Stream(6, 1))
				same := 0
				for i := range d.X {
					if d.X[i] == d2.X[i] {
						same++
					}
				}
				if same > 0 {
					t.Errorf("another seed repeats %d inputs", same)
				}
			})
		}
	}
}

// The maximum-likelihood fit on many teacher data is near the teacher.
func TestLogRegMinimizer(t *testing.T) {
	for _, k := range []int{1, 2} {
		p := newLogRegFrom(t, logRegData(t, k, 20000, 0, 9))
		z := p.Minimizer()
		if z == nil {
			t.Fatalf("k=%d: no minimiser", k)
		}
		teacher := []float64{logregW1, logregB}
		if k == 2 {
			teacher = []float64{logregW1, logregW2, logregB}
		}
		for i := range z {
			// The standard error of the fit is about 0.03 here.
			if math.Abs(z[i]-teacher[i]) > 0.15 {
				t.Errorf("k=%d: fit %v, teacher %v", k, z, teacher)
				break
			}
		}
		e := Independent(p).NewEval(1)
		g := make([]float64, k+1)
		e.Drift(g, z, 0)
		for _, v := range g {
			if math.Abs(v) > 1e-9 {
				t.Errorf("k=%d: gradR(fit) = %v", k, g)
				break
			}
		}
		box := p.Box()
		for _, pt := range [][2]float64{pt2(p.Start()), pt2(z)} {
			if pt[0] < box[0] || pt[0] > box[1] || pt[1] < box[2] || pt[1] > box[3] {
				t.Errorf("k=%d: box %v does not hold %v", k, box, pt)
			}
		}
		if s := p.Start(); len(s) != k+1 || s[0] != 0 || s[k] != 0 {
			t.Errorf("k=%d: Start = %v", k, s)
		}
	}
	// Separable data and a single class have no fit; the box is the default.
	for _, y := range [][]float64{{-1, -1, 1, 1}, {1, 1, 1, 1}} {
		p, err := NewLogReg(1, []float64{-2, -1, 1, 2}, y)
		if err != nil {
			t.Fatal(err)
		}
		if z := p.Minimizer(); z != nil {
			t.Errorf("y=%v: Minimizer = %v, want nil", y, z)
		}
		if b := p.Box(); b != [4]float64{-3, 3, -3, 3} {
			t.Errorf("y=%v: Box = %v", y, b)
		}
	}
	// Overlapping classes do.
	p, _ := NewLogReg(1, []float64{-2, -1, 1, 2}, []float64{-1, 1, -1, 1})
	if z := p.Minimizer(); z == nil {
		t.Error("overlapping classes: no minimiser")
	}
}

func TestGenerateLogRegDataErrors(t *testing.T) {
	rng := xmath.Stream(1)
	for _, c := range []struct {
		spec ProblemSpec
		n    int
		want string
	}{
		{ProblemSpec{Name: "logreg"}, 0, "logreg: number of data points 0 out of range 1..100000"},
		{ProblemSpec{Name: "logreg"}, 100001, "logreg: number of data points 100001 out of range 1..100000"},
		{ProblemSpec{Name: "logreg", Noise: math.NaN()}, 10, "logreg: Noise = NaN is not a finite number"},
		{ProblemSpec{Name: "logreg", Noise: -0.1}, 10, "logreg: Noise = -0.1, the label-flip probability, is out of range 0..0.5"},
		{ProblemSpec{Name: "logreg", Noise: 0.6}, 10, "logreg: Noise = 0.6, the label-flip probability, is out of range 0..0.5"},
		{ProblemSpec{Name: "logreg", Din: 3}, 10, "logreg: input dimension 3 out of range 1..2"},
	} {
		err := generateLogRegData(&Data{}, c.spec, c.n, rng)
		if err == nil || err.Error() != c.want {
			t.Errorf("generateLogRegData(%+v, %d): error %v, want %q", c.spec, c.n, err, c.want)
		}
	}
	if err := generateLogRegData(nil, ProblemSpec{Name: "logreg"}, 1, rng); err == nil {
		t.Error("nil destination: no error")
	}
	if err := generateLogRegData(&Data{}, ProblemSpec{Name: "logreg"}, 1, nil); err == nil {
		t.Error("nil stream: no error")
	}
}

func TestGenerateLogRegDataReuse(t *testing.T) {
	d := &Data{}
	generateLogRegData(d, ProblemSpec{Name: "logreg", Din: 2}, 100, xmath.Stream(1))
	x, y := &d.X[0], &d.Y[0]
	if err := generateLogRegData(d, ProblemSpec{Name: "logreg", Din: 1}, 100, xmath.Stream(1)); err != nil {
		t.Fatal(err)
	}
	if &d.X[0] != x || &d.Y[0] != y || d.N != 100 || len(d.X) != 100 || d.Din != 1 {
		t.Errorf("slices not reused: N=%d len(X)=%d Din=%d", d.N, len(d.X), d.Din)
	}
	d.Xi = []float64{1}
	generateLogRegData(d, ProblemSpec{Name: "logreg"}, 10, xmath.Stream(1))
	if d.Xi != nil || len(d.X) != 10 || len(d.Y) != 10 {
		t.Errorf("stale fields after generation: %+v", d)
	}
}

// TestLogRegIndependent checks the Independent model of LogReg against
// direct sums of Loss, Grad and HessVec: Risk, SampleGrad, the drift
// gradR + c 2 Hess R gradR, and the noise sum_j (gradR - g_j) w_j with both
// strides; and the drift against finite differences of R + c |gradR|^2.
func TestLogRegIndependent(t *testing.T) {
	const c = 0.3
	for _, k := range []int{1, 2} {
		t.Run(fmt.Sprint("k=", k), func(t *testing.T) {
			p := newLogRegFrom(t, logRegData(t, k, 40, 0.1, 8))
			m := Independent(p)
			if m.Dim() != k+1 || m.NumData() != 40 || m.MeanField() || ProblemOf(m) != PointProblem(p) {
				t.Fatalf("Independent: Dim %d, NumData %d", m.Dim(), m.NumData())
			}
			const n = 3
			d, N := k+1, p.NumData()
			e := m.NewEval(n)
			if NoiseWeights(e, N) != N {
				t.Errorf("NoiseWeights = %d, want %d", NoiseWeights(e, N), N)
			}
			rng := xmath.Stream(12)
			z := make([]float64, n*d)
			rng.NormFill(z, 2)
			z[0] = 15 // one point with large margins
			w := make([]float64, n*N)
			rng.NormFill(w, 1)

			// Direct computation, point by point.
			risk := 0.0
			wantDrift := make([]float64, n*d)
			wantNoise := [2][]float64{make([]float64, n*d), make([]float64, n*d)} // strides 0, N
			g, hv, gbar, h := make([]float64, d), make([]float64, d), make([]float64, d), make([]float64, d)
			for pt := range n {
				zk := z[pt*d : (pt+1)*d]
				clear(gbar)
				for j := range N {
					risk += p.Loss(zk, j) / float64(n*N)
					p.Grad(g, zk, j)
					for i := range g {
						gbar[i] += g[i] / float64(N)
					}
				}
				clear(h)
				for j := range N {
					p.HessVec(hv, zk, gbar, j)
					for i := range hv {
						h[i] += hv[i] / float64(N)
					}
				}
				for i := range gbar {
					wantDrift[pt*d+i] = gbar[i] + 2*c*h[i]
				}
				for s, stride := range []int{0, N} {
					for j := range N {
						p.Grad(g, zk, j)
						for i := range g {
							wantNoise[s][pt*d+i] += (gbar[i] - g[i]) * w[pt*stride+j]
						}
					}
				}
			}

			if got := e.Risk(z); !relClose(got, risk, 1e-13) {
				t.Errorf("Risk = %v, want %v", got, risk)
			}
			dst := make([]float64, n*d)
			e.Drift(dst, z, c)
			if !ppClose(dst, wantDrift, 1e-13) {
				t.Errorf("Drift = %v, want %v", dst, wantDrift)
			}
			for s, stride := range []int{0, N} {
				e.Noise(dst, z, w, stride)
				if !ppClose(dst, wantNoise[s], 1e-12) {
					t.Errorf("stride %d: Noise = %v, want %v", stride, dst, wantNoise[s])
				}
			}
			e.SampleGrad(dst, z, 5)
			for pt := range n {
				p.Grad(g, z[pt*d:(pt+1)*d], 5)
				if !ppClose(dst[pt*d:(pt+1)*d], g, 0) {
					t.Errorf("SampleGrad point %d = %v, want %v", pt, dst[pt*d:(pt+1)*d], g)
				}
			}

			// The drift is the gradient of R + c |gradR|^2.
			checkDrift(t, m, rng, c)
		})
	}
}

// TestLogRegGolden pins generated data and the problem's values bit for bit,
// so that the native and the WebAssembly builds agree (run it under both).
func TestLogRegGolden(t *testing.T) {
	for _, c := range []struct {
		din  int
		q    float64
		want uint64
	}{
		{1, 0, 0xed16a0e8b7831b2c},
		{2, 0.1, 0x9ca10c0bb7cc035f},
	} {
		d := &Data{}
		if err := generateLogRegData(d, ProblemSpec{Name: "logreg", Din: c.din, Noise: c.q}, 1000, xmath.Stream(42, 1)); err != nil {
			t.Fatal(err)
		}
		p := newLogRegFrom(t, d)
		h := uint64(14695981039346656037) // FNV-1a over the float64 bits
		add := func(s ...float64) {
			for _, v := range s {
				b := math.Float64bits(v)
				for i := 0; i < 8; i++ {
					h = (h ^ (b >> (8 * i) & 0xff)) * 1099511628211
				}
			}
		}
		add(d.X...)
		add(d.Y...)
		dim := p.Dim()
		rng := xmath.Stream(43)
		z, v, g, hv := make([]float64, dim), make([]float64, dim), make([]float64, dim), make([]float64, dim)
		for j := range p.NumData() {
			rng.NormFill(z, 8)
			rng.NormFill(v, 1)
			p.Grad(g, z, j)
			p.HessVec(hv, z, v, j)
			add(p.Loss(z, j))
			add(g...)
			add(hv...)
		}
		add(p.Minimizer()...)
		box := p.Box()
		add(box[:]...)
		if h != c.want {
			t.Errorf("din=%d q=%v: hash %#x, want %#x", c.din, c.q, h, c.want)
		}
	}
}
