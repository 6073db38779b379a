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
	twoStats
	npts  int       // the number of starting points
	a, b  int       // the pair of points
	edges []int32   // mesh edges as index pairs
	len0  []float64 // |u_k - u_l| per edge
	exact quadRef
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
	o.resetStats(s, "E z(a).z(b)", "mean stretch")
	start, _ := s.Start()
	d := s.Model().Dim()
	n := len(start) / max(d, 1)
	o.npts = n
	o.edges = meshOf(o.edges[:0], s, n)
	o.len0 = o.len0[:0]
	for e := 0; e+1 < len(o.edges); e += 2 {
		o.len0 = append(o.len0, dist(start, int(o.edges[e]), int(o.edges[e+1]), d))
	}
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
	o.record(s, o.stats)
}

// stats returns z^(a) . z^(b) and the mean stretch of the mesh of replica r
// of tr (NaN if no edge has both ends in it).
func (o *flowObs) stats(tr *sim.Track, r int) (dot, stretch float64) {
	d, n := tr.D, tr.N
	z := tr.Replica(r)
	for c := 0; c < d; c++ {
		dot += z[o.a*d+c] * z[o.b*d+c]
	}
	var st float64
	var ne int
	for e := 0; e+1 < len(o.edges); e += 2 {
		if l0 := o.len0[e/2]; l0 > 0 && int(o.edges[e+1]) < n {
			st += dist(z, int(o.edges[e]), int(o.edges[e+1]), d) / l0
			ne++
		}
	}
	if ne == 0 {
		return dot, math.NaN()
	}
	return dot, st / float64(ne)
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
	out := o.rec.series(o.names)
	if o.exact.ok && o.exact.hasPairs && len(o.rec.bufs) > 0 {
		out = append(out, exactSeries("E z(a).z(b) (SGD, exact)", o.rec.bufs[0].T, o.exact.pair))
	}
	return out
}
