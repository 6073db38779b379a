package scene

import (
	"math"

	"smflow/render/plot"
	"smflow/sim"
	"smflow/sim/stat"
)

// flowObs records two statistics of the n-point motion for every method,
// over the replicas that have not diverged: series 2i is
// E z^(a) . z^(b) for two corners a, b of the grid (a two-point
// correlation; see pickPair), series 2i+1 the mean stretch of the mesh, the
// mean over its edges (k, l) of |z_k - z_l| / |u_k - u_l| (stat.Stretch).
type flowObs struct {
	twoStats
	start []float64 // the starting configuration u (the simulation's)
	d     int       // coordinates per point
	a, b  int       // the pair of points
	edges []int32   // mesh edges as index pairs
	exact quadRef
}

// meshOf returns the edges of the mesh of s's starting points: the grid
// when the points form one, a chain through them in order otherwise.
func meshOf(dst []int32, s *sim.Sim, n int) []int32 {
	gw := gridWidth(s, n)
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
	o.start, o.d = start, d
	o.edges = meshOf(o.edges[:0], s, n)
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
	gw := gridWidth(s, n)
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
			dot, _ := stat.PairDot(start, d, k, l)
			if math.Abs(dot) > best {
				best, a, b = math.Abs(dot), k, l
			}
		}
	}
	return a, b
}

func (o *flowObs) observe(s *sim.Sim) {
	if !o.fits(s) {
		return // not the simulation of the last reset
	}
	o.record(s, o.stats)
}

// stats returns z^(a) . z^(b) and the mean stretch of the mesh of replica r
// of tr, from the images z of the starting points (NaN where undefined: no
// edge with distinct ends, not finite).
func (o *flowObs) stats(tr *sim.Track, r int) (dot, stretch float64) {
	z := tr.Replica(r)
	z = z[:min(len(z), len(o.start))]
	dot, err := stat.PairDot(z, o.d, o.a, o.b)
	if err != nil {
		dot = math.NaN()
	}
	stretch, err = stat.Stretch(z, o.start, o.d, o.edges)
	if err != nil {
		stretch = math.NaN()
	}
	return dot, stretch
}

// fits reports whether s is the simulation of the last reset.
func (o *flowObs) fits(s *sim.Sim) bool {
	if !fits(s, len(o.rec.bufs)/2, len(o.va)) {
		return false
	}
	start, _ := s.Start()
	return len(start) == len(o.start) && s.Model().Dim() == o.d
}

func (o *flowObs) series() []Series {
	out := o.rec.series(o.names)
	if o.exact.ok && o.exact.hasPairs && len(o.rec.bufs) > 0 {
		out = append(out, exactSeries("E z(a).z(b) (SGD, exact)", o.rec.bufs[0].T, o.exact.pair))
	}
	return out
}
