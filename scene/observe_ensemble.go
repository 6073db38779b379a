package scene

import "smflow/sim"

// ensembleObs records, for every method, E z_1 and E |z|^2 of the first
// point over the replicas that have not diverged, with standard errors:
// series 2i and 2i+1 belong to track i.
type ensembleObs struct {
	twoStats
	exact quadRef
}

func (o *ensembleObs) reset(s *sim.Sim) {
	o.resetStats(s, "E z1", "E |z|^2")
	o.exact = quadRefOf(s)
	o.observe(s)
}

func (o *ensembleObs) observe(s *sim.Sim) {
	if !fits(s, len(o.rec.bufs)/2, len(o.va)) {
		return // not the simulation of the last reset
	}
	o.record(s, func(tr *sim.Track, r int) (z1, sq float64) {
		z := tr.Replica(r)[:tr.D]
		for _, v := range z {
			sq += v * v
		}
		return z[0], sq
	})
}

func (o *ensembleObs) series() []Series {
	out := o.rec.series(o.names)
	if o.exact.ok && len(o.rec.bufs) > 0 {
		t := o.rec.bufs[0].T
		out = append(out, exactSeries("E z1 (SGD, exact)", t, o.exact.mean), exactSeries("E |z|^2 (SGD, exact)", t, o.exact.second))
	}
	return out
}

// fits reports whether s has the given number of tracks with at most reps
// replicas each: whether it is the simulation an observer was reset for.
func fits(s *sim.Sim, tracks, reps int) bool {
	if s == nil || len(s.Tracks()) != tracks {
		return false
	}
	for _, tr := range s.Tracks() {
		if tr.Reps > reps {
			return false
		}
	}
	return true
}

// quadRef holds what the closed form of MATH.md section 6 needs: the
// quadratic R(z, xi) = xi |z|^2 / 2 with empirical moments m1, m2, the
// learning rate, the first starting point u and a pair of starting points
// u_a, u_b.
type quadRef struct {
	ok       bool
	m1, m2   float64
	alpha    float64
	u0       []float64 // the first starting point
	uu, uv   float64   // |u|^2 and u_a . u_b
	startZ1  float64   // first coordinate of u
	hasPairs bool
}

// quadRefOf returns the closed-form reference of s, if its problem is the
// quadratic, with the pair of points a = 0 and b = n-1.
func quadRefOf(s *sim.Sim) quadRef {
	start, _ := s.Start()
	d := s.Model().Dim()
	return quadRefPair(s, 0, len(start)/max(d, 1)-1)
}

// quadRefPair returns the closed-form reference of s for the points a and b.
func quadRefPair(s *sim.Sim, a, b int) quadRef {
	var q quadRef
	p, ok := sim.ProblemOf(s.Model()).(*sim.Quad)
	if !ok {
		return q
	}
	start, _ := s.Start()
	d := s.Model().Dim()
	if len(start) < d {
		return q
	}
	q.ok = true
	q.m1, q.m2 = p.Moments()
	q.alpha = s.Config().Alpha
	if a < 0 || b < 0 || (b+1)*d > len(start) || (a+1)*d > len(start) {
		return quadRef{}
	}
	q.u0 = start[:d]
	q.hasPairs = a != b
	ua, ub := start[a*d:(a+1)*d], start[b*d:(b+1)*d]
	q.startZ1 = q.u0[0]
	for k := 0; k < d; k++ {
		q.uu += q.u0[k] * q.u0[k]
		q.uv += ua[k] * ub[k]
	}
	return q
}

// steps returns the number of SGD steps i = t/alpha (not rounded: the
// curves through the values at the steps are drawn smooth).
func (q *quadRef) steps(t float64) float64 { return t / q.alpha }

// mean returns E z_1 of SGD at time t: u_1 (1 - alpha m1)^i
// (sim.QuadSGDFactors).
func (q *quadRef) mean(t float64) float64 {
	mean, _ := sim.QuadSGDFactors(q.m1, q.m2, q.alpha, q.steps(t))
	return q.startZ1 * mean
}

// second returns E |z|^2 of SGD at time t: |u|^2 (1 - 2 alpha m1 + alpha^2 m2)^i
// (sim.QuadSGDFactors).
func (q *quadRef) second(t float64) float64 {
	_, second := sim.QuadSGDFactors(q.m1, q.m2, q.alpha, q.steps(t))
	return q.uu * second
}

// pair returns E z^(a).z^(b) of the SGD flow at time t:
// u_a.u_b (1 - 2 alpha m1 + alpha^2 m2)^i (sim.QuadSGDFactors).
func (q *quadRef) pair(t float64) float64 {
	_, second := sim.QuadSGDFactors(q.m1, q.m2, q.alpha, q.steps(t))
	return q.uv * second
}
