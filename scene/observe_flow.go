package scene

import (
	"math"

	"smflow/render/plot"
	"smflow/sim"
)

// flowObs records two statistics of the n-point motion for every method,
// over the replicas that have not diverged: series 2i is
// E z^(a) . z^(b) for two corners a, b of the grid (a two-point
// correlation; see pickPair), series 2i+1 the mean stretch of the mesh, the
// mean over its edges (k, l) of |z_k - z_l| / |u_k - u_l|.
type flowObs struct {
	rec    recorder
	npts   int       // the number of starting points
	a, b   int       // the pair of points
	edges  []int32   // mesh edges as index pairs
	len0   []float64 // |u_k - u_l| per edge
	va, vb []float64 // scratch per replica
	keep   []bool
	names  []string
	exact  quadRef
}

// meshOf returns the edges of the mesh of s's starting points: the grid
// when the points form one, a chain through them in order otherwise.
func meshOf(dst []int32, s *sim.Sim, n int) []int32 {
	gw, _ := s.Grid()
	if gw <= 0 || gw > n {
		gw = n
	}
	return plot.MeshEdges(dst, gw, n)
}

func (o *flowObs) reset(s *sim.Sim) {
	tracks := s.Tracks()
	o.rec.reset(s.Config().T, 2*len(tracks))
	start, _ := s.Start()
	d := s.Model().Dim()
	n := len(start) / max(d, 1)
	o.npts = n
	o.edges = meshOf(o.edges[:0], s, n)
	o.len0 = o.len0[:0]
	for e := 0; e+1 < len(o.edges); e += 2 {
		o.len0 = append(o.len0, dist(start, int(o.edges[e]), int(o.edges[e+1]), d))
	}
	o.names = o.names[:0]
	reps := 0
	for _, tr := range tracks {
		reps = max(reps, tr.Reps)
		l := tr.Method.Label()
		o.names = append(o.names, "E z(a).z(b) ("+l+")", "mean stretch ("+l+")")
	}
	o.va = make([]float64, reps)
	o.vb = make([]float64, reps)
	o.keep = make([]bool, reps)
	o.a, o.b = pickPair(s, start, n, d)
	o.exact = quadRefPair(s, o.a, o.b)
	o.observe(s)
}

// pickPair returns the two corners of the grid of starting points (the
// first and last of a chain) whose product |u_a . u_b| is largest, so that
// E z^(a) . z^(b) stands well above its noise.
func pickPair(s *sim.Sim, start []float64, n, d int) (a, b int) {
	if n < 2 {
		return 0, 0
	}
	gw, _ := s.Grid()
	corners := [4]int{0, n - 1, 0, n - 1}
	if gw > 1 && gw < n {
		corners = [4]int{0, gw - 1, (n - 1) / gw * gw, n - 1}
	}
	a, b = 0, n-1
	best := -1.0
	for i := 0; i < 4; i++ {
		for j := i + 1; j < 4; j++ {
			k, l := corners[i], corners[j]
			if k == l {
				continue
			}
			var dot float64
			for c := 0; c < d; c++ {
				dot += start[k*d+c] * start[l*d+c]
			}
			if math.Abs(dot) > best {
				best, a, b = math.Abs(dot), k, l
			}
		}
	}
	return a, b
}

// dist returns |z_k - z_l| for points of d coordinates.
func dist(z []float64, k, l, d int) float64 {
	var q float64
	for c := 0; c < d; c++ {
		v := z[k*d+c] - z[l*d+c]
		q += v * v
	}
	return math.Sqrt(q)
}

func (o *flowObs) observe(s *sim.Sim) {
	if !o.fits(s) {
		return // not the simulation of the last reset
	}
	t := s.Time()
	if !o.rec.due(t) {
		return
	}
	for i, tr := range s.Tracks() {
		d, n := tr.D, tr.N
		for r := 0; r < tr.Reps; r++ {
			z := tr.Replica(r)
			var dot float64
			for c := 0; c < d; c++ {
				dot += z[o.a*d+c] * z[o.b*d+c]
			}
			o.va[r] = dot
			var st float64
			var ne int
			for e := 0; e+1 < len(o.edges); e += 2 {
				if l0 := o.len0[e/2]; l0 > 0 && int(o.edges[e+1]) < n {
					st += dist(z, int(o.edges[e]), int(o.edges[e+1]), d) / l0
					ne++
				}
			}
			if ne > 0 {
				o.vb[r] = st / float64(ne)
			} else {
				o.vb[r] = math.NaN()
			}
			o.keep[r] = tr.DivergedAt[r] < 0
		}
		m, se := meanSE(o.va[:tr.Reps], o.keep[:tr.Reps])
		o.rec.bufs[2*i].Add(t, m, se)
		m, se = meanSE(o.vb[:tr.Reps], o.keep[:tr.Reps])
		o.rec.bufs[2*i+1].Add(t, m, se)
	}
}

// fits reports whether s is the simulation of the last reset.
func (o *flowObs) fits(s *sim.Sim) bool {
	if !fits(s, len(o.rec.bufs)/2, len(o.va)) {
		return false
	}
	start, _ := s.Start()
	return len(start) == o.npts*s.Model().Dim()
}

func (o *flowObs) series() []Series {
	var out []Series
	for i, b := range o.rec.bufs {
		out = append(out, seriesOf(o.names[i], b.T, b.Y, b.SE))
	}
	if o.exact.ok && o.exact.hasPairs && len(o.rec.bufs) > 0 {
		t := o.rec.bufs[0].T
		y := make([]float64, len(t))
		for k, tk := range t {
			y[k] = o.exact.pair(tk)
		}
		out = append(out, Series{Name: "E z(a).z(b) (SGD, exact)", T: append([]float64(nil), t...), Y: y, SE: make([]float64, len(t))})
	}
	return out
}
