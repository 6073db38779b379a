//go:build js

package scene

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/render"
	"smflow/render/plot"
	"smflow/sim"
	"smflow/sim/stat"
)

// fluctView draws scene 4: the law over replicas of the network's risk
// under every method: its mean with a band of -/+ one standard deviation
// (the spread, not the error of the mean), its histogram at the last
// recorded time, its standard deviation over time, and the Wasserstein-1
// distance of each method's law to SGD's. The mean-field ODE has no
// randomness: its law is a point mass.
//
// The W1 panel shows the distances against their sampling floor (see
// fluctObs): a grey band up to the top of the floor's 95% band, with the
// floor's mean dashed. A distance is drawn faded where it lies within the
// band and solid where it rises above it, and the panel says which
// distances are within sampling noise at the last recorded time.
type fluctView struct {
	frame
	obs                fluctObs
	mean, law, sd, w1  render.Axes
	rm, lx, ly, rs, rw plot.AutoRange
	hist               []float64
	withinText         []string  // per track: "DD-SMF: within sampling noise"
	dash               []float64 // scratch of the dashed floor
}

func newFluctView() *fluctView {
	v := &fluctView{hist: make([]float64, 30)}
	v.initFrame(catalog.Fluct)
	v.mean.Title, v.mean.XLabel = "risk over the runs: mean, band -/+ 1 sd", "t = alpha * steps"
	v.law.Title, v.law.XLabel, v.law.YLabel = "law of the risk over the runs at time t", "risk", "density"
	v.sd.Title, v.sd.XLabel = "spread: sd of the risk over the runs", "t = alpha * steps"
	v.w1.Title, v.w1.XLabel = "W1 between the law of the risk and SGD's", "t = alpha * steps"
	v.ly.Zero, v.rs.Zero, v.rw.Zero = true, true, true
	return v
}

func (v *fluctView) Reset(s *sim.Sim) {
	v.resetFrame(s)
	v.obs.reset(s)
	v.withinText = v.withinText[:0]
	for _, l := range v.labels {
		v.withinText = append(v.withinText, l+": within sampling noise")
	}
	if v.obs.floor >= 0 {
		v.extra = append(v.extra, legendItem{label: floorLegend, c: floorColor})
	}
	for _, ar := range []*plot.AutoRange{&v.rm, &v.lx, &v.ly, &v.rs, &v.rw} {
		ar.Reset()
	}
}

func (v *fluctView) Observe(s *sim.Sim) { v.obs.observe(s) }

func (v *fluctView) Series() []Series { return v.obs.series() }

func (v *fluctView) Draw(dst *ebiten.Image, s *sim.Sim, scale float64) {
	v.begin(dst, s, scale)
	defer v.end()
	if !v.obs.fits(s) || len(v.obs.rec.bufs) == 0 {
		return // no simulation, or not the one of the last Reset
	}
	n := 3
	if v.obs.sgd >= 0 && v.obs.nTrack > 1 {
		n = 4
	}
	rs := v.panels(n, 1.3)
	v.drawMean(s, rs[0])
	v.drawLaw(s, rs[1])
	v.drawSD(s, rs[2])
	if n == 4 {
		v.drawW1(s, rs[3])
	}
}

func (v *fluctView) drawMean(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.mean, v.p, v.em
	a.Place(r, em)
	a.Tr.X = timeAxis(s)
	bufs := v.obs.rec.bufs
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 0; i < v.obs.nTrack; i++ {
		m, sd := bufs[2*i], bufs[2*i+1]
		for k := range m.Y {
			if y, d := m.Y[k], sd.Y[k]; y-y == 0 && d-d == 0 {
				lo, hi = min(lo, y-d), max(hi, y+d)
			}
		}
	}
	if lo <= hi {
		v.rm.Update(lo, hi)
	}
	a.Tr.Y = validOr(v.rm.Axis, plot.Axis{Min: 0, Max: 1})
	a.Draw(p, em, v.s)
	for i := v.obs.nTrack - 1; i >= 0; i-- {
		m, sd := bufs[2*i], bufs[2*i+1]
		// The band is the spread: -/+ 1 sd, passed as the "se" with k = 1.
		v.xs, v.lo, v.hi = a.Series(p, m.T, m.Y, sd.Y[:m.Len()], 1, 1.8*v.s, v.colors[i], v.xs, v.lo, v.hi)
	}
}

// validOr returns a, or b if a is not a valid axis.
func validOr(a, b plot.Axis) plot.Axis {
	if a.Valid() {
		return a
	}
	return b
}

func (v *fluctView) drawLaw(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.law, v.p, v.em
	a.Place(r, em)
	o := &v.obs
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 0; i < o.nTrack; i++ {
		l, h := plot.MinMax(o.risk[i][:o.n[i]], 0, 1)
		if l == l {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	if lo <= hi {
		// Runs that start alike: a tenth of the risk's size, not a spike.
		v.lx.Floor = 0.1 * axisScale(v.rm.Axis)
		v.lx.Update(lo, hi)
	}
	a.Tr.X = validOr(v.lx.Axis, plot.Axis{Min: 0, Max: 1})
	x0, x1 := a.Tr.X.Min, a.Tr.X.Max
	width := (x1 - x0) / float64(len(v.hist))
	top := 0.0
	for i := 0; i < o.nTrack; i++ {
		if k := o.n[i]; k > 1 {
			stat.Histogram(v.hist, o.risk[i][:k], x0, x1) // x0 < x1: the axis is valid
			for _, h := range v.hist {
				top = max(top, h/(float64(k)*width))
			}
		}
	}
	v.ly.Update(0, max(top, 1e-12))
	a.Tr.Y = validOr(v.ly.Axis, plot.Axis{Min: 0, Max: 1})
	a.Draw(p, em, v.s)
	p.Clip(a.Area())
	for i := 0; i < o.nTrack; i++ {
		k := o.n[i]
		c := v.colors[i]
		switch {
		case k == 1: // a point mass
			x := a.Tr.Px(o.risk[i][0])
			p.Line(x, a.Area().Y, x, a.Area().MaxY(), 2*v.s, c)
		case k > 1:
			stat.Histogram(v.hist, o.risk[i][:k], x0, x1)
			v.drawHistogram(a, v.hist, float64(k), x0, x1, c)
		}
	}
	p.NoClip()
	p.Number("t = ", o.tLast, 'f', v.prec, "", a.Area().MaxX()-0.4*em, a.Area().Y+0.8*em, 0.9*em, plot.Muted, render.Right, render.Middle)
}

func (v *fluctView) drawSD(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.sd, v.p, v.em
	a.Place(r, em)
	a.Tr.X = timeAxis(s)
	bufs := v.obs.rec.bufs
	lo, hi := 0.0, 0.0
	for i := 0; i < v.obs.nTrack; i++ {
		if l, h := bufs[2*i+1].Bounds(0, false); l == l {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	v.rs.Floor = 1e-3 * axisScale(v.rm.Axis)
	v.rs.Update(lo, max(hi, 1e-12))
	a.Tr.Y = validOr(v.rs.Axis, plot.Axis{Min: 0, Max: 1})
	a.Draw(p, em, v.s)
	for i := v.obs.nTrack - 1; i >= 0; i-- {
		b := bufs[2*i+1]
		v.xs, v.lo, v.hi = a.Series(p, b.T, b.Y, nil, 0, 1.8*v.s, v.colors[i], v.xs, v.lo, v.hi)
	}
}

// The floor's legend entry and colours: the band, and its mean dashed.
const floorLegend = "W1 noise floor, SGD vs SGD (mean, 95% band)"

var (
	floorColor = plot.Muted
	floorBand  = plot.Fade(plot.Muted, 0.3) // (209, 209, 209) on white: not a grid line
)

func (v *fluctView) drawW1(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.w1, v.p, v.em
	a.Place(r, em)
	a.Tr.X = timeAxis(s)
	o := &v.obs
	bufs := o.rec.bufs
	hi := 0.0
	for i := 0; i < o.nTrack; i++ {
		if b := o.w1[i]; b >= 0 {
			if _, h := bufs[b].Bounds(0, false); h == h {
				hi = max(hi, h)
			}
		}
	}
	var fm, ft *plot.Buffer // the floor's mean and the top of its band
	if o.floor >= 0 {
		fm, ft = bufs[o.floor], bufs[o.floor+1]
		if _, h := ft.Bounds(0, false); h == h {
			hi = max(hi, h)
		}
	}
	v.rw.Floor = 1e-3 * axisScale(v.rm.Axis)
	v.rw.Update(0, max(hi, 1e-12))
	a.Tr.Y = validOr(v.rw.Axis, plot.Axis{Min: 0, Max: 1})
	a.Draw(p, em, v.s)
	area := a.Area()
	p.Clip(area)
	if ft != nil {
		// The band from 0 to its top, and the mean dashed.
		n := ft.Len()
		xs, lo, hi := v.xs[:0], v.lo[:0], v.hi[:0]
		y0 := a.Tr.Py(0)
		for k := 0; k < n; k++ {
			xs = append(xs, a.Tr.Px(ft.T[k]))
			lo = append(lo, y0)
			hi = append(hi, a.Tr.Py(ft.Y[k]))
		}
		p.Band(xs, lo, hi, floorBand)
		xs = xs[:0]
		for k := 0; k < fm.Len(); k++ {
			xs = append(xs, a.Tr.Px(fm.T[k]), a.Tr.Py(fm.Y[k]))
		}
		v.dash = dashes(v.dash, xs, 0.6*em, 0.4*em)
		p.Polyline(v.dash, 1.3*v.s, floorColor)
		v.xs, v.lo, v.hi = xs, lo, hi
	}
	// Each distance faded, then solid where it is above the band.
	for i := o.nTrack - 1; i >= 0; i-- {
		b := o.w1[i]
		if b < 0 {
			continue
		}
		buf, flag := bufs[b], bufs[o.within[i]]
		c := v.colors[i]
		xs := v.xs[:0]
		for k := 0; k < buf.Len(); k++ {
			xs = append(xs, a.Tr.Px(buf.T[k]), a.Tr.Py(buf.Y[k]))
		}
		p.Polyline(xs, 1.8*v.s, plot.Fade(c, 0.35))
		nan := math.NaN()
		for k := 0; k < buf.Len() && k < flag.Len(); k++ {
			if flag.Y[k] == 1 {
				xs[2*k], xs[2*k+1] = nan, nan
			}
		}
		p.Polyline(xs, 1.8*v.s, c)
		v.xs = xs
	}
	p.NoClip()
	// Which distances are within the noise now, at the top right.
	if ft == nil {
		return
	}
	x, y := area.MaxX()-0.4*em, area.Y+0.8*em
	for i := 0; i < o.nTrack; i++ {
		if o.withinNow(i) {
			size := fitSize(p, v.withinText[i], 0.85*em, area.W-0.8*em)
			p.Text(v.withinText[i], x, y, size, v.colors[i], render.Right, render.Middle)
			y += 1.1 * em
		}
	}
}
