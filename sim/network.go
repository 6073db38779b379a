package sim

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"

	"smflow/sim/xmath"
)

// Network is the one-hidden-layer network in the mean-field scaling
// (MATH.md section 4) as a Model whose points are the neurons z_1..z_n:
//
//	f_z(x) = (1/n) sum_k Phi(z_k, x),   R(z, xi) = (1/2) (y - f_z(x))^2,   xi = (x, y), x in R^Din.
//
// The neuron form is either
//
//	"w":   Phi(z, x) = sigma(w.x),        z = w,                  d = Din,
//	"awb": Phi(z, x) = a sigma(w.x + b),  z = (a, w_1..w_Din, b), d = Din + 2,
//
// with an activation sigma among identity, tanh, relu and sigmoid (see
// activation). The per-neuron vector fields carry the mean-field scaling: the
// per-sample gradient of neuron k is n times the raw gradient of the loss,
// grad_z R(z_k, mu^n, xi) = -r_mu(xi) grad_z Phi(z_k, x), with the residual
// r_mu(xi) = y - f_z(x) shared by all neurons.
type Network struct {
	act  activation
	awb  bool
	din  int
	d    int
	data *Data
	xt   []float64 // the inputs transposed: coordinate i of x_j at i*N + j
	xord []int32   // Din = 1: the indices j in increasing order of x_j
	xs   []float64 // Din = 1: the inputs in that order, xs[i] = x_xord[i]
}

var _ Model = (*Network)(nil)
var _ Viewer = (*Network)(nil)

// newNetworkModel returns the Network of spec.Act and spec.Neuron on the data
// set d. The input dimension is d.Din (any Din >= 1 works; spec.Din is not
// consulted, so data read from a file decide it). The Network keeps d and a
// copy of its inputs: d must not change afterwards.
func newNetworkModel(spec ProblemSpec, d *Data) (Model, error) {
	if d == nil {
		return nil, errors.New("network: no data set")
	}
	if d.N < 1 {
		return nil, fmt.Errorf("network: data set has %d points, need at least 1", d.N)
	}
	if d.Din < 1 {
		return nil, fmt.Errorf("network: input dimension Din = %d, need at least 1", d.Din)
	}
	if len(d.X) != d.N*d.Din || len(d.Y) != d.N {
		return nil, fmt.Errorf("network: data set holds %d inputs and %d targets, want N*Din = %d and N = %d",
			len(d.X), len(d.Y), d.N*d.Din, d.N)
	}
	for _, v := range d.X {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("network: data set has a non-finite input")
		}
	}
	for _, v := range d.Y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("network: data set has a non-finite target")
		}
	}
	m, err := newNetworkForm(spec.Act, spec.Neuron, d.Din)
	if err != nil {
		return nil, err
	}
	m.data = d
	m.xt = make([]float64, d.Din*d.N)
	for j := 0; j < d.N; j++ {
		for i := 0; i < d.Din; i++ {
			m.xt[i*d.N+j] = d.X[j*d.Din+i]
		}
	}
	if d.Din == 1 {
		m.xord = make([]int32, d.N)
		for j := range m.xord {
			m.xord[j] = int32(j)
		}
		sort.SliceStable(m.xord, func(a, b int) bool { return d.X[m.xord[a]] < d.X[m.xord[b]] })
		m.xs = make([]float64, d.N)
		for i, j := range m.xord {
			m.xs[i] = d.X[j]
		}
	}
	return m, nil
}

// newNetworkForm returns a Network without data: its neuron function Phi only.
func newNetworkForm(act, neuron string, din int) (*Network, error) {
	a, err := parseActivation(act)
	if err != nil {
		return nil, err
	}
	m := &Network{act: a, din: din}
	switch neuron {
	case "w":
		m.d = din
	case "awb":
		m.awb = true
		m.d = din + 2
	default:
		return nil, fmt.Errorf("network: unknown neuron form %q (want w or awb)", neuron)
	}
	return m, nil
}

// Dim returns d: Din for the neuron form "w", Din + 2 for "awb".
func (m *Network) Dim() int { return m.d }

// NumData returns N.
func (m *Network) NumData() int { return m.data.N }

// CoordNames returns the names of the d coordinates of a neuron: "w" (Din
// = 1) or "w1".."wDin" for the form "w"; "a", the input weights and "b"
// for "awb" (a, w, b or a, w1, w2, b).
func (m *Network) CoordNames() []string {
	out := make([]string, 0, m.d)
	if m.awb {
		out = append(out, "a")
	}
	if m.din == 1 {
		out = append(out, "w")
	} else {
		for i := 1; i <= m.din; i++ {
			out = append(out, "w"+strconv.Itoa(i))
		}
	}
	if m.awb {
		out = append(out, "b")
	}
	return out
}

// CoordNamer is a Model that names the coordinates of its points (the
// neurons of a Network); the others have z1..zd (CoordNames).
type CoordNamer interface {
	CoordNames() []string
}

// CoordNames returns the names of the coordinates of m's points: the
// model's own (CoordNamer), else z1..zd.
func CoordNames(m Model) []string {
	if c, ok := m.(CoordNamer); ok {
		if n := c.CoordNames(); len(n) == m.Dim() {
			return n
		}
	}
	out := make([]string, m.Dim())
	for i := range out {
		out[i] = "z" + strconv.Itoa(i+1)
	}
	return out
}

// MeanField returns true: the neurons interact through mu^n.
func (m *Network) MeanField() bool { return true }

// TargetFunc returns the noise-free function the network's data were
// generated from, or nil when it is unknown (data from a file).
func (m *Network) TargetFunc() func(x []float64) float64 { return m.data.Target }

// Data returns the data set of the network.
func (m *Network) Data() *Data { return m.data }

// split returns the output weight a (1 for the form "w"), the input weights
// w and the bias b (0 for "w") of the neuron zk.
func (m *Network) split(zk []float64) (a float64, w []float64, b float64) {
	if m.awb {
		return zk[0], zk[1 : 1+m.din], zk[1+m.din]
	}
	return 1, zk[:m.din], 0
}

// dotx returns w.x for len(x) = len(w) = Din.
func dotx(w, x []float64) float64 {
	x = x[:len(w)]
	s := 0.0
	for i, v := range w {
		s += v * x[i]
	}
	return s
}

// Phi returns Phi(zk, x), the output of neuron zk (length d) at input x
// (length Din).
func (m *Network) Phi(zk, x []float64) float64 {
	a, w, b := m.split(zk)
	s, _, _ := m.act.eval(dotx(w, x) + b)
	return a * s
}

// Predict returns the network output f_z(x) = (1/n) sum_k Phi(z_k, x) of the
// configuration z of n = len(z)/d neurons at input x (0 if n = 0).
func (m *Network) Predict(z, x []float64) float64 {
	n := len(z) / m.d
	if n == 0 {
		return 0
	}
	f := 0.0
	for k := 0; k < n; k++ {
		f += m.Phi(z[k*m.d:(k+1)*m.d], x)
	}
	return f / float64(n)
}

// InitNeuron sets dst (length d) to one draw from the initial law mu_0 of
// the neurons: for the form "w", w ~ N(0, I_Din); for "awb", a ~ N(0, 1),
// w ~ N(0, I_Din) and b ~ N(0, 0.5^2), independent. It consumes d normal
// draws of rng, in the order of the coordinates.
func (m *Network) InitNeuron(dst []float64, rng *xmath.Rand) {
	dst = dst[:m.d]
	rng.NormFill(dst, 1)
	if m.awb {
		dst[m.d-1] *= 0.5
	}
}

// Box returns the default view of coordinates 0 and 1 of the neurons
// (w_1, w_2 for the form "w"; a, w_1 for "awb"): [-3.5, 3.5]^2, which holds
// the initial law and most trained neurons. For d = 1 the second range is
// nominal.
func (m *Network) Box() [4]float64 { return [4]float64{-3.5, 3.5, -3.5, 3.5} }

// Start returns a typical neuron: every coordinate 1, except the bias b = 0
// of the form "awb".
func (m *Network) Start() []float64 {
	z := make([]float64, m.d)
	for i := range z {
		z[i] = 1
	}
	if m.awb {
		z[m.d-1] = 0
	}
	return z
}

// NewEval returns an evaluator for configurations of up to n neurons (the
// number of neurons of a configuration z is len(z)/d). Its scratch space
// is 3 n N + O(N + d) floats.
func (m *Network) NewEval(n int) Eval {
	n = max(n, 0)
	nd := m.data.N
	return &netEval{
		m:  m,
		n:  n,
		s:  make([]float64, n*nd),
		s1: make([]float64, n*nd),
		s2: make([]float64, n*nd),
		r:  make([]float64, nd),
		q:  make([]float64, nd),
		c:  make([]float64, nd),
		v:  make([]float64, nd),
		u:  make([]float64, nd),
		t:  make([]float64, m.d),
	}
}

// netEval evaluates the vector fields of a Network. For neuron k and data
// point j, entry k*N + j of s, s1 and s2 holds sigma and its first and second
// derivatives at the pre-activation u_kj = w_k.x_j + b_k of the last
// configuration. The loops over data points run over contiguous rows: the
// rows of s, s1, s2 and the rows of the transposed inputs m.xt.
type netEval struct {
	m         *Network
	n         int
	s, s1, s2 []float64
	r         []float64 // residuals r_j = y_j - f_z(x_j)
	q         []float64 // q_j of T2, or r_j times the centred noise weights
	c, v      []float64 // per-neuron coefficients over the data points
	u         []float64 // one neuron's sigma in the order of the inputs (forwardRow1)
	t         []float64 // one neuron's accumulator

	// The configuration the caches hold (bit for bit) and the derivative
	// order computed, so that Drift and Noise at the same configuration
	// (every step of the schemes) share one forward pass.
	last      []float64
	lastOrder int
	cached    bool

	generic bool // tests: the general code even where the fused kernels apply
}

// netDot returns sum_j a_j b_j over len(a) <= len(b) entries.
func netDot(a, b []float64) float64 {
	b = b[:len(a)]
	s := 0.0
	for j, v := range a {
		s += v * b[j]
	}
	return s
}

// netSum returns sum_j a_j.
func netSum(a []float64) float64 {
	s := 0.0
	for _, v := range a {
		s += v
	}
	return s
}

// points returns the number of neurons of z.
func (e *netEval) points(z []float64) int {
	n := len(z) / e.m.d
	if n > e.n {
		panic(fmt.Sprintf("network: evaluator made for %d neurons got %d", e.n, n))
	}
	return n
}

// xrow returns coordinate i of all inputs: x_ji for j = 0..N-1.
func (e *netEval) xrow(i int) []float64 {
	nd := e.m.data.N
	return e.m.xt[i*nd : (i+1)*nd]
}

// forward fills the activation caches up to derivative order (0, 1 or 2)
// and the residuals for the configuration z, and returns its number of
// neurons n. For n = 0 the network output is 0.
func (e *netEval) forward(z []float64, order int) int {
	m := e.m
	d, nd := m.d, m.data.N
	n := e.points(z)
	if e.cached && order <= e.lastOrder && sameBits(e.last, z) {
		return n
	}
	e.cached = false
	r := e.r[:nd]
	clear(r)
	// One neuron's row at a time, while it is in the cache: the
	// pre-activations u_kj = b_k + sum_i w_ki x_ji, sigma and its
	// derivatives, and its term a_k sigma(u_kj) of r_j (in the order of k).
	fast := e.fastKernels()
	for k := 0; k < n; k++ {
		a, w, b := m.split(z[k*d : (k+1)*d])
		if fast {
			e.forwardRow1(k, a, w[0], b, order)
			continue
		}
		row := e.s[k*nd : (k+1)*nd]
		for j := range row {
			row[j] = b
		}
		for i, wi := range w {
			x := e.xrow(i)[:len(row)]
			for j, xj := range x {
				row[j] += wi * xj
			}
		}
		switch order {
		case 0:
			m.act.fill(row, nil, nil)
		case 1:
			m.act.fill(row, e.s1[k*nd:(k+1)*nd], nil)
		default:
			m.act.fill(row, e.s1[k*nd:(k+1)*nd], e.s2[k*nd:(k+1)*nd])
		}
		for j, v := range row {
			r[j] += a * v
		}
	}
	inv := 0.0
	if n > 0 {
		inv = 1 / float64(n)
	}
	for j, y := range m.data.Y[:len(r)] {
		r[j] = y - r[j]*inv
	}
	if cap(e.last) < len(z) {
		e.last = make([]float64, len(z))
	}
	e.last = append(e.last[:0], z...)
	e.lastOrder, e.cached = order, true
	return n
}

// sameBits reports whether a and b hold the same float64 bits.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i, v := range a {
		if math.Float64bits(v) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// gradPhiDot sets out = sc sum_j c_j grad_z Phi(zk, x_j), where s and s1
// are the rows of sigma and sigma' of neuron zk; grad_z Phi is sigma' x for
// the form "w" and (sigma, a sigma' x, a sigma') for "awb". It overwrites the
// scratch e.c.
func (e *netEval) gradPhiDot(out, zk, c, s, s1 []float64, sc float64) {
	m := e.m
	cs, s1 := e.c[:len(c)], s1[:len(c)]
	for j, v := range c {
		cs[j] = v * s1[j]
	}
	if !m.awb {
		for i := range out {
			out[i] = sc * netDot(cs, e.xrow(i))
		}
		return
	}
	out[0] = sc * netDot(c, s)
	sa := sc * zk[0]
	for i := 0; i < m.din; i++ {
		out[1+i] = sa * netDot(cs, e.xrow(i))
	}
	out[1+m.din] = sa * netSum(cs)
}

// SampleGrad sets dst_k = -r_j grad_z Phi(z_k, x_j): n times the gradient of
// the loss (1/2)(y_j - f_z(x_j))^2 with respect to z_k. It costs O(n d).
func (e *netEval) SampleGrad(dst, z []float64, j int) {
	m := e.m
	d, din := m.d, m.din
	n := e.points(z)
	x := m.data.X[j*din : (j+1)*din]
	e.cached = false // the caches' first rows serve as scratch here
	s, s1 := e.s[:n], e.s1[:n]
	for k := range s {
		_, w, b := m.split(z[k*d : (k+1)*d])
		s[k] = dotx(w, x) + b
	}
	m.act.fill(s, s1, nil)
	f := 0.0
	for k, v := range s {
		a, _, _ := m.split(z[k*d : (k+1)*d])
		f += a * v
	}
	if n > 0 {
		f /= float64(n)
	}
	nr := f - m.data.Y[j] // -r_j
	for k := 0; k < n; k++ {
		out := dst[k*d : (k+1)*d]
		if !m.awb {
			c := nr * s1[k]
			for i, xi := range x {
				out[i] = c * xi
			}
			continue
		}
		out[0] = nr * s[k]
		c := nr * z[k*d] * s1[k]
		for i, xi := range x {
			out[1+i] = c * xi
		}
		out[1+din] = c
	}
}

// Drift sets dst_k = gradR(z_k, mu^n) + c (T1 + T2)(z_k, mu^n) with
//
//	gradR(z, mu) = -(1/N) sum_j r_j grad_z Phi(z, x_j),
//	T1(z, mu)    = 2 H(z, mu) gradR(z, mu),  H(z, mu) = -(1/N) sum_j r_j Hess_z Phi(z, x_j),
//	T2(z, mu)    = (2/N) sum_j q_j grad_z Phi(z, x_j),
//	q_j          = (1/n) sum_l grad_z Phi(z_l, x_j) . gradR(z_l, mu),
//
// (MATH.md section 4); T1 + T2 at z_k is n times the gradient in z_k of
// (1/n) sum_l |gradR(z_l, mu^n)|^2. It costs O(n N d).
func (e *netEval) Drift(dst, z []float64, c float64) {
	m := e.m
	d, nd, din := m.d, m.data.N, m.din
	order := 1
	if c != 0 {
		order = 2
	}
	n := e.forward(z, order)
	r := e.r
	invN := 1 / float64(nd)

	// gradR(z_k).
	fast := e.fastKernels()
	if fast {
		e.gradPhiDots(dst, z, r, n, -invN, false)
	}
	for k := 0; k < n && !fast; k++ {
		e.gradPhiDot(dst[k*d:(k+1)*d], z[k*d:(k+1)*d], r, e.s[k*nd:(k+1)*nd], e.s1[k*nd:(k+1)*nd], -invN)
	}
	if c == 0 {
		return
	}

	// T1(z_k) = -(2/N) sum_j r_j Hess Phi(z_k, x_j) g_k with g_k = gradR(z_k),
	// and q_j = (1/n) sum_k grad Phi(z_k, x_j) . g_k.
	q, t, cs, xv := e.q, e.t, e.c, e.v
	clear(q)
	sc := -2 * c * invN
	for k := 0; k < n; k++ {
		g := dst[k*d : (k+1)*d]
		if fast {
			e.t1Fused(g, z[k*d:(k+1)*d], k, sc)
			continue
		}
		s, s1, s2 := e.s[k*nd:(k+1)*nd], e.s1[k*nd:(k+1)*nd], e.s2[k*nd:(k+1)*nd]
		a, vw, vb := 1.0, g, 0.0
		if m.awb {
			a, vw, vb = z[k*d], g[1:1+din], g[1+din]
		}
		// xv_j = x_j . vw + vb.
		for j := range xv {
			xv[j] = vb
		}
		xv := xv[:nd]
		for i, wi := range vw {
			for j, x := range e.xrow(i)[:nd] {
				xv[j] += wi * x
			}
		}
		r, q, cs := r[:nd], q[:nd], cs[:nd]
		s, s1, s2 = s[:nd], s1[:nd], s2[:nd]
		if !m.awb {
			// grad Phi = s1 x, Hess Phi v = s2 (x.v) x.
			for j, rj := range r {
				q[j] += s1[j] * xv[j]
				cs[j] = rj * s2[j] * xv[j]
			}
			for i := range t {
				t[i] = netDot(cs, e.xrow(i))
			}
		} else {
			// With xt = (x, 1) and v = (va, vw, vb): grad Phi = (s, a s1 xt),
			// Hess Phi v = (s1 xt.(vw, vb), (s1 va + a s2 xt.(vw, vb)) xt).
			va := g[0]
			t0 := 0.0
			for j, rj := range r {
				q[j] += s[j]*va + a*s1[j]*xv[j]
				t0 += rj * s1[j] * xv[j]
				cs[j] = rj * (s1[j]*va + a*s2[j]*xv[j])
			}
			t[0] = t0
			for i := 0; i < din; i++ {
				t[1+i] = netDot(cs, e.xrow(i))
			}
			t[1+din] = netSum(cs)
		}
		for i, v := range t {
			g[i] += sc * v
		}
	}
	invn := 1 / float64(n)
	for j := range q {
		q[j] *= invn
	}

	// T2(z_k) = (2/N) sum_j q_j grad Phi(z_k, x_j).
	if fast {
		e.gradPhiDots(dst, z, q, n, 2*c*invN, true)
		return
	}
	for k := 0; k < n; k++ {
		e.gradPhiDot(t, z[k*d:(k+1)*d], q, e.s[k*nd:(k+1)*nd], e.s1[k*nd:(k+1)*nd], 2*c*invN)
		out := dst[k*d : (k+1)*d]
		for i, v := range t {
			out[i] += v
		}
	}
}

// Noise sets dst_k = sum_j G(z_k, mu^n, xi_j) w[k*stride + j] with
// G(z, mu, xi) = gradR(z, mu) + r_mu(xi) grad_z Phi(z, x). Since
// sum_j G(z, mu, xi_j) = 0 it is computed as
// sum_j r_j (w_j - wbar) grad_z Phi(z_k, x_j), wbar the mean of the N
// weights, in O(n N d).
func (e *netEval) Noise(dst, z, w []float64, stride int) {
	m := e.m
	d, nd := m.d, m.data.N
	n := e.forward(z, 1)
	if stride == 0 {
		e.centerWeights(w[:nd])
		if e.fastKernels() {
			e.gradPhiDots(dst, z, e.q, n, 1, false)
			return
		}
	}
	for k := 0; k < n; k++ {
		if stride != 0 {
			e.centerWeights(w[k*stride : k*stride+nd])
		}
		e.gradPhiDot(dst[k*d:(k+1)*d], z[k*d:(k+1)*d], e.q, e.s[k*nd:(k+1)*nd], e.s1[k*nd:(k+1)*nd], 1)
	}
}

// centerWeights sets e.q[j] = r_j (w_j - wbar), wbar the mean of w.
func (e *netEval) centerWeights(w []float64) {
	wbar := netSum(w) / float64(len(w))
	q, r := e.q[:len(w)], e.r[:len(w)]
	for j, v := range w {
		q[j] = r[j] * (v - wbar)
	}
}

// Risk returns the network's risk (1/2N) sum_j r_j^2.
func (e *netEval) Risk(z []float64) float64 {
	e.forward(z, 0)
	return netDot(e.r, e.r) / float64(2*e.m.data.N)
}
