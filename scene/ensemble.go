//go:build js

package scene

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/render"
	"smflow/render/plot"
	"smflow/sim"
	"smflow/sim/stat"
)

// lawBins is the number of histogram bins of the law panel.
const lawBins = 40

// ensembleView draws scene 1: the replicas of every method as clouds in the
// plane (coordinates 1 and 2), the law of z_1 at time t per method, and
// E z_1 and E |z|^2 over time with bands of -/+ 2 standard errors.
type ensembleView struct {
	frame
	obs ensembleObs
	d   int

	plane, law, m1, m2, df     render.Axes
	px, py, lx, ly, r1, r2, rd plot.AutoRange
	sgd                        int // the SGD track, or -1
	dy, dse                    []float64
	hist                       []float64
	col                        []float64 // scratch: z1 of every replica
}

func newEnsembleView() *ensembleView {
	v := &ensembleView{hist: make([]float64, lawBins)}
	v.initFrame(catalog.Ensemble)
	v.plane.Title = "replicas in the plane"
	v.plane.XLabel, v.plane.YLabel = "z1", "z2"
	v.plane.Equal = true
	v.law.XLabel, v.law.YLabel = "z1", "density"
	v.m1.Title, v.m1.XLabel = "E z1 (bands: -/+ 2 SE)", "t = alpha * steps"
	v.m2.Title, v.m2.XLabel = "E |z|^2 (bands: -/+ 2 SE)", "t = alpha * steps"
	v.df.XLabel = "t = alpha * steps"
	v.ly.Zero = true
	return v
}

func (v *ensembleView) Reset(s *sim.Sim) {
	v.resetFrame(s)
	v.obs.reset(s)
	v.d = s.Model().Dim()
	v.law.Title = "law of z1 at time t"
	if v.d == 1 {
		v.law.XLabel = "z"
		v.m1.Title = "E z (bands: -/+ 2 SE)"
		v.m2.Title = "E z^2 (bands: -/+ 2 SE)"
		v.law.Title = "law of z at time t"
	}
	if v.obs.n > 1 {
		v.plane.Title = "replicas of the " + strconv.Itoa(v.obs.n) + " points in the plane"
		v.law.Title += " (all " + strconv.Itoa(v.obs.n) + " points)"
	} else {
		v.plane.Title = "replicas in the plane"
	}
	v.sgd = -1
	for i, tr := range s.Tracks() {
		if tr.Method == sim.SGD && v.sgd < 0 {
			v.sgd = i
		}
	}
	switch {
	case v.obs.exact.ok && v.d == 1:
		v.df.Title = "weak error: E z^2 minus exact SGD"
	case v.obs.exact.ok:
		v.df.Title = "weak error: E |z|^2 minus exact SGD"
	case v.d == 1:
		v.df.Title = "E z^2 minus SGD's (bands: -/+ 2 SE)"
	default:
		v.df.Title = "E |z|^2 minus SGD's (bands: -/+ 2 SE)"
	}
	for _, ar := range []*plot.AutoRange{&v.px, &v.py, &v.lx, &v.ly, &v.r1, &v.r2, &v.rd} {
		ar.Reset()
	}
	// At t = 0 the replicas sit on one point: the planes and the law show
	// a quarter of the problem's default view around it, not a pin-prick.
	sc := modelScale(s)
	v.px.Floor, v.py.Floor, v.lx.Floor = 0.25*sc, 0.25*sc, 0.25*sc
	if v.obs.exact.ok {
		v.extra = append(v.extra, legendItem{label: "SGD, exact", c: plot.Muted})
	}
}

func (v *ensembleView) Observe(s *sim.Sim) { v.obs.observe(s) }

func (v *ensembleView) Series() []Series { return v.obs.series() }

func (v *ensembleView) Draw(dst *ebiten.Image, s *sim.Sim, scale float64) {
	v.begin(dst, s, scale)
	defer v.end()
	if !v.obs.fits(s) || len(v.obs.rec.bufs) == 0 {
		return // no simulation, or not the one of the last Reset
	}
	aspect := 1.25
	diff := v.obs.exact.ok || v.sgd >= 0
	n := 3
	if v.d >= 2 {
		n++
	}
	if diff {
		n++
	}
	rs := v.panels(n, aspect)
	if v.d >= 2 {
		v.drawPlane(s, rs[0])
		rs = rs[1:]
	}
	v.drawLaw(s, rs[0])
	v.drawMoment(s, &v.m1, &v.r1, 0, rs[1])
	v.drawMoment(s, &v.m2, &v.r2, 1, rs[2])
	if diff {
		v.drawDiff(s, rs[3])
	}
}

// drawDiff draws the weak error of E |z|^2 of every method: its difference
// to the exact SGD value (quadratic problem), or to the SGD ensemble's
// estimate, with bands of -/+ 2 standard errors (of both estimates).
func (v *ensembleView) drawDiff(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.df, v.p, v.em
	a.Place(r, em)
	a.Tr.X = timeAxis(s)
	ex := &v.obs.exact
	lo, hi := 0.0, 0.0
	// Two passes: the range first, then the curves.
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			v.rd.Floor = 1e-3 * axisScale(v.r2.Axis)
			v.rd.Update(lo, hi)
			a.Tr.Y = v.rd.Axis
			if !a.Tr.Y.Valid() {
				a.Tr.Y = plot.Axis{Min: -1, Max: 1}
			}
			a.Draw(p, em, v.s)
			p.Clip(a.Area())
			y0 := a.Tr.Py(0)
			p.Line(a.Area().X, y0, a.Area().MaxX(), y0, v.s, plot.Muted)
			p.NoClip()
		}
		for j := len(v.colors)*v.obs.n - 1; j >= 0; j-- {
			i, pt := j/v.obs.n, j%v.obs.n
			if i == v.sgd && !ex.ok {
				continue
			}
			b := v.obs.buf(i, pt, 1)
			if c := cap(b.T); cap(v.dy) < c {
				v.dy, v.dse = make([]float64, 0, c), make([]float64, 0, c)
			}
			v.dy, v.dse = v.dy[:0], v.dse[:0]
			for k, t := range b.T {
				y, se := b.Y[k], b.SE[k]
				if ex.ok {
					y -= v.obs.exactAt(pt, 1, t)
				} else {
					ref := v.obs.buf(v.sgd, pt, 1)
					if k >= ref.Len() {
						break
					}
					e := stat.Diff(stat.Estimate{Mean: y, SE: se}, stat.Estimate{Mean: ref.Y[k], SE: ref.SE[k]})
					y, se = e.Mean, e.SE
				}
				v.dy = append(v.dy, y)
				v.dse = append(v.dse, se)
				if pass == 0 && y-y == 0 && se-se == 0 {
					lo, hi = min(lo, y-2*se), max(hi, y+2*se)
				}
			}
			if pass == 1 {
				v.xs, v.lo, v.hi = a.Series(p, b.T[:len(v.dy)], v.dy, v.dse, 2, 1.8*v.s, v.colors[i], v.xs, v.lo, v.hi)
			}
		}
	}
}

// cloudRange updates the range ar with coordinate c of every point of
// every replica that has not diverged, joined with [lo, hi] (if lo <= hi),
// and returns its axis.
func cloudRange(s *sim.Sim, ar *plot.AutoRange, c int, lo, hi float64) plot.Axis {
	if !(lo <= hi) {
		lo, hi = math.Inf(1), math.Inf(-1)
	}
	for _, tr := range s.Tracks() {
		per := tr.N * tr.D
		for r := 0; r < tr.Reps; r++ {
			if tr.DivergedAt[r] >= 0 {
				continue
			}
			for k := 0; k < tr.N; k++ {
				x := tr.Z[r*per+k*tr.D+c]
				lo, hi = min(lo, x), max(hi, x)
			}
		}
	}
	ar.Update(lo, hi)
	if !ar.Axis.Valid() {
		return plot.Axis{Min: -1, Max: 1}
	}
	return ar.Axis
}

func (v *ensembleView) drawPlane(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.plane, v.p, v.em
	a.Place(r, em)
	start, _ := s.Start()
	d := v.d
	// The range of the starting points, which the rings mark.
	lx, hx, ly, hy := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for k := 0; (k+1)*d <= len(start); k++ {
		lx, hx = min(lx, start[k*d]), max(hx, start[k*d])
		ly, hy = min(ly, start[k*d+1]), max(hy, start[k*d+1])
	}
	a.Tr.X = cloudRange(s, &v.px, 0, lx, hx)
	a.Tr.Y = cloudRange(s, &v.py, 1, ly, hy)
	a.Tr.Equal()
	v.notePlane(a, -1, true)
	a.Draw(p, em, v.s)
	p.Clip(a.Area())
	for k := 0; (k+1)*d <= len(start); k++ {
		p.Ring(a.Tr.Px(start[k*d]), a.Tr.Py(start[k*d+1]), 0.45*em, 1.2*v.s, plot.Muted)
	}
	rad := 1.7 * v.s
	for i, tr := range s.Tracks() {
		c := v.colors[i]
		per := tr.N * tr.D
		if tr.Reps == 1 {
			for k := 0; k < tr.N; k++ {
				z := tr.Z[k*tr.D : k*tr.D+2]
				p.Dot(a.Tr.Px(z[0]), a.Tr.Py(z[1]), 0.42*em, plot.Background)
				p.Dot(a.Tr.Px(z[0]), a.Tr.Py(z[1]), 0.32*em, c)
			}
			continue
		}
		cc := plot.Fade(c, cloudAlpha(tr.Reps))
		for r := 0; r < tr.Reps; r++ {
			if tr.DivergedAt[r] >= 0 {
				continue
			}
			for k := 0; k < tr.N; k++ {
				z := tr.Z[r*per+k*tr.D:]
				p.Dot(a.Tr.Px(z[0]), a.Tr.Py(z[1]), rad, cc)
			}
		}
	}
	p.NoClip()
}

// cloudAlpha returns the opacity of one replica's dot in a cloud of n.
func cloudAlpha(n int) float64 { return min(0.8, max(0.18, 12/math.Sqrt(float64(n)))) }

func (v *ensembleView) drawLaw(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.law, v.p, v.em
	a.Place(r, em)
	a.Tr.X = cloudRange(s, &v.lx, 0, math.NaN(), math.NaN())
	lo, hi := a.Tr.X.Min, a.Tr.X.Max
	width := (hi - lo) / lawBins
	// The largest density first, for the y range.
	top := 0.0
	for _, tr := range s.Tracks() {
		if tr.Reps < 2 {
			continue
		}
		stat.Histogram(v.hist, v.firstCoords(tr), lo, hi) // lo < hi: the axis is valid
		for _, h := range v.hist {
			top = max(top, h/(float64(tr.Reps*tr.N)*width))
		}
	}
	v.ly.Update(0, max(top, 1e-12))
	a.Tr.Y = v.ly.Axis
	a.Draw(p, em, v.s)
	p.Clip(a.Area())
	for i, tr := range s.Tracks() {
		c := v.colors[i]
		if tr.Reps < 2 {
			// One run: a vertical line at the value of every point.
			for k := 0; k < tr.N; k++ {
				x := a.Tr.Px(tr.Z[k*tr.D])
				p.Line(x, a.Area().Y, x, a.Area().MaxY(), 2*v.s, c)
			}
			continue
		}
		stat.Histogram(v.hist, v.firstCoords(tr), lo, hi)
		v.drawHistogram(a, v.hist, float64(tr.Reps*tr.N), lo, hi, c)
	}
	p.NoClip()
}

// firstCoords returns z1, the first coordinate, of every point of every
// replica of tr (in v.col, reused).
func (v *ensembleView) firstCoords(tr *sim.Track) []float64 {
	v.col = v.col[:0]
	for r := 0; r < tr.Reps; r++ {
		for k := 0; k < tr.N; k++ {
			v.col = append(v.col, tr.Z[(r*tr.N+k)*tr.D])
		}
	}
	return v.col
}

// drawMoment draws E z1 (q = 0) or E |z|^2 (q = 1) of every method and
// every point (the first track on top), with bands of -/+ 2 standard
// errors and the exact SGD curve of every point on the quadratic problem.
func (v *ensembleView) drawMoment(s *sim.Sim, a *render.Axes, ar *plot.AutoRange, q int, r plot.Rect) {
	o := &v.obs
	nExact := 0
	if o.exact.ok {
		nExact = o.n
	}
	v.drawTracks(s, a, ar, r, o.rec.bufs, q, o.n, nExact, func(k int, t float64) float64 { return o.exactAt(k, q, t) })
}
