package sim

import "math"

// A controlVariate holds the control variates of one track of a weak-error
// experiment: the response of the observable to the noise, linearised along
// the noise-free path Zbar of the method (MATH.md section 7).
//
// Along Zbar (gradient descent for SGD, the method's scheme without its
// noise for a continuous-time model) a small perturbation moves by the
// step's Jacobian J_s and the step adds the noise B_s v_s, where v_s are the
// substep's Brownian weights (continuous) or the one-hot vector of SGD's
// data index, and the columns of B_s are alpha G(Zbar_s, xi_j) (SGD) or
// b(Zbar_s) e_j, the noise of weight j (continuous; for weak2 the scheme's
// first-order noise (b(Zbar) + b(Zbar + a h))/2 - (h/2) H1 b(Zbar); a
// continuous model's linearisation is taken at the start of each SGD step
// for its K substeps, see linScheme). The linear response of the state at
// T is
//
//	Y_T = sum_s M_s v_s,  M_s = J_{S-1} ... J_{s+1} B_s,
//
// and the control variates of f(Z_T) are
//
//	c1 = grad f(Zbar_T) . Y_T                           (the linearised noise),
//	c2 = (1/2) Y_T^T A Y_T - (1/2) tr(A Cov Y_T)         (its quadratic form),
//
// with A = Hess f(Zbar_T). Both have expectation exactly zero: the weights
// have mean zero and are independent across steps and of the deterministic
// M_s (for SGD every column set is centred, sum_j G(z, xi_j) = 0), and
// Cov Y_T = sum_s M_s Cov(v_s) M_s^T is computed from the same M_s
// (Cov v_s = (alpha h / N) I for the weights, (1/N) I minus the centring for
// a data index). f - c1 has a variance O(alpha^2) instead of O(alpha); c2
// also removes most of that when f is near a minimum (the risk at the end of
// training, where grad f is small and f is quadratic in the noise).
// The estimator fits the coefficients of c1 and c2 by least squares
// (controlled).
//
// The quadratic form needs the dense nd x nd Jacobians (nd = n d per
// replica); when they cost too much (quadBudget) only c1 is kept, computed
// by the adjoint u_s = J_s^T u_{s+1} with u_S = grad f(Zbar_T), whose
// coefficients are u_{s+1} . B_s e_j, at one to three Hessian-vector
// products per (sub)step.
type controlVariate struct {
	nd int
	// Linear mode (resp nil): lin[s][j] is the coefficient of weight or
	// data index j at step s, sum[r] accumulates c1 of replica r.
	lin [][]float64
	sum []float64
	// Quadratic mode: resp[s][j*nd : (j+1)*nd] is column j of M_s, y holds
	// Y_T of every replica (Reps x nd), grad = grad f(Zbar_T), hess = A
	// (row-major) and mean2 = (1/2) tr(A Cov Y_T).
	resp  [][]float64
	y     []float64
	grad  []float64
	hess  []float64
	mean2 float64
}

// quadBudget bounds the work of the dense Jacobians of the quadratic
// control variate: steps * (n d)^3 multiply-adds.
const quadBudget = 2e9

// quadMaxDim bounds n d for the quadratic control variate.
const quadMaxDim = 256

// cvMaxFloats bounds the memory of a control variate, in float64 values
// (2^24: 128 MB): the path and the coefficients of every (sub)step are
// kept, so at alpha = 1e-4 and T = 1000 (4 x 10^7 substeps) they would take
// gigabytes and end the page. Beyond it the estimate is the plain one (the
// same rule natively and in the page, so the numbers agree).
const cvMaxFloats = 1 << 24

// cvFloats returns the float64 values a control variate of a track of nd
// coordinates over steps (sub)steps with nCols noise columns a step (at
// most the number of data) holds: the path, and the coefficients (one per
// column in linear mode, a column of nd in quadratic mode).
func cvFloats(steps, nd, nCols int, quad bool) float64 {
	per := float64(nCols)
	if quad {
		per *= float64(nd)
	}
	return float64(steps+1)*float64(nd) + float64(steps)*per
}

// addIndex adds the response of SGD's step i with data index j to replica r.
func (c *controlVariate) addIndex(r, i, j int) {
	if c.resp == nil {
		if i < len(c.lin) {
			c.sum[r] += c.lin[i][j]
		}
		return
	}
	if i < len(c.resp) {
		y := c.y[r*c.nd : (r+1)*c.nd]
		for q, v := range c.resp[i][j*c.nd : (j+1)*c.nd] {
			y[q] += v
		}
	}
}

// addWeights adds the response of substep s with the weights w to replica r.
func (c *controlVariate) addWeights(r, s int, w []float64) {
	if c.resp == nil {
		if s < len(c.lin) {
			c.sum[r] += netDot(c.lin[s], w)
		}
		return
	}
	if s >= len(c.resp) {
		return
	}
	y := c.y[r*c.nd : (r+1)*c.nd]
	m := c.resp[s]
	for j, wj := range w {
		col := m[j*c.nd : (j+1)*c.nd]
		for q, v := range col {
			y[q] += wj * v
		}
	}
}

// quadratic reports whether the track has the quadratic control variate.
func (c *controlVariate) quadratic() bool { return c.resp != nil }

// values returns the control variates c1 and c2 of replica r (c2 = 0 in the
// linear mode).
func (c *controlVariate) values(r int) (c1, c2 float64) {
	if c.resp == nil {
		return c.sum[r], 0
	}
	y := c.y[r*c.nd : (r+1)*c.nd]
	c1 = netDot(c.grad, y)
	q := 0.0
	for a, ya := range y {
		q += ya * netDot(c.hess[a*c.nd:(a+1)*c.nd], y)
	}
	return c1, q/2 - c.mean2
}

// hessVec sets dst = D(Drift(., c))(z) v, the derivative of the drift with
// the modification weight c at z in the direction v, by central
// differences. The drift is the gradient of a (modified) risk of the whole
// configuration (for a network n times the gradient in z_k), so its
// Jacobian is symmetric and this is also its transpose applied to v. zp, fp
// and fm are scratch of len(z).
func hessVec(ev Eval, dst, z, v []float64, c float64, zp, fp, fm []float64) {
	vmax, zmax := 0.0, 1.0
	for i, x := range v {
		vmax = math.Max(vmax, math.Abs(x))
		zmax = math.Max(zmax, math.Abs(z[i]))
	}
	if vmax == 0 {
		clear(dst)
		return
	}
	eps := 1e-5 * zmax / vmax
	for i := range z {
		zp[i] = z[i] + eps*v[i]
	}
	ev.Drift(fp, zp, c)
	for i := range z {
		zp[i] = z[i] - eps*v[i]
	}
	ev.Drift(fm, zp, c)
	for i := range dst {
		dst[i] = (fp[i] - fm[i]) / (2 * eps)
	}
}

// denseJacobian sets dst (nd x nd, row-major) to the symmetrised Jacobian of
// field at z by central differences. block is the size of the blocks that
// field couples: nd for a network (all neurons interact), d for
// independent points, whose Jacobian is block diagonal, so that one
// evaluation perturbs coordinate q of every point at once (d evaluations
// instead of nd).
func denseJacobian(dst, z []float64, field func(dst, z []float64), block int, zp, fp, fm []float64) {
	nd := len(z)
	zmax := 1.0
	for _, x := range z {
		zmax = math.Max(zmax, math.Abs(x))
	}
	eps := 1e-5 * zmax
	clear(dst)
	copy(zp, z)
	for q := 0; q < block; q++ {
		for p := q; p < nd; p += block {
			zp[p] = z[p] + eps
		}
		field(fp, zp)
		for p := q; p < nd; p += block {
			zp[p] = z[p] - eps
		}
		field(fm, zp)
		for p := q; p < nd; p += block {
			zp[p] = z[p]
			b := p - q // the block of coordinate p
			for a := b; a < b+block; a++ {
				dst[a*nd+p] = (fp[a] - fm[a]) / (2 * eps)
			}
		}
	}
	for a := 0; a < nd; a++ {
		for b := a + 1; b < nd; b++ {
			v := (dst[a*nd+b] + dst[b*nd+a]) / 2
			dst[a*nd+b], dst[b*nd+a] = v, v
		}
	}
}

// matMul sets dst = a b for n x n row-major matrices (dst aliases neither).
func matMul(dst, a, b []float64, n int) {
	clear(dst)
	for i := 0; i < n; i++ {
		row := dst[i*n : (i+1)*n]
		for k := 0; k < n; k++ {
			x := a[i*n+k]
			if x == 0 {
				continue
			}
			for j, y := range b[k*n : (k+1)*n] {
				row[j] += x * y
			}
		}
	}
}

// A linStep is one step of the linearisation along the path (see
// controlVariate): its noise columns B_s e_j (each of length nd), how J_s^T
// acts on a vector (linear mode) or the dense J_s (quadratic mode), and the
// variance of one weight (0 for SGD's data index).
type linStep struct {
	cols [][]float64
	jt   func(dst, u []float64)
	j    []float64
}

// newControlVariate returns the control variates of the observable obs for
// track tr of the simulation (not yet run: its replicas hold the starting
// configuration) over s.total steps (with the quadratic control variate
// if quadOK and it is affordable), or nil when obs has no gradient, the
// method has no noise or the linearisation left the finite numbers.
func (s *Sim) newControlVariate(tr *Track, obs Observable, quadOK bool) *controlVariate {
	if obs.grad == nil || tr.Method.Deterministic() || tr.Reps == 0 || !(tr.Method == SGD || tr.Method.noisy()) {
		return nil
	}
	nd := tr.N * tr.D
	steps := s.total * s.subSteps(tr)
	quad := quadOK && nd <= quadMaxDim && float64(steps)*float64(nd)*float64(nd)*float64(nd) <= quadBudget &&
		cvFloats(steps, nd, s.model.NumData(), true) <= cvMaxFloats
	if cvFloats(steps, nd, s.model.NumData(), false) > cvMaxFloats {
		return nil // the plain estimate: no memory for the linearisation
	}
	ev := s.model.NewEval(tr.N)
	var path []float64
	var step func(i int, quad bool) linStep
	var wvar float64 // the variance of one weight (0: SGD's data index)
	if tr.Method == SGD {
		path, step = s.linSGD(ev, tr)
	} else {
		path, step, wvar = s.linScheme(ev, tr)
	}
	zT := path[steps*nd:]
	cv := &controlVariate{nd: nd, grad: make([]float64, nd)}
	obs.grad(ev, cv.grad, zT, tr.D)
	if !quad {
		cv.lin = make([][]float64, steps)
		cv.sum = make([]float64, tr.Reps)
		u, ju := append([]float64(nil), cv.grad...), make([]float64, nd)
		for i := steps - 1; i >= 0; i-- {
			st := step(i, false)
			row := make([]float64, len(st.cols))
			for j, col := range st.cols {
				row[j] = netDot(u, col)
			}
			cv.lin[i] = row
			st.jt(ju, u)
			u, ju = ju, u
			if !finite(u) {
				return nil
			}
		}
		return cv
	}
	cv.hess = make([]float64, nd*nd)
	zp, fp, fm := make([]float64, nd), make([]float64, nd), make([]float64, nd)
	denseJacobian(cv.hess, zT, func(dst, z []float64) { obs.grad(ev, dst, z, tr.D) }, nd, zp, fp, fm)
	cv.resp = make([][]float64, steps)
	cv.y = make([]float64, tr.Reps*nd)
	p := make([]float64, nd*nd) // P = J_{S-1} ... J_{s+1}
	for a := 0; a < nd; a++ {
		p[a*nd+a] = 1
	}
	tmp := make([]float64, nd*nd)
	cov := make([]float64, nd*nd) // Cov Y_T
	for i := steps - 1; i >= 0; i-- {
		st := step(i, true)
		m := make([]float64, len(st.cols)*nd)
		for j, col := range st.cols {
			mc := m[j*nd : (j+1)*nd]
			for a := 0; a < nd; a++ {
				mc[a] = netDot(p[a*nd:(a+1)*nd], col)
			}
		}
		w := wvar
		if tr.Method == SGD {
			w = 1 / float64(len(st.cols))
		}
		for j := range st.cols {
			mc := m[j*nd : (j+1)*nd]
			for a, x := range mc {
				x *= w
				for b, y := range mc {
					cov[a*nd+b] += x * y
				}
			}
		}
		cv.resp[i] = m
		matMul(tmp, p, st.j, nd)
		p, tmp = tmp, p
		if !finite(p) || !finite(m) {
			return nil
		}
	}
	for a := 0; a < nd; a++ {
		cv.mean2 += netDot(cv.hess[a*nd:(a+1)*nd], cov[a*nd:(a+1)*nd]) / 2 // (1/2) tr(A Cov), both symmetric
	}
	return cv
}

// block returns the size of the blocks of coordinates that the drift of
// tr couples: n d for a network, d for independent points.
func (s *Sim) block(tr *Track) int {
	if s.model.MeanField() {
		return tr.N * tr.D
	}
	return tr.D
}

// linSGD returns the path of gradient descent, Zbar_{i+1} = Zbar_i -
// alpha gradR(Zbar_i), and its linearisation: J_i = I - alpha H(Zbar_i),
// columns alpha G(Zbar_i, xi_j), centred over j.
func (s *Sim) linSGD(ev Eval, tr *Track) ([]float64, func(int, bool) linStep) {
	nd := tr.N * tr.D
	alpha, steps, nData := s.cfg.Alpha, s.total, s.model.NumData()
	path := make([]float64, (steps+1)*nd)
	copy(path, tr.Replica(0))
	g := make([]float64, nd)
	for i := 0; i < steps; i++ {
		z, next := path[i*nd:(i+1)*nd], path[(i+1)*nd:(i+2)*nd]
		ev.Drift(g, z, 0)
		for q := range z {
			next[q] = z[q] - alpha*g[q]
		}
	}
	zp, fp, fm, h := make([]float64, nd), make([]float64, nd), make([]float64, nd), make([]float64, nd)
	drift := func(dst, z []float64) { ev.Drift(dst, z, 0) }
	return path, func(i int, quad bool) linStep {
		z := path[i*nd : (i+1)*nd]
		ev.Drift(g, z, 0)
		st := linStep{cols: make([][]float64, nData)}
		mean := make([]float64, nd)
		for j := range st.cols {
			col := make([]float64, nd)
			ev.SampleGrad(col, z, j)
			for q := range col {
				col[q] = alpha * (g[q] - col[q]) // alpha G(z, xi_j)
				mean[q] += col[q] / float64(nData)
			}
			st.cols[j] = col
		}
		for _, col := range st.cols {
			for q := range col {
				col[q] -= mean[q]
			}
		}
		if quad {
			st.j = make([]float64, nd*nd)
			denseJacobian(st.j, z, drift, s.block(tr), zp, fp, fm)
			for q := range st.j {
				st.j[q] *= -alpha
			}
			for a := 0; a < nd; a++ {
				st.j[a*nd+a]++
			}
			return st
		}
		st.jt = func(dst, u []float64) {
			hessVec(ev, h, z, u, 0, zp, fp, fm)
			for q := range dst {
				dst[q] = u[q] - alpha*h[q]
			}
		}
		return st
	}
}

// linScheme returns the path of a noisy continuous-time model's scheme
// without its noise (Heun's method for weak2, Euler's for euler; K
// substeps h per step, the method's drift F = Drift(., c)) and its
// linearisation: with H0 = DF(Zbar), H1 = DF(Zbar - h F(Zbar)) and b0, b1
// the noise of weight j at the two points,
//
//	euler: J = I - h H0,                       column b0,
//	weak2: J = I - (h/2)(H0 + H1 (I - h H0)),  column (b0 + b1)/2 - (h/2) H1 b0,
//
// (the term H1 b0 only in the quadratic mode), taken at the start of each
// SGD step for its K substeps, and the variance of one weight, alpha h / N.
func (s *Sim) linScheme(ev Eval, tr *Track) ([]float64, func(int, bool) linStep, float64) {
	n, nd := tr.N, tr.N*tr.D
	m := tr.Method
	k := s.cfg.K
	subs := s.total * k
	h := s.cfg.Alpha / float64(k)
	c := 0.0
	if m.modified() {
		c = s.cfg.Alpha / 4
	}
	heun := s.cfg.Scheme == Weak2
	nData := s.model.NumData()
	nw := NoiseWeights(ev, nData)
	stride, nwt := 0, nw
	if !m.sharedNoise() {
		stride, nwt = nw, n*nw
	}
	path := make([]float64, (subs+1)*nd)
	copy(path, tr.Replica(0))
	a0, a1, y := make([]float64, nd), make([]float64, nd), make([]float64, nd)
	for i := 0; i < subs; i++ {
		z, next := path[i*nd:(i+1)*nd], path[(i+1)*nd:(i+2)*nd]
		ev.Drift(a0, z, c)
		for q := range z {
			y[q] = z[q] - h*a0[q]
		}
		if !heun {
			copy(next, y)
			continue
		}
		ev.Drift(a1, y, c)
		for q := range z {
			next[q] = z[q] - h/2*(a0[q]+a1[q])
		}
	}
	zp, fp, fm, h0, h1, hh := make([]float64, nd), make([]float64, nd), make([]float64, nd), make([]float64, nd), make([]float64, nd), make([]float64, nd)
	e := make([]float64, nwt)
	drift := func(dst, z []float64) { ev.Drift(dst, z, c) }
	// noiseCols sets cols[j] to the noise of weight j at z: Noise with the
	// unit weight e_j, or, when the weights are the data points' (not a
	// LowRankNoise), G(z_k, xi_j) = gradR(z_k) - g(z_k, xi_j) at every
	// point k sharing the weight (all for shared noise, point j / N for
	// private ones), from one drift and N per-sample gradients.
	gr, gj := make([]float64, nd), make([]float64, nd)
	noiseCols := func(cols [][]float64, z []float64) {
		for j := range cols {
			cols[j] = make([]float64, nd)
		}
		if nw != nData {
			for j := range e {
				e[j] = 1
				ev.Noise(cols[j], z, e, stride)
				e[j] = 0
			}
			return
		}
		ev.Drift(gr, z, 0)
		d := tr.D
		for j := 0; j < nData; j++ {
			ev.SampleGrad(gj, z, j)
			if stride == 0 {
				for q := range gj {
					cols[j][q] = gr[q] - gj[q]
				}
				continue
			}
			for k := 0; k < n; k++ {
				col := cols[k*stride+j]
				for q := k * d; q < (k+1)*d; q++ {
					col[q] = gr[q] - gj[q]
				}
			}
		}
	}
	// The linearisation is taken once per SGD step, at the path's point z0
	// at its start (and y0 = z0 - h F(z0)), for all its K substeps: the
	// control variates stay exactly centred whatever the M_s are, this
	// costs only a little of their efficiency (the substeps' own points
	// differ by O(alpha)), and nothing for an affine drift and additive
	// noise. In the quadratic mode H0 and H1 are both H = DF(z0):
	// euler J = I - h H, weak2 J = I - h H + (h^2/2) H^2.
	cur := -1
	var cols, b1s [][]float64
	var jmat []float64
	jacH, jacH2 := make([]float64, nd*nd), make([]float64, nd*nd)
	z0, y0 := make([]float64, nd), make([]float64, nd)
	prepare := func(g int, quad bool) {
		if g == cur {
			return
		}
		cur = g
		copy(z0, path[g*k*nd:(g*k+1)*nd])
		ev.Drift(a0, z0, c)
		for q := range z0 {
			y0[q] = z0[q] - h*a0[q]
		}
		cols = make([][]float64, nwt)
		noiseCols(cols, z0)
		jmat = nil
		if quad {
			denseJacobian(jacH, z0, drift, s.block(tr), zp, fp, fm)
			if heun {
				matMul(jacH2, jacH, jacH, nd)
			}
			jmat = make([]float64, nd*nd)
			for q := range jmat {
				jmat[q] = -h * jacH[q]
				if heun {
					jmat[q] += h * h / 2 * jacH2[q]
				}
			}
			for a := 0; a < nd; a++ {
				jmat[a*nd+a]++
			}
		}
		if !heun {
			return
		}
		if b1s == nil {
			b1s = make([][]float64, nwt)
		}
		noiseCols(b1s, y0)
		for j, col := range cols {
			if quad {
				for a := 0; a < nd; a++ {
					hh[a] = netDot(jacH[a*nd:(a+1)*nd], col)
				}
			}
			for q := range col {
				col[q] = (col[q] + b1s[j][q]) / 2
				if quad {
					col[q] -= h / 2 * hh[q]
				}
			}
		}
	}
	step := func(i int, quad bool) linStep {
		prepare(i/k, quad)
		st := linStep{cols: cols, j: jmat}
		if quad {
			return st
		}
		st.jt = func(dst, u []float64) {
			hessVec(ev, h0, z0, u, c, zp, fp, fm)
			if !heun {
				for q := range dst {
					dst[q] = u[q] - h*h0[q]
				}
				return
			}
			hessVec(ev, h1, y0, u, c, zp, fp, fm)
			hessVec(ev, hh, z0, h1, c, zp, fp, fm) // H0 H1 u
			for q := range dst {
				dst[q] = u[q] - h/2*(h0[q]+h1[q]-h*hh[q])
			}
		}
		return st
	}
	return path, step, s.cfg.Alpha * h / float64(nData)
}
