//go:build js

package scene

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/render"
	"smflow/render/plot"
	"smflow/sim"
)

// flowView draws scene 2: the grid of starting points carried by every
// method (the first replica), drawn as a deforming mesh in one panel per
// method on shared axes, and two statistics of the n-point motion over
// time: E z(a).z(b) for the first and last point, and the mean stretch of
// the mesh. In one dimension a panel shows the flow map u -> Z_t(u).
type flowView struct {
	frame
	obs   flowObs
	d     int
	mesh  []render.Axes
	pair  render.Axes
	str   render.Axes
	mx    plot.AutoRange
	my    plot.AutoRange
	rp    plot.AutoRange
	rs    plot.AutoRange
	order []int32 // points sorted by starting value (d = 1)
}

func newFlowView() *flowView {
	v := &flowView{}
	v.initFrame(catalog.Flow)
	v.pair.Title, v.pair.XLabel = "E z(a) . z(b), a and b the ringed corners", "t = alpha * steps"
	v.str.Title, v.str.XLabel = "mean stretch of the mesh edges", "t = alpha * steps"
	return v
}

func (v *flowView) Reset(s *sim.Sim) {
	v.resetFrame(s)
	v.obs.reset(s)
	v.d = s.Model().Dim()
	tracks := s.Tracks()
	v.mesh = make([]render.Axes, len(tracks))
	for i, tr := range tracks {
		a := &v.mesh[i]
		switch {
		case tr.Method == sim.SGD:
			a.Title = "SGD flow: one xi sequence"
		case tr.Method == sim.SMF:
			a.Title = "SMF: one shared noise"
		case tr.Method == sim.SME1 || tr.Method == sim.SME2:
			a.Title = tr.Method.Label() + ": independent noises"
		default:
			a.Title = tr.Method.Label()
		}
		a.XLabel, a.YLabel = "z1", "z2"
		if v.d == 1 {
			a.XLabel, a.YLabel = "starting point u", "Z_t(u)"
		}
	}
	for _, ar := range []*plot.AutoRange{&v.mx, &v.my, &v.rp, &v.rs} {
		ar.Reset()
	}
	if v.d == 1 {
		start, _ := s.Start()
		v.order = v.order[:0]
		for k := range start {
			v.order = append(v.order, int32(k))
		}
		// Insertion sort by starting value (n is small).
		for i := 1; i < len(v.order); i++ {
			for j := i; j > 0 && start[v.order[j]] < start[v.order[j-1]]; j-- {
				v.order[j], v.order[j-1] = v.order[j-1], v.order[j]
			}
		}
	}
	if v.obs.exact.ok && v.obs.exact.hasPairs {
		v.extra = append(v.extra, legendItem{label: "SGD, exact", c: plot.Muted})
	}
}

func (v *flowView) Observe(s *sim.Sim) { v.obs.observe(s) }

func (v *flowView) Series() []Series { return v.obs.series() }

func (v *flowView) Draw(dst *ebiten.Image, s *sim.Sim, scale float64) {
	v.begin(dst, s, scale)
	defer v.end()
	if !v.obs.fits(s) || len(v.mesh) != len(s.Tracks()) {
		return // no simulation, or not the one of the last Reset
	}
	n := len(v.mesh)
	rs := v.panels(n+2, 1.15)
	v.meshRange(s)
	for i := range v.mesh {
		v.drawMesh(s, i, rs[i])
	}
	v.drawStat(s, &v.pair, &v.rp, 0, rs[n])
	v.drawStat(s, &v.str, &v.rs, 1, rs[n+1])
}

// meshRange updates the shared ranges of the mesh panels: every point of
// the first replica of every method (in one dimension: the starting values
// and the values now).
func (v *flowView) meshRange(s *sim.Sim) {
	start, _ := s.Start()
	if v.d == 1 {
		ulo, uhi := plot.MinMax(start, 0, 1)
		v.mx.Update(ulo, uhi)
		lo, hi := ulo, uhi
		for _, tr := range s.Tracks() {
			l, h := plot.MinMax(tr.Replica(0), 0, 1)
			if l == l {
				lo, hi = min(lo, l), max(hi, h)
			}
		}
		v.my.Update(lo, hi)
		return
	}
	// Zoom to the meshes (all panels share the range, so that they compare).
	for c, ar := range [2]*plot.AutoRange{&v.mx, &v.my} {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, tr := range s.Tracks() {
			l, h := plot.MinMax(tr.Replica(0), c, tr.D)
			if l == l {
				lo, hi = min(lo, l), max(hi, h)
			}
		}
		if lo > hi { // every method diverged: show the start
			lo, hi = plot.MinMax(start, c, v.d)
		}
		ar.Update(lo, hi)
	}
}

func (v *flowView) drawMesh(s *sim.Sim, i int, r plot.Rect) {
	a, p, em := &v.mesh[i], v.p, v.em
	tr := s.Tracks()[i]
	a.Place(r, em)
	a.Tr.X, a.Tr.Y = v.mx.Axis, v.my.Axis
	if !a.Tr.X.Valid() || !a.Tr.Y.Valid() {
		a.Tr.X, a.Tr.Y = plot.Axis{Min: -1, Max: 1}, plot.Axis{Min: -1, Max: 1}
	}
	a.Equal = v.d >= 2
	if a.Equal {
		a.Tr.Equal()
		v.notePlane(a, i, true)
	}
	a.Draw(p, em, v.s)
	c := v.colors[i]
	z := tr.Replica(0)
	start, _ := s.Start()
	p.Clip(a.Area())
	if v.d == 1 {
		// The flow map u -> Z_t(u): the identity in grey, the map in colour.
		xs := v.xs[:0]
		for _, k := range v.order {
			xs = append(xs, a.Tr.Px(start[k]), a.Tr.Py(start[k]))
		}
		p.Polyline(xs, 1.2*v.s, plot.GridLine)
		xs = xs[:0]
		for _, k := range v.order {
			if int(k) < tr.N {
				xs = append(xs, a.Tr.Px(start[k]), a.Tr.Py(z[k]))
			}
		}
		p.Polyline(xs, 1.8*v.s, c)
		for q := 0; q+1 < len(xs); q += 2 {
			p.Dot(xs[q], xs[q+1], 1.8*v.s, c)
		}
		v.xs = xs
	} else {
		d := tr.D
		e := v.obs.edges
		for q := 0; q+1 < len(e); q += 2 {
			k, l := int(e[q]), int(e[q+1])
			if l >= tr.N {
				continue
			}
			p.Line(a.Tr.Px(z[k*d]), a.Tr.Py(z[k*d+1]), a.Tr.Px(z[l*d]), a.Tr.Py(z[l*d+1]), 1.3*v.s, plot.Fade(c, 0.85))
		}
		for k := 0; k < tr.N; k++ {
			p.Dot(a.Tr.Px(z[k*d]), a.Tr.Py(z[k*d+1]), 1.6*v.s, c)
		}
		// The pair of the two-point statistic.
		for _, k := range [2]int{v.obs.a, v.obs.b} {
			if k >= tr.N {
				continue
			}
			p.Ring(a.Tr.Px(z[k*d]), a.Tr.Py(z[k*d+1]), 0.45*em, 1.5*v.s, c)
		}
	}
	p.NoClip()
	v.diverged(s, i, a.Area())
}

// drawStat draws E z(a).z(b) (q = 0, with the exact SGD curve on the
// quadratic problem) or the mean stretch (q = 1) of every method.
func (v *flowView) drawStat(s *sim.Sim, a *render.Axes, ar *plot.AutoRange, q int, r plot.Rect) {
	ex := &v.obs.exact
	nExact := 0
	if q == 0 && ex.ok && ex.hasPairs {
		nExact = 1
	}
	v.drawTracks(s, a, ar, r, v.obs.rec.bufs, q, 1, nExact, func(_ int, t float64) float64 { return ex.pair(t) })
}
