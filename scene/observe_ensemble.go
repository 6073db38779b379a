package scene

import (
	"strconv"

	"smflow/render/plot"
	"smflow/sim"
)

// ensembleObs records, for every method and every one of the n points,
// E z_1 and E |z|^2 of the point over the replicas that have not diverged,
// with standard errors: series 2(i n + k) and 2(i n + k) + 1 belong to
// point k of track i.
type ensembleObs struct {
	twoStats
	exact  quadRef   // the closed form of the first point
	tracks int       // the number of tracks of the last reset
	n      int       // the number of points of the last reset
	z1, uu []float64 // per point: its first coordinate and |u|^2 (exact)
}

func (o *ensembleObs) reset(s *sim.Sim) {
	tracks := s.Tracks()
	o.tracks, o.n = len(tracks), 1
	if len(tracks) > 0 {
		o.n = max(tracks[0].N, 1)
	}
	o.rec.reset(s.Config().T, 2*len(tracks)*o.n)
	o.names = o.names[:0]
	reps := 0
	for _, tr := range tracks {
		reps = max(reps, tr.Reps)
		l := tr.Method.Label()
		for k := 0; k < o.n; k++ {
			suffix := " (" + l + ")"
			if o.n > 1 {
				suffix = " (" + l + ", point " + strconv.Itoa(k+1) + ")"
			}
			o.names = append(o.names, "E z1"+suffix, "E |z|^2"+suffix)
		}
	}
	o.va = make([]float64, reps)
	o.vb = make([]float64, reps)
	o.keep = make([]bool, reps)
	o.exact = quadRefOf(s)
	o.z1, o.uu = o.z1[:0], o.uu[:0]
	if o.exact.ok {
		start, _ := s.Start()
		d := s.Model().Dim()
		for k := 0; k < o.n && (k+1)*d <= len(start); k++ {
			u := start[k*d : (k+1)*d]
			uu := 0.0
			for _, x := range u {
				uu += x * x
			}
			o.z1, o.uu = append(o.z1, u[0]), append(o.uu, uu)
		}
		if len(o.z1) < o.n {
			o.exact.ok = false
		}
	}
	o.observe(s)
}

// fits reports whether s is the simulation of the last reset.
func (o *ensembleObs) fits(s *sim.Sim) bool {
	if !fits(s, o.tracks, len(o.va)) {
		return false
	}
	for _, tr := range s.Tracks() {
		if tr.N != o.n {
			return false
		}
	}
	return true
}

func (o *ensembleObs) observe(s *sim.Sim) {
	if !o.fits(s) {
		return // not the simulation of the last reset
	}
	t := s.Time()
	if !o.rec.due(t) {
		return
	}
	for i, tr := range s.Tracks() {
		for k := 0; k < o.n; k++ {
			for r := 0; r < tr.Reps; r++ {
				z := tr.Replica(r)[k*tr.D : (k+1)*tr.D]
				sq := 0.0
				for _, v := range z {
					sq += v * v
				}
				o.va[r], o.vb[r] = z[0], sq
				o.keep[r] = tr.DivergedAt[r] < 0
			}
			j := 2 * (i*o.n + k)
			m, se := meanSE(o.va[:tr.Reps], o.keep[:tr.Reps])
			o.rec.bufs[j].Add(t, m, se)
			m, se = meanSE(o.vb[:tr.Reps], o.keep[:tr.Reps])
			o.rec.bufs[j+1].Add(t, m, se)
		}
	}
}

// buf returns the series q (0: E z1, 1: E |z|^2) of point k of track i.
func (o *ensembleObs) buf(i, k, q int) *plot.Buffer { return o.rec.bufs[2*(i*o.n+k)+q] }

// exactAt returns the closed form of E z1 (q = 0) or E |z|^2 (q = 1) of
// SGD from point k at time t (o.exact.ok).
func (o *ensembleObs) exactAt(k, q int, t float64) float64 {
	mean, second := sim.QuadSGDFactors(o.exact.m1, o.exact.m2, o.exact.alpha, o.exact.steps(t))
	if q == 0 {
		return o.z1[k] * mean
	}
	return o.uu[k] * second
}

func (o *ensembleObs) series() []Series {
	out := o.rec.series(o.names)
	if o.exact.ok && len(o.rec.bufs) > 0 {
		t := o.rec.bufs[0].T
		for k := 0; k < o.n; k++ {
			suffix := " (SGD, exact)"
			if o.n > 1 {
				suffix = " (SGD, point " + strconv.Itoa(k+1) + ", exact)"
			}
			out = append(out,
				exactSeries("E z1"+suffix, t, func(t float64) float64 { return o.exactAt(k, 0, t) }),
				exactSeries("E |z|^2"+suffix, t, func(t float64) float64 { return o.exactAt(k, 1, t) }))
		}
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
