//go:build js

package scene

import (
	"image/color"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/render"
	"smflow/render/plot"
	"smflow/sim"
)

// orderView draws scene 5: the weak error |E f(Z_T) - E f(z_T)| of every
// method against SGD at the learning rates alpha 2^-i, on log-log axes
// with error bars of -/+ 2 SE and reference slopes 1 and 2, and a table of
// the errors, the ratio of successive errors, the fitted slopes and the
// predicted orders. It runs its own experiment (a sim.OrderRun) in small
// pieces, the view's Sweep; the host's simulation only supplies the
// configuration at Reset.
type orderView struct {
	frame
	exp orderExp

	loglog render.Axes
	ry     plot.AutoRange

	// Caches of the experiment's state at generation gen.
	gen      int
	ylo, yhi float64
	yok      bool
	guideY   [2]float64 // the heights at alphas[0] of the slope 1 and 2 guides
	guideOK  [2]bool
	lineCol  []color.RGBA
	// Per line: "SME2: slope " (the fitted slope follows as a number) and
	// "SME2: slope –" (no fit yet).
	slopeLabel []string
	runsText   string // "SGD side: exact ... 4096 runs per method and rate"
	errFor     error
	errText    string

	xs []float64
	rs []plot.Rect
}

func newOrderView() *orderView {
	v := &orderView{gen: -1}
	v.initFrame(catalog.Order)
	v.loglog.XLabel = "learning rate alpha"
	v.loglog.YLabel = "|weak error|"
	return v
}

func (v *orderView) Reset(s *sim.Sim) {
	if s != nil {
		v.resetFrame(s)
	} else {
		v.extra = v.extra[:0]
	}
	v.exp.reset(s)
	e := &v.exp
	v.gen = -1
	v.ry.Reset()
	v.ry.Axis = plot.Axis{Min: 1e-4, Max: 1e-1, Log: true}
	v.errFor, v.errText = nil, ""
	v.lineCol, v.slopeLabel = v.lineCol[:0], v.slopeLabel[:0]
	for _, l := range e.lines {
		v.lineCol = append(v.lineCol, plot.MethodColor(l.method))
		v.slopeLabel = append(v.slopeLabel, l.method.Label()+": slope ", l.method.Label()+": slope \u2013")
	}
	if len(e.alphas) == 0 {
		v.loglog.Title = "|weak error|"
		return
	}
	T := strconv.FormatFloat(e.base.T, 'g', 4, 64)
	v.alphaText = "T = " + T + ",  alpha = " + strconv.FormatFloat(e.alphas[0], 'g', 4, 64) + " / 2^i,  i = 0.." + strconv.Itoa(len(e.alphas)-1)
	v.loglog.Title = "|E f(Z_T) - E f(z_T)| at T = " + T + ",  " + obsTitle(e.obs)
	runs := strconv.Itoa(e.reps) + " runs per method and rate"
	if e.exact {
		v.runsText = "SGD side exact (closed form of the quadratic);  " + runs
	} else {
		v.runsText = "SGD side: an ensemble of " + runs
	}
}

func (v *orderView) Observe(s *sim.Sim) {}

func (v *orderView) Series() []Series { return v.exp.series() }

// Sweep returns the view's weak-error sweep (scene.Sweeper): each Work
// runs one replica of one method from 0 to T at the current learning rate.
func (v *orderView) Sweep() Sweep { return &v.exp }

// refresh recomputes what depends on the finished points: the range, the
// guides and the legend with the fitted slopes.
func (v *orderView) refresh() {
	e := &v.exp
	if e.err != v.errFor {
		v.errFor = e.err
		v.errText = ""
		if e.err != nil {
			v.errText = e.err.Error()
		}
	}
	if v.gen == e.gen {
		return
	}
	v.gen = e.gen
	v.ylo, v.yhi, v.yok = e.yRange()
	dataLo := v.ylo
	for k := range v.guideY {
		v.guideY[k], v.guideOK[k] = e.guide(k + 1)
		if v.guideOK[k] && v.yok {
			// The guide over the rates, but at most a decade below the
			// data; further down it leaves the panel.
			lo := v.guideY[k] * math.Pow(e.alphas[len(e.alphas)-1]/e.alphas[0], float64(k+1))
			v.ylo, v.yhi = min(v.ylo, max(lo, dataLo/10)), max(v.yhi, v.guideY[k])
		}
	}
	v.extra = v.extra[:0]
	for i := range e.lines {
		l := &e.lines[i]
		it := legendItem{label: v.slopeLabel[2*i], c: v.lineCol[i]}
		switch {
		case !l.fitOK:
			it.label = v.slopeLabel[2*i+1]
		case math.IsNaN(l.fit.SlopeSE):
			it.nums, it.num[0] = 1, l.fit.Slope
		default:
			it.nums, it.num = 2, [2]float64{l.fit.Slope, l.fit.SlopeSE}
		}
		v.extra = append(v.extra, it)
	}
}

func (v *orderView) Draw(dst *ebiten.Image, _ *sim.Sim, scale float64) {
	v.refresh()
	// The host's simulation is not drawn: no clock, the legend lists the
	// compared methods with their fitted slopes.
	v.begin(dst, nil, scale)
	defer v.end()
	p, em, b := v.p, v.em, v.body
	e := &v.exp
	if e.run == nil {
		msg, c := "No experiment: reset the scene.", plot.Muted
		if v.errText != "" {
			msg, c = "Cannot run the experiment: "+v.errText, plot.Alert
		}
		size := 1.1 * em
		if w := p.TextWidth(msg, size); w > b.W {
			size = math.Floor(size*b.W/w*2) / 2
		}
		p.Text(msg, b.X+b.W/2, b.Y+b.H/2, size, c, render.Center, render.Middle)
		return
	}
	strip, rest := b.CutTop(v.statusHeight(b))
	v.drawStatus(strip)
	_, rest = rest.CutTop(0.4 * em)
	switch {
	case rest.W >= 1.45*rest.H && rest.W/2.85 < v.tableWidth(0.75*em):
		// Too narrow for the table beside the plot: the plot alone.
		v.drawPlot(rest)
		return
	case rest.W >= 1.45*rest.H:
		v.rs = plot.Columns(v.rs[:0], rest, 1.2*em, 1.85, 1)
	default:
		top, bottom := rest.CutTop(0.6 * rest.H)
		_, bottom = bottom.CutTop(0.6 * em)
		v.rs = append(v.rs[:0], top, bottom)
	}
	v.drawPlot(v.rs[0])
	v.drawTable(v.rs[1])
}

// progressText draws (if draw) the progress of the sweep at (x, y) in the
// given size and returns its width.
func (v *orderView) progressText(x, y, size float64, draw bool) float64 {
	p, e := v.p, &v.exp
	x0 := x
	put := func(prefix string, val float64, f byte, prec int, suffix string, c color.RGBA) {
		if draw {
			p.Number(prefix, val, f, prec, suffix, x, y, size, c, render.Left, render.Middle)
		}
		x += p.NumberWidth(prefix, val, f, prec, suffix, size)
	}
	switch {
	case e.err != nil:
		if draw {
			p.Text("stopped: "+v.errText, x, y, size, plot.Alert, render.Left, render.Middle)
		}
		return p.TextWidth("stopped: "+v.errText, size)
	case e.Busy():
		// The sweep runs one replica of one method at a time from 0 to T.
		a, _ := e.run.Current()
		done, all := e.rateRuns()
		put("alpha = ", a, 'g', 4, ": run ", plot.Ink)
		put("", float64(done), 'f', 0, " of ", plot.Ink)
		put("", float64(all), 'f', 0, "", plot.Ink)
		put("   (rate ", float64(e.finished()+1), 'f', 0, " of ", plot.Muted)
		put("", float64(len(e.alphas)), 'f', 0, ")", plot.Muted)
	default:
		put("done: ", float64(len(e.alphas)), 'f', 0, " learning rates", plot.Ink)
	}
	return x - x0
}

// statusHeight returns the height of the status strip in the body b: one
// line, or two when the progress and the SGD note do not fit side by side.
func (v *orderView) statusHeight(b plot.Rect) float64 {
	em := v.em
	w := v.barWidth(b) + 0.8*em + v.progressText(0, 0, em, false) + 2*em + v.p.TextWidth(v.runsText, 0.9*em)
	if w > b.W {
		return 3.3 * em
	}
	return 1.8 * em
}

func (v *orderView) barWidth(b plot.Rect) float64 { return min(0.25*b.W, 14*v.em) }

// drawStatus draws the progress bar, the progress text and the note on the
// SGD side.
func (v *orderView) drawStatus(r plot.Rect) {
	p, em, e := v.p, v.em, &v.exp
	y := r.Y + 0.9*em
	bw := v.barWidth(r)
	bar := plot.Rect{X: r.X, Y: y - 0.4*em, W: bw, H: 0.8 * em}
	p.FillRect(bar, plot.GridLine)
	frac := e.Progress()
	p.FillRect(plot.Rect{X: bar.X, Y: bar.Y, W: bw * frac, H: bar.H}, plot.Frame)
	p.StrokeRect(bar, v.s, plot.Frame)
	x := bar.MaxX() + 0.8*em
	x += v.progressText(x, y, em, true)
	if r.H > 2.5*em {
		p.Text(v.runsText, r.X, y+1.5*em, 0.9*em, plot.Muted, render.Left, render.Middle)
	} else {
		p.Text(v.runsText, r.MaxX(), y, 0.9*em, plot.Muted, render.Right, render.Middle)
	}
}

// dashed draws the part inside r of the segment (x0, y0)-(x1, y1) as a
// dashed line.
func dashed(p *render.Painter, r plot.Rect, x0, y0, x1, y1, dash, gap, w float64, c color.RGBA) {
	x0, y0, x1, y1, ok := plot.ClipSegment(r, x0, y0, x1, y1)
	if !ok {
		return
	}
	dx, dy := x1-x0, y1-y0
	l := math.Sqrt(dx*dx + dy*dy)
	if !(l > 0) || !(dash > 0) {
		return
	}
	ux, uy := dx/l, dy/l
	for t := 0.0; t < l; t += dash + gap {
		u := min(t+dash, l)
		p.Line(x0+ux*t, y0+uy*t, x0+ux*u, y0+uy*u, w, c)
	}
}

func (v *orderView) drawPlot(r plot.Rect) {
	a, p, em, s, e := &v.loglog, v.p, v.em, v.s, &v.exp
	a.Place(r, em)
	amax, amin := e.alphas[0], e.alphas[len(e.alphas)-1]
	a.Tr.X = plot.Axis{Min: amin / 1.5, Max: amax * 1.5, Log: true}
	if v.yok {
		v.ry.Update(v.ylo, v.yhi)
	}
	a.Tr.Y = validOr(v.ry.Axis, plot.Axis{Min: 1e-4, Max: 1e-1, Log: true})
	a.Draw(p, em, s)
	area := a.Area()
	if area.Empty() {
		return
	}
	floor := area.MaxY()

	// Reference slopes, dashed grey, labelled at the smallest rate.
	for k := range v.guideY {
		if !v.guideOK[k] {
			continue
		}
		ord := float64(k + 1)
		g := v.guideY[k]
		at := func(al float64) float64 { return a.Tr.Py(g * math.Pow(al/amax, ord)) }
		x0, y0, x1, y1, ok := plot.ClipSegment(area, a.Tr.Px(a.Tr.X.Min), at(a.Tr.X.Min), a.Tr.Px(a.Tr.X.Max), at(a.Tr.X.Max))
		if !ok {
			continue
		}
		dashed(p, area, x0, y0, x1, y1, 0.55*em, 0.35*em, 1.3*s, plot.Frame)
		// The label at the left end of the visible part: above the line
		// of slope 1, below that of slope 2.
		tw := p.TextWidth("slope 1", 0.85*em)
		lx, ly := x0+0.3*em, y0-0.7*em
		if x1-x0 > 1 {
			ly += (y1 - y0) / (x1 - x0) * (0.3*em + tw)
		}
		if k == 1 {
			lx, ly = x0+0.3*em, y0+0.8*em
			if y0 > floor-1.6*em { // it enters at the floor: go left of it
				lx, ly = x0-0.3*em-p.TextWidth("slope 2", 0.85*em), floor-0.7*em
			}
		}
		ly = min(max(ly, area.Y+0.7*em), floor-0.7*em)
		label := "slope 1"
		if k == 1 {
			label = "slope 2"
		}
		p.Text(label, lx, ly, 0.85*em, plot.Muted, render.Left, render.Middle)
	}

	n := len(e.lines)
	rad := 0.34 * em
	p.Clip(area)
	for i := range e.lines {
		l := &e.lines[i]
		c := v.lineCol[i]
		dodge := (float64(i) - float64(n-1)/2) * 0.55 * em
		// Thin lines join neighbouring resolved points.
		xs := v.xs[:0]
		for k, al := range l.alpha {
			if l.resolved[k] {
				xs = append(xs, a.Tr.Px(al)+dodge, a.Tr.Py(math.Abs(l.err[k])))
			} else {
				xs = append(xs, math.NaN(), math.NaN())
			}
		}
		p.Polyline(xs, 1.3*s, plot.Fade(c, 0.6))
		v.xs = xs
		for k, al := range l.alpha {
			x := a.Tr.Px(al) + dodge
			m, se := math.Abs(l.err[k]), l.se[k]
			if l.diverged[k] || m-m != 0 {
				// A cross at the top: no estimate.
				y := area.Y + 0.8*em
				p.Line(x-rad, y-rad, x+rad, y+rad, 1.8*s, plot.Alert)
				p.Line(x-rad, y+rad, x+rad, y-rad, 1.8*s, plot.Alert)
				continue
			}
			top := a.Tr.Py(m + 2*se)
			bottom := floor
			if l.resolved[k] && m-2*se > 0 {
				bottom = min(a.Tr.Py(m-2*se), floor)
			}
			if se > 0 {
				p.Line(x, top, x, bottom, 1.5*s, c)
				p.Line(x-0.5*rad, top, x+0.5*rad, top, 1.5*s, c)
				if bottom < floor {
					p.Line(x-0.5*rad, bottom, x+0.5*rad, bottom, 1.5*s, c)
				}
			}
			y := floor
			if m > 0 {
				y = min(a.Tr.Py(m), floor)
			}
			if l.resolved[k] {
				p.Dot(x, y, rad, c)
			} else {
				p.Dot(x, y, rad, plot.Background)
				p.Ring(x, y, rad-0.6*s, 1.6*s, c)
			}
		}
	}
	p.NoClip()

	if e.finished() == 0 && e.err == nil {
		p.Number("points appear as each rate reaches T: first alpha = ", amax, 'g', 4, "", area.X+area.W/2, area.Y+area.H/2, em, plot.Muted, render.Center, render.Middle)
	}
	if area.H < 14*em || area.W < 24*em {
		return // no room for the key
	}
	// The key of the markers, top left.
	kx, ky := area.X+0.8*em, area.Y+0.9*em
	p.Dot(kx, ky, rad, plot.Muted)
	p.Text("|err| > 2 SE", kx+0.8*em, ky, 0.85*em, plot.Muted, render.Left, render.Middle)
	ky += 1.3 * em
	p.Dot(kx, ky, rad, plot.Background)
	p.Ring(kx, ky, rad-0.6*s, 1.6*s, plot.Muted)
	p.Text("not resolved: bar -/+ 2 SE to the floor", kx+0.8*em, ky, 0.85*em, plot.Muted, render.Left, render.Middle)

}

// tableWidth returns the width the table needs at text size ts.
func (v *orderView) tableWidth(ts float64) float64 {
	return (5.2 + 5.6*float64(len(v.exp.lines))) * ts
}

// drawTable draws the weak errors per rate and method, the ratio of the
// errors at 2 alpha and alpha, the fitted slopes and the predicted orders.
func (v *orderView) drawTable(r plot.Rect) {
	p, em, e := v.p, v.em, &v.exp
	n := len(e.lines)
	if r.W < 4*em || r.H < 4*em || n == 0 {
		return
	}
	p.Text("weak error E f(Z_T) - E f(z_T)", r.X+0.2*em, r.Y+0.85*em, 1.05*em, plot.Ink, render.Left, render.Middle)
	_, r = r.CutTop(1.9 * em)
	// Text size: the columns (alpha and one per method) need about 5 and
	// 5.6 times the size ts.
	ts := min(em, r.W/v.tableWidth(1))
	rows := len(e.alphas)
	ratios := true
	lines := func() float64 {
		k := float64(rows) + 1 + 2 + 1 + 2.6 // header, rows, slope (2), theory, notes
		if ratios {
			k += float64(rows) * 0.8
		}
		return k
	}
	lh := 1.35 * ts
	if lines()*lh > r.H {
		ratios = false
	}
	if lines()*lh > r.H {
		ts = max(r.H/lines()/1.35, 6)
		lh = 1.35 * ts
	}
	// Spread the rows over the room there is, up to 1.8 lines.
	lh = max(lh, min(r.H/lines(), 1.8*ts))
	small := 0.85 * ts
	colA := r.X + 4.6*ts                            // right edge of the alpha column
	colW := (r.MaxX() - colA - 0.4*ts) / float64(n) // width of a method column
	cx := func(i int) float64 { return colA + 0.4*ts + (float64(i)+0.5)*colW }

	y := r.Y + lh/2
	p.Text("alpha", colA, y, ts, plot.Ink, render.Right, render.Middle)
	for i := range e.lines {
		lab := e.lines[i].method.Label()
		w := p.TextWidth(lab, ts) + 0.9*ts
		x := cx(i) - w/2
		p.Dot(x+0.3*ts, y, 0.3*ts, v.lineCol[i])
		p.Text(lab, x+0.9*ts, y, ts, plot.Ink, render.Left, render.Middle)
	}
	y += 0.5 * lh
	p.Line(r.X, y, r.MaxX(), y, v.s, plot.Frame)
	y += 0.5 * lh
	done := e.finished()
	for k, al := range e.alphas {
		p.Number("", al, 'g', 4, "", colA, y, ts, plot.Ink, render.Right, render.Middle)
		for i := range e.lines {
			l := &e.lines[i]
			x := cx(i)
			switch {
			case k < len(l.alpha) && l.diverged[k]:
				p.Text("diverged", x, y, ts, plot.Alert, render.Center, render.Middle)
			case k < len(l.alpha):
				c := plot.Ink
				if !l.resolved[k] {
					c = plot.Frame
				}
				p.Number("", l.err[k], 'e', 1, "", x, y, ts, c, render.Center, render.Middle)
				if ratios && k > 0 && l.resolved[k] && l.resolved[k-1] {
					q, f, prec := math.Abs(l.err[k-1]/l.err[k]), byte('f'), 1
					if !(q < 1000) {
						f, prec = 'g', 2
					}
					p.Number("\u00f7 ", q, f, prec, "", x, y+0.8*lh, small, plot.Muted, render.Center, render.Middle)
				}
			case k == done && e.Busy():
				p.Text("\u2026", x, y, ts, plot.Muted, render.Center, render.Middle)
			}
		}
		y += lh
		if ratios {
			y += 0.8 * lh
		}
	}
	y -= 0.5 * lh
	p.Line(r.X, y, r.MaxX(), y, v.s, plot.Frame)
	y += 0.5 * lh
	p.Text("slope", colA, y, ts, plot.Ink, render.Right, render.Middle)
	p.Text("theory", colA, y+2*lh, ts, plot.Ink, render.Right, render.Middle)
	for i := range e.lines {
		l := &e.lines[i]
		x := cx(i)
		if l.fitOK {
			p.Number("", l.fit.Slope, 'f', 2, "", x, y, 1.1*ts, v.lineCol[i], render.Center, render.Middle)
			if se := l.fit.SlopeSE; se == se {
				p.Number("\u00b1 ", se, 'f', 2, "", x, y+0.9*lh, small, plot.Muted, render.Center, render.Middle)
			}
		} else {
			p.Text("\u2013", x, y, ts, plot.Muted, render.Center, render.Middle)
		}
		if l.order > 0 {
			p.Number("", float64(l.order), 'f', 0, "", x, y+2*lh, ts, plot.Ink, render.Center, render.Middle)
		} else {
			p.Text("\u2013", x, y+2*lh, ts, plot.Muted, render.Center, render.Middle)
		}
	}
	y += 3.2 * lh
	p.Text("grey: |err| < 2 SE, not resolved; slopes fit the resolved points", r.X, y, small, plot.Muted, render.Left, render.Middle)
	if ratios {
		p.Text("\u00f7: error at 2 alpha / error at alpha (2: order 1, 4: order 2)", r.X, y+1.2*small, small, plot.Muted, render.Left, render.Middle)
	}
}
