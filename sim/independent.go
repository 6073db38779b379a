package sim

// Independent returns the Model of n non-interacting points of p: every point
// follows its own copy of the vector fields of p.
func Independent(p PointProblem) Model { return independent{p} }

type independent struct{ p PointProblem }

func (m independent) Dim() int        { return m.p.Dim() }
func (m independent) NumData() int    { return m.p.NumData() }
func (m independent) MeanField() bool { return false }

// Problem returns the PointProblem behind an Independent model, or nil.
func ProblemOf(m Model) PointProblem {
	if ind, ok := m.(independent); ok {
		return ind.p
	}
	return nil
}

func (m independent) NewEval(n int) Eval {
	d := m.p.Dim()
	mp, _ := m.p.(MeanProblem)
	e := &independentEval{p: m.p, mp: mp, d: d, nd: m.p.NumData(), g: make([]float64, d), gbar: make([]float64, d), hv: make([]float64, d)}
	if lr, ok := m.p.(LowRankNoise); ok && lr.NoiseRank() >= 1 && lr.NoiseRank() < e.nd {
		e.lr = lr
	}
	return e
}

type independentEval struct {
	mp      MeanProblem  // p, if it computes its full-data sums itself
	lr      LowRankNoise // p, if its noise has fewer weights than data
	p       PointProblem
	d, nd   int
	g, gbar []float64
	hv      []float64
}

// noiseWeights returns the number of weights of one noise family.
func (e *independentEval) noiseWeights() int {
	if e.lr != nil {
		return e.lr.NoiseRank()
	}
	return e.nd
}

func (e *independentEval) SampleGrad(dst, z []float64, j int) {
	d := e.d
	for k := 0; k+d <= len(z); k += d {
		e.p.Grad(dst[k:k+d], z[k:k+d], j)
	}
}

// meanGrad sets e.gbar = gradR(zk).
func (e *independentEval) meanGrad(zk []float64) {
	if e.mp != nil {
		e.mp.MeanGrad(e.gbar, zk)
		return
	}
	clear(e.gbar)
	for j := 0; j < e.nd; j++ {
		e.p.Grad(e.g, zk, j)
		for i, v := range e.g {
			e.gbar[i] += v
		}
	}
	inv := 1 / float64(e.nd)
	for i := range e.gbar {
		e.gbar[i] *= inv
	}
}

func (e *independentEval) Drift(dst, z []float64, c float64) {
	d := e.d
	inv := 1 / float64(e.nd)
	for k := 0; k+d <= len(z); k += d {
		zk, out := z[k:k+d], dst[k:k+d]
		e.meanGrad(zk)
		copy(out, e.gbar)
		if c == 0 {
			continue
		}
		// grad |gradR|^2 = 2 Hess R gradR, Hess R = (1/N) sum_j Hess R(., xi_j).
		if e.mp != nil {
			e.mp.MeanHessVec(e.hv, zk, e.gbar)
			for i, v := range e.hv {
				out[i] += 2 * c * v
			}
			continue
		}
		for j := 0; j < e.nd; j++ {
			e.p.HessVec(e.hv, zk, e.gbar, j)
			for i, v := range e.hv {
				out[i] += 2 * c * inv * v
			}
		}
	}
}

func (e *independentEval) Noise(dst, z, w []float64, stride int) {
	d := e.d
	for k, p := 0, 0; k+d <= len(z); k, p = k+d, p+1 {
		zk, out := z[k:k+d], dst[k:k+d]
		if e.lr != nil {
			r := e.lr.NoiseRank()
			e.lr.RankedNoise(out, zk, w[p*stride:p*stride+r])
			continue
		}
		wk := w[p*stride : p*stride+e.nd]
		// sum_j (gradR - g_j) w_j = gradR sum_j w_j - sum_j g_j w_j
		if e.mp != nil {
			sw := 0.0
			for _, v := range wk {
				sw += v
			}
			e.mp.MeanGrad(e.gbar, zk)
			e.mp.WeightedGrad(e.g, zk, wk)
			for i := range out {
				out[i] = e.gbar[i]*sw - e.g[i]
			}
			continue
		}
		clear(out)
		clear(e.gbar)
		sw := 0.0
		for j, wj := range wk {
			e.p.Grad(e.g, zk, j)
			for i, v := range e.g {
				e.gbar[i] += v
				out[i] -= v * wj
			}
			sw += wj
		}
		inv := 1 / float64(e.nd)
		for i := range out {
			out[i] += e.gbar[i] * inv * sw
		}
	}
}

func (e *independentEval) Risk(z []float64) float64 {
	d := e.d
	s, n := 0.0, 0
	for k := 0; k+d <= len(z); k += d {
		for j := 0; j < e.nd; j++ {
			s += e.p.Loss(z[k:k+d], j)
		}
		n++
	}
	return s / float64(n*e.nd)
}
