package sim

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"smflow/sim/xmath"
)

// netCase is one network configuration of the tests.
type netCase struct {
	act, neuron string
	din         int
}

func (c netCase) String() string { return fmt.Sprintf("%s/%s/din%d", c.act, c.neuron, c.din) }

// netCases lists every activation with both neuron forms and Din 1, 2.
func netCases() []netCase {
	var cs []netCase
	for _, act := range activationNames {
		for _, neuron := range []string{"w", "awb"} {
			for din := 1; din <= 2; din++ {
				cs = append(cs, netCase{act, neuron, din})
			}
		}
	}
	return cs
}

// newTestNetwork returns a network of case c on nd teacher data points and a
// configuration of n neurons from mu_0, drawn with seed. For relu it redraws
// the neurons until no pre-activation w.x + b is within 1e-3 of the kink.
func newTestNetwork(t testing.TB, c netCase, n, nd int, seed uint64) (*Network, []float64) {
	t.Helper()
	spec := ProblemSpec{Name: "network", Act: c.act, Neuron: c.neuron, Din: c.din, Target: "teacher", Teacher: 3, Noise: 0.1}
	var d Data
	if err := generateNetworkData(&d, spec, nd, xmath.Stream(seed, 1)); err != nil {
		t.Fatal(err)
	}
	mm, err := newNetworkModel(spec, &d)
	if err != nil {
		t.Fatal(err)
	}
	m := mm.(*Network)
	rng := xmath.Stream(seed, 2)
	z := make([]float64, n*m.d)
	for try := 0; ; try++ {
		for k := 0; k < n; k++ {
			m.InitNeuron(z[k*m.d:(k+1)*m.d], rng)
		}
		if c.act != "relu" || minPreact(m, z) > 1e-3 {
			return m, z
		}
		if try > 100 {
			t.Fatal("no configuration away from the relu kinks")
		}
	}
}

// minPreact returns the smallest |w_k.x_j + b_k|.
func minPreact(m *Network, z []float64) float64 {
	mn := math.Inf(1)
	for k := 0; k+m.d <= len(z); k += m.d {
		_, w, b := m.split(z[k : k+m.d])
		for j := 0; j < m.data.N; j++ {
			mn = min(mn, math.Abs(dotx(w, m.data.X[j*m.din:(j+1)*m.din])+b))
		}
	}
	return mn
}

// netRisk returns (1/2N) sum_j (y_j - f_z(x_j))^2 through Predict.
func netRisk(m *Network, z []float64) float64 {
	s := 0.0
	for j := 0; j < m.data.N; j++ {
		r := m.data.Y[j] - m.Predict(z, m.data.X[j*m.din:(j+1)*m.din])
		s += r * r
	}
	return s / float64(2*m.data.N)
}

var netCentral = &fd.Settings{Formula: fd.Central}

// netCheckClose reports entries of got and want that differ by more than tol
// times the largest |want_i|.
func netCheckClose(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	scale := 0.0
	for _, v := range want {
		scale = max(scale, math.Abs(v))
	}
	worst, at := 0.0, -1
	for i := range want {
		if e := math.Abs(got[i] - want[i]); e > worst {
			worst, at = e, i
		}
	}
	if worst > tol*scale || math.IsNaN(worst) || scale == 0 {
		t.Errorf("%s: entry %d: got %v, want %v (max error %.3g, scale %.3g)", what, at, got[at], want[at], worst, scale)
	}
}

// netRelErr returns max_i |got_i - want_i| / max_i |want_i|.
func netRelErr(got, want []float64) float64 {
	e, s := 0.0, 0.0
	for i := range want {
		e = max(e, math.Abs(got[i]-want[i]))
		s = max(s, math.Abs(want[i]))
	}
	return e / s
}

// SampleGrad is n times the gradient of the per-sample loss in z_k.
func TestNetworkSampleGrad(t *testing.T) {
	const n, nd = 5, 7
	for _, c := range netCases() {
		t.Run(c.String(), func(t *testing.T) {
			m, z := newTestNetwork(t, c, n, nd, 11)
			e := m.NewEval(n)
			got := make([]float64, len(z))
			worst := 0.0
			for j := 0; j < nd; j++ {
				x, y := m.data.X[j*c.din:(j+1)*c.din], m.data.Y[j]
				loss := func(z []float64) float64 {
					r := y - m.Predict(z, x)
					return r * r / 2
				}
				want := fd.Gradient(nil, loss, z, netCentral)
				e.SampleGrad(got, z, j)
				for i := range got {
					got[i] /= n
				}
				netCheckClose(t, fmt.Sprintf("SampleGrad/n, j=%d", j), got, want, 1e-7)
				worst = max(worst, netRelErr(got, want))
			}
			t.Logf("max relative error %.2g", worst)
		})
	}
}

// Drift with c = 0 is n times the gradient of the full risk; Risk is the
// risk.
func TestNetworkDriftGradient(t *testing.T) {
	const n, nd = 5, 7
	for _, c := range netCases() {
		t.Run(c.String(), func(t *testing.T) {
			m, z := newTestNetwork(t, c, n, nd, 12)
			e := m.NewEval(n)
			if got, want := e.Risk(z), netRisk(m, z); math.Abs(got-want) > 1e-14*want {
				t.Errorf("Risk = %v, want %v", got, want)
			}
			want := fd.Gradient(nil, func(z []float64) float64 { return netRisk(m, z) }, z, netCentral)
			for i := range want {
				want[i] *= n
			}
			got := make([]float64, len(z))
			e.Drift(got, z, 0)
			netCheckClose(t, "Drift(c=0)", got, want, 1e-7)
			t.Logf("max relative error %.2g", netRelErr(got, want))
		})
	}
}

// T1 + T2 = Drift(c=1) - Drift(c=0) at particle k is n times the gradient in
// z_k of E(z) = (1/n) sum_l |gradR(z_l, mu^n)|^2.
func TestNetworkModification(t *testing.T) {
	const n, nd = 5, 7
	for _, c := range netCases() {
		t.Run(c.String(), func(t *testing.T) {
			m, z := newTestNetwork(t, c, n, nd, 13)
			e, eE := m.NewEval(n), m.NewEval(n)
			g := make([]float64, len(z))
			energy := func(z []float64) float64 {
				eE.Drift(g, z, 0)
				s := 0.0
				for _, v := range g {
					s += v * v
				}
				return s / n
			}
			want := fd.Gradient(nil, energy, z, netCentral)
			for i := range want {
				want[i] *= n
			}
			d0, d1 := make([]float64, len(z)), make([]float64, len(z))
			e.Drift(d0, z, 0)
			e.Drift(d1, z, 1)
			got := make([]float64, len(z))
			for i := range got {
				got[i] = d1[i] - d0[i]
			}
			netCheckClose(t, "T1+T2", got, want, 1e-6)
			t.Logf("max relative error %.2g", netRelErr(got, want))
			// Drift is linear in c.
			dh := make([]float64, len(z))
			e.Drift(dh, z, 0.25)
			for i := range dh {
				want[i] = d0[i] + 0.25*got[i]
			}
			netCheckClose(t, "Drift(c=1/4)", dh, want, 1e-13)
		})
	}
}

// Noise against sum_j G(z_k, xi_j) w_kj with G = gradR - g from Drift and
// SampleGrad; equal weights give no noise; stride 0 is stride N with the
// same family for every neuron.
func TestNetworkNoise(t *testing.T) {
	const n, nd = 6, 9
	for _, c := range netCases() {
		t.Run(c.String(), func(t *testing.T) {
			m, z := newTestNetwork(t, c, n, nd, 14)
			e := m.NewEval(n)
			d := m.d
			gbar := make([]float64, len(z))
			e.Drift(gbar, z, 0)
			G := make([][]float64, nd) // G[j][k*d+i]
			for j := range G {
				G[j] = make([]float64, len(z))
				e.SampleGrad(G[j], z, j)
				for i := range G[j] {
					G[j][i] = gbar[i] - G[j][i]
				}
			}
			rng := xmath.Stream(14, 3)
			w := make([]float64, n*nd)
			rng.NormFill(w, 1)

			got, want := make([]float64, len(z)), make([]float64, len(z))
			e.Noise(got, z, w, nd)
			for k := 0; k < n; k++ {
				for i := 0; i < d; i++ {
					s := 0.0
					for j := 0; j < nd; j++ {
						s += G[j][k*d+i] * w[k*nd+j]
					}
					want[k*d+i] = s
				}
			}
			netCheckClose(t, "Noise stride N", got, want, 1e-12)

			e.Noise(got, z, w[:nd], 0)
			wrep := make([]float64, n*nd)
			for k := 0; k < n; k++ {
				copy(wrep[k*nd:], w[:nd])
			}
			e.Noise(want, z, wrep, nd)
			netCheckClose(t, "Noise stride 0", got, want, 0)

			// sum_j G(z, xi_j) = 0: equal weights give no noise.
			scale := 0.0
			for _, v := range G[0] {
				scale = max(scale, math.Abs(v))
			}
			for i := range wrep {
				wrep[i] = 0.7
			}
			for _, stride := range []int{0, nd} {
				e.Noise(got, z, wrep, stride)
				for i, v := range got {
					if math.Abs(v) > 1e-14*scale {
						t.Errorf("stride %d: equal weights give noise %v at %d", stride, v, i)
					}
				}
			}
			sum := make([]float64, len(z))
			for j := range G {
				for i, v := range G[j] {
					sum[i] += v
				}
			}
			for i, v := range sum {
				if math.Abs(v) > 1e-13*scale {
					t.Errorf("sum_j G_j = %v at %d, want 0", v, i)
				}
			}
		})
	}
}

// For the identity activation, the neuron form "w", Din = 1 and
// y = beta x, the network output is wbar x with wbar the mean of the w_k,
// r_j = -x_j^2 (wbar - beta), and every neuron gets the same per-sample
// gradient -r_j x_j = x_j^2 (wbar - beta): the neurons move identically.
// Hess Phi = 0 (T1 = 0) and grad Phi = x, so
//
//	Drift_k(z, c) = m1 v + 2 c m1^2 v,  v = wbar - beta,  m1 = (1/N) sum_j x_j^2,
//
// which is the drift of the quad problem R(v, xi) = (1/2) xi v^2 with data
// xi_j = x_j^2 at the point v (gradR = m1 v, grad |gradR|^2 = 2 m1^2 v);
// the whole modification comes from T2. The noise is the quad noise too:
// G_kj = (m1 - xi_j) v.
func TestNetworkIdentityQuad(t *testing.T) {
	const n, nd, beta = 7, 20, 0.8
	rng := xmath.Stream(15, 1)
	d := &Data{N: nd, Din: 1, X: make([]float64, nd), Y: make([]float64, nd)}
	xi := make([]float64, nd)
	for j := range d.X {
		d.X[j] = 4*rng.Float64() - 2
		d.Y[j] = beta * d.X[j]
		xi[j] = d.X[j] * d.X[j]
	}
	mm, err := newNetworkModel(ProblemSpec{Name: "network", Act: "identity", Neuron: "w", Din: 1}, d)
	if err != nil {
		t.Fatal(err)
	}
	m := mm.(*Network)
	q, err := NewQuad(1, xi)
	if err != nil {
		t.Fatal(err)
	}
	eq := Independent(fullNoise{q}).NewEval(1) // N weights, as the network's noise
	e := m.NewEval(n)
	z := make([]float64, n)
	rng.NormFill(z, 1)

	// SGD steps: every neuron moves by the same amount.
	z0 := append([]float64(nil), z...)
	g := make([]float64, n)
	for step := 0; step < 200; step++ {
		e.SampleGrad(g, z, rng.IntN(nd))
		for k := range g {
			if g[k] != g[0] {
				t.Fatalf("step %d: per-sample gradients differ: %v", step, g)
			}
		}
		for k := range z {
			z[k] -= 0.05 * g[k]
		}
	}
	for k := range z {
		if dk, d0 := z[k]-z0[k], z[0]-z0[0]; math.Abs(dk-d0) > 1e-13 {
			t.Errorf("neuron %d moved by %v, neuron 0 by %v", k, dk, d0)
		}
	}

	// Drift and Noise are those of quad at v = wbar - beta.
	z[2] += 0.9 // move away from the minimum
	wbar := 0.0
	for _, v := range z {
		wbar += v
	}
	wbar /= n
	v := []float64{wbar - beta}
	m1, _ := q.Moments()
	dq, dn := make([]float64, 1), make([]float64, n)
	for _, c := range []float64{0, 0.01, 0.25, 1} {
		eq.Drift(dq, v, c)
		e.Drift(dn, z, c)
		closed := m1*v[0] + 2*c*m1*m1*v[0]
		if math.Abs(dq[0]-closed) > 1e-13*math.Abs(closed) {
			t.Errorf("c=%v: quad drift %v, closed form %v", c, dq[0], closed)
		}
		for k := range dn {
			if math.Abs(dn[k]-dq[0]) > 1e-13*math.Abs(dq[0]) {
				t.Errorf("c=%v: network drift of neuron %d = %v, quad drift at wbar - beta = %v", c, k, dn[k], dq[0])
			}
		}
	}
	w := make([]float64, nd)
	rng.NormFill(w, 1)
	eq.Noise(dq, v, w, 0)
	e.Noise(dn, z, w, 0)
	for k := range dn {
		if math.Abs(dn[k]-dq[0]) > 1e-12*math.Abs(dq[0]) {
			t.Errorf("network noise of neuron %d = %v, quad noise = %v", k, dn[k], dq[0])
		}
	}
}

// The evaluator methods do not allocate.
func TestNetworkAllocs(t *testing.T) {
	for _, c := range []netCase{{"tanh", "awb", 1}, {"relu", "w", 2}, {"sigmoid", "awb", 2}} {
		m, z := newTestNetwork(t, c, 16, 10, 16)
		e := m.NewEval(16)
		dst := make([]float64, len(z))
		w := make([]float64, 16*10)
		xmath.Stream(16, 3).NormFill(w, 1)
		for name, f := range map[string]func(){
			"SampleGrad":  func() { e.SampleGrad(dst, z, 3) },
			"Drift(c=0)":  func() { e.Drift(dst, z, 0) },
			"Drift(c>0)":  func() { e.Drift(dst, z, 0.1) },
			"Noise(0)":    func() { e.Noise(dst, z, w, 0) },
			"Noise(N)":    func() { e.Noise(dst, z, w, 10) },
			"Risk":        func() { e.Risk(z) },
			"Predict+Phi": func() { m.Predict(z, m.data.X[:c.din]) },
		} {
			if a := testing.AllocsPerRun(20, f); a != 0 {
				t.Errorf("%v: %s allocates %v times", c, name, a)
			}
		}
	}
}

// A configuration of fewer neurons than the evaluator was made for works;
// no neurons means output 0.
func TestNetworkFewerNeurons(t *testing.T) {
	m, z := newTestNetwork(t, netCase{"tanh", "awb", 2}, 4, 6, 17)
	big, small := m.NewEval(10), m.NewEval(4)
	a, b := make([]float64, len(z)), make([]float64, len(z))
	big.Drift(a, z, 0.3)
	small.Drift(b, z, 0.3)
	netCheckClose(t, "Drift with spare capacity", a, b, 0)
	sy := 0.0
	for _, y := range m.data.Y {
		sy += y * y
	}
	if got, want := big.Risk(nil), sy/float64(2*m.data.N); got != want {
		t.Errorf("Risk of no neurons = %v, want %v", got, want)
	}
}

// InitNeuron draws a ~ N(0,1), w ~ N(0, I), b ~ N(0, 0.25): sample means and
// variances within 5 standard errors.
func TestNetworkInitNeuron(t *testing.T) {
	const draws = 20000
	m, _ := newTestNetwork(t, netCase{"tanh", "awb", 2}, 1, 3, 18)
	sd := []float64{1, 1, 1, 0.5}
	rng := xmath.Stream(18, 5)
	z := make([]float64, m.d)
	s1, s2 := make([]float64, m.d), make([]float64, m.d)
	for range draws {
		m.InitNeuron(z, rng)
		for i, v := range z {
			s1[i] += v
			s2[i] += v * v
		}
	}
	for i := range z {
		mean, v := s1[i]/draws, s2[i]/draws
		if se := sd[i] / math.Sqrt(draws); math.Abs(mean) > 5*se {
			t.Errorf("coordinate %d: mean %v, want 0 +- %v", i, mean, se)
		}
		// Var of x^2 is 2 sd^4 for a normal.
		if se := math.Sqrt(2/float64(draws)) * sd[i] * sd[i]; math.Abs(v-sd[i]*sd[i]) > 5*se {
			t.Errorf("coordinate %d: second moment %v, want %v +- %v", i, v, sd[i]*sd[i], se)
		}
	}
	if box := m.Box(); box[0] >= box[1] || box[2] >= box[3] {
		t.Errorf("bad box %v", box)
	}
	if s := m.Start(); len(s) != m.d {
		t.Errorf("Start has length %d, want %d", len(s), m.d)
	}
}

func TestNetworkData(t *testing.T) {
	for _, target := range []string{"teacher", "sin", "step", "abs"} {
		for din := 1; din <= 2; din++ {
			spec := ProblemSpec{Name: "network", Act: "tanh", Neuron: "awb", Din: din, Target: target, Teacher: 3, Noise: 0}
			var d0, d1, d2 Data
			if err := generateNetworkData(&d0, spec, 50, xmath.Stream(19, 1)); err != nil {
				t.Fatal(err)
			}
			spec.Noise = 0.3
			if err := generateNetworkData(&d1, spec, 50, xmath.Stream(19, 1)); err != nil {
				t.Fatal(err)
			}
			if err := generateNetworkData(&d2, spec, 50, xmath.Stream(19, 1)); err != nil {
				t.Fatal(err)
			}
			if d0.N != 50 || d0.Din != din || len(d0.X) != 50*din || len(d0.Y) != 50 || d0.Xi != nil {
				t.Fatalf("%s din %d: bad shape %+v", target, din, d0)
			}
			for i, x := range d0.X {
				if x < -2 || x > 2 || x != d1.X[i] || d1.X[i] != d2.X[i] {
					t.Fatalf("%s din %d: input %d = %v (with noise %v, again %v)", target, din, i, x, d1.X[i], d2.X[i])
				}
			}
			for j, y := range d0.Y {
				x := d0.X[j*din : (j+1)*din]
				want := y
				switch target {
				case "sin":
					want = math.Sin(math.Pi / 2 * x[0])
					if din == 2 {
						want *= math.Cos(math.Pi / 4 * x[1])
					}
				case "step":
					want = -1
					if x[0]+x[din-1]*float64(din-1) >= 0 {
						want = 1
					}
				case "abs":
					want = math.Hypot(x[0], x[din-1]*float64(din-1))
				}
				if math.Abs(y-want) > 1e-15 || d1.Y[j] != d2.Y[j] || d1.Y[j] == y {
					t.Fatalf("%s din %d: y_%d = %v, want %v (noisy %v)", target, din, j, y, want, d1.Y[j])
				}
			}
			if _, err := newNetworkModel(spec, &d1); err != nil {
				t.Errorf("%s din %d: %v", target, din, err)
			}
		}
	}
	// The teacher: y = (1/m) sum_k Phi(z*_k, x) with the teacher law.
	spec := ProblemSpec{Name: "network", Act: "sigmoid", Neuron: "awb", Din: 2, Target: "teacher", Teacher: 4}
	var d Data
	rng := xmath.Stream(20, 1)
	if err := generateNetworkData(&d, spec, 30, rng); err != nil {
		t.Fatal(err)
	}
	tm, _ := newNetworkForm("sigmoid", "awb", 2)
	zt := make([]float64, 4*4)
	rng = xmath.Stream(20, 1)
	tm.teacherNeurons(zt, rng)
	for j := 0; j < d.N; j++ {
		if y, want := d.Y[j], tm.Predict(zt, d.X[2*j:2*j+2]); y != want {
			t.Fatalf("teacher y_%d = %v, want %v", j, y, want)
		}
	}

	bad := []ProblemSpec{
		{Act: "tanh", Neuron: "awb", Din: 3, Target: "sin"},
		{Act: "tanh", Neuron: "awb", Din: 1, Target: "cos"},
		{Act: "tanh", Neuron: "awb", Din: 1, Target: "teacher", Teacher: 0},
		{Act: "tanh", Neuron: "awb", Din: 1, Target: "sin", Noise: -1},
		{Act: "tanh", Neuron: "awb", Din: 1, Target: "sin", Noise: math.NaN()},
		{Act: "softplus", Neuron: "awb", Din: 1, Target: "teacher", Teacher: 2},
		{Act: "tanh", Neuron: "ab", Din: 1, Target: "teacher", Teacher: 2},
	}
	for _, s := range bad {
		if err := generateNetworkData(&d, s, 10, xmath.Stream(1)); err == nil {
			t.Errorf("%+v: no error", s)
		} else {
			t.Logf("%v", err)
		}
	}
	if err := generateNetworkData(&d, ProblemSpec{Din: 1, Target: "sin"}, 0, xmath.Stream(1)); err == nil {
		t.Error("n = 0: no error")
	}
}

func TestNetworkModelErrors(t *testing.T) {
	good := &Data{N: 2, Din: 1, X: []float64{0, 1}, Y: []float64{1, 2}}
	for _, c := range []struct {
		spec ProblemSpec
		d    *Data
	}{
		{ProblemSpec{Act: "tanh", Neuron: "awb"}, nil},
		{ProblemSpec{Act: "tanh", Neuron: "awb"}, &Data{N: 0, Din: 1}},
		{ProblemSpec{Act: "tanh", Neuron: "awb"}, &Data{N: 2, Xi: []float64{1, 2}}},
		{ProblemSpec{Act: "tanh", Neuron: "awb"}, &Data{N: 2, Din: 1, X: []float64{0, 1}, Y: []float64{1}}},
		{ProblemSpec{Act: "tanh", Neuron: "awb"}, &Data{N: 2, Din: 1, X: []float64{0, math.Inf(1)}, Y: []float64{1, 2}}},
		{ProblemSpec{Act: "tanh", Neuron: "awb"}, &Data{N: 2, Din: 1, X: []float64{0, 1}, Y: []float64{1, math.NaN()}}},
		{ProblemSpec{Act: "Tanh", Neuron: "awb"}, good},
		{ProblemSpec{Act: "tanh", Neuron: ""}, good},
	} {
		if _, err := newNetworkModel(c.spec, c.d); err == nil {
			t.Errorf("%+v on %+v: no error", c.spec, c.d)
		} else {
			t.Logf("%v", err)
		}
	}
	mm, err := newNetworkModel(ProblemSpec{Act: "relu", Neuron: "w"}, good)
	if err != nil {
		t.Fatal(err)
	}
	m := mm.(*Network)
	if m.Dim() != 1 || m.NumData() != 2 || !m.MeanField() || m.Data() != good {
		t.Errorf("bad accessors: %d %d %v", m.Dim(), m.NumData(), m.MeanField())
	}
	// relu'(0) = 0.
	if s, s1, s2 := actReLU.eval(0); s != 0 || s1 != 0 || s2 != 0 {
		t.Errorf("relu at 0: %v %v %v", s, s1, s2)
	}
}

// The activations' derivatives against netCentral differences.
func TestNetworkActivations(t *testing.T) {
	for a := range activationNames {
		act := activation(a)
		for _, u := range []float64{-3, -0.7, -0.1, 0.05, 0.4, 1.3, 4} {
			s, s1, s2 := act.eval(u)
			f := func(u float64) float64 { v, _, _ := act.eval(u); return v }
			f1 := func(u float64) float64 { _, v, _ := act.eval(u); return v }
			d1 := fd.Derivative(f, u, netCentral)
			d2 := fd.Derivative(f1, u, netCentral)
			if math.Abs(d1-s1) > 1e-8 || math.Abs(d2-s2) > 1e-8 {
				t.Errorf("%s at %v: sigma' %v (fd %v), sigma'' %v (fd %v)", act, u, s1, d1, s2, d2)
			}
			var ref float64
			switch act {
			case actIdentity:
				ref = u
			case actTanh:
				ref = math.Tanh(u)
			case actReLU:
				ref = max(u, 0)
			case actSigmoid:
				ref = 1 / (1 + math.Exp(-u))
			}
			if math.Abs(s-ref) > 1e-15 {
				t.Errorf("%s(%v) = %v, want %v", act, u, s, ref)
			}
		}
	}
}

// benchNetwork returns the benchmark network: n = 256, N = 64, awb, tanh,
// Din 1.
func benchNetwork(b *testing.B) (*Network, []float64, Eval) {
	const n, nd = 256, 64
	m, z := newTestNetwork(b, netCase{"tanh", "awb", 1}, n, nd, 21)
	return m, z, m.NewEval(n)
}

func netReportPerPair(b *testing.B, n, nd int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n*nd), "ns/particle/datum")
}

func BenchmarkNetworkDrift(b *testing.B) {
	for _, c := range []float64{0, 0.1} {
		b.Run(fmt.Sprintf("c=%v", c), func(b *testing.B) {
			m, z, e := benchNetwork(b)
			dst := make([]float64, len(z))
			for b.Loop() {
				e.Drift(dst, z, c)
			}
			netReportPerPair(b, len(z)/m.d, m.data.N)
		})
	}
}

func BenchmarkNetworkNoise(b *testing.B) {
	for _, shared := range []bool{true, false} {
		b.Run(fmt.Sprintf("shared=%v", shared), func(b *testing.B) {
			m, z, e := benchNetwork(b)
			n, nd := len(z)/m.d, m.data.N
			dst := make([]float64, len(z))
			w := make([]float64, n*nd)
			xmath.Stream(21, 3).NormFill(w, 1)
			stride := nd
			if shared {
				stride = 0
			}
			for b.Loop() {
				e.Noise(dst, z, w, stride)
			}
			netReportPerPair(b, n, nd)
		})
	}
}

func BenchmarkNetworkSampleGrad(b *testing.B) {
	m, z, e := benchNetwork(b)
	dst := make([]float64, len(z))
	j := 0
	for b.Loop() {
		e.SampleGrad(dst, z, j)
		j = (j + 1) % m.data.N
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(z)/m.d), "ns/particle")
}

func TestCoordNames(t *testing.T) {
	for _, c := range []struct {
		neuron string
		din    int
		want   string
	}{
		{"awb", 1, "a,w,b"},
		{"awb", 2, "a,w1,w2,b"},
		{"w", 1, "w"},
		{"w", 2, "w1,w2"},
		{"w", 3, "w1,w2,w3"},
	} {
		m, err := newNetworkForm("tanh", c.neuron, c.din)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(CoordNames(m), ","); got != c.want {
			t.Errorf("%s, din %d: %s, want %s", c.neuron, c.din, got, c.want)
		}
	}
	q, err := New(Config{Problem: ProblemSpec{Name: "quad"}, Alpha: 0.1, T: 1, Seed: 1, NPoints: 1, NData: 8, Reps: 1, K: 1, Methods: []Method{SGD}})
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, q.Model().Dim())
	for i := range want {
		want[i] = "z" + strconv.Itoa(i+1)
	}
	if got := CoordNames(q.Model()); !slices.Equal(got, want) {
		t.Errorf("quad: %v, want %v", got, want)
	}
}
