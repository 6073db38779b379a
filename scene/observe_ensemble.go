package scene

import (
	"math"

	"smflow/sim"
)

// ensembleObs records, for every method, E z_1 and E |z|^2 of the first
// point over the replicas that have not diverged, with standard errors:
// series 2i and 2i+1 belong to track i.
type ensembleObs struct {
	rec   recorder
	a, b  []float64 // scratch: z_1 and |z|^2 per replica
	keep  []bool
	names []string
	exact quadRef
}

func (o *ensembleObs) reset(s *sim.Sim) {
	tracks := s.Tracks()
	o.rec.reset(s.Config().T, 2*len(tracks))
	o.names = o.names[:0]
	reps := 0
	for _, tr := range tracks {
		reps = max(reps, tr.Reps)
		l := tr.Method.Label()
		o.names = append(o.names, "E z1 ("+l+")", "E |z|^2 ("+l+")")
	}
	o.a = make([]float64, reps)
	o.b = make([]float64, reps)
	o.keep = make([]bool, reps)
	o.exact = quadRefOf(s)
	o.observe(s)
}

func (o *ensembleObs) observe(s *sim.Sim) {
	if !fits(s, len(o.rec.bufs)/2, len(o.a)) {
		return // not the simulation of the last reset
	}
	t := s.Time()
	if !o.rec.due(t) {
		return
	}
	for i, tr := range s.Tracks() {
		d, per := tr.D, tr.N*tr.D
		for r := 0; r < tr.Reps; r++ {
			z := tr.Z[r*per : r*per+d]
			o.a[r] = z[0]
			var q float64
			for _, v := range z {
				q += v * v
			}
			o.b[r] = q
			o.keep[r] = tr.DivergedAt[r] < 0
		}
		m, se := meanSE(o.a[:tr.Reps], o.keep[:tr.Reps])
		o.rec.bufs[2*i].Add(t, m, se)
		m, se = meanSE(o.b[:tr.Reps], o.keep[:tr.Reps])
		o.rec.bufs[2*i+1].Add(t, m, se)
	}
}

func (o *ensembleObs) series() []Series {
	var out []Series
	for i, b := range o.rec.bufs {
		out = append(out, seriesOf(o.names[i], b.T, b.Y, b.SE))
	}
	if o.exact.ok && len(o.rec.bufs) > 0 {
		t := o.rec.bufs[0].T
		y1 := make([]float64, len(t))
		y2 := make([]float64, len(t))
		for k, tk := range t {
			y1[k], y2[k] = o.exact.mean(tk), o.exact.second(tk)
		}
		out = append(out,
			Series{Name: "E z1 (SGD, exact)", T: append([]float64(nil), t...), Y: y1, SE: make([]float64, len(t))},
			Series{Name: "E |z|^2 (SGD, exact)", T: append([]float64(nil), t...), Y: y2, SE: make([]float64, len(t))})
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

// mean returns E z_1 of SGD at time t: u_1 (1 - alpha m1)^i.
func (q *quadRef) mean(t float64) float64 {
	return q.startZ1 * math.Pow(1-q.alpha*q.m1, q.steps(t))
}

// second returns E |z|^2 of SGD at time t: |u|^2 (1 - 2 alpha m1 + alpha^2 m2)^i.
func (q *quadRef) second(t float64) float64 {
	return q.uu * math.Pow(1-2*q.alpha*q.m1+q.alpha*q.alpha*q.m2, q.steps(t))
}

// pair returns E z^(a).z^(b) of the SGD flow at time t:
// u_a.u_b (1 - 2 alpha m1 + alpha^2 m2)^i.
func (q *quadRef) pair(t float64) float64 {
	return q.uv * math.Pow(1-2*q.alpha*q.m1+q.alpha*q.alpha*q.m2, q.steps(t))
}
