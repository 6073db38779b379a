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
	"smflow/sim/param"
)

// orderView draws scene 5: the weak error |E f(Z_T) - E f(z_T)| of every
// method against SGD on log-log axes. For the problems with exact
// expectations (sim.HasExact) the exact errors of the continuous
// models are lines over ten octaves of learning rates, computed at Reset,
// with their local slopes in the table next to the theory's; the Monte
// Carlo estimates of the view's own sweep (sim.OrderRun, run in pieces:
// the view's Sweep) are points with error bars of -/+ 2 SE on the same
// axes, hollow where |err| < 2 SE (left out of the fits). The toggle
// schemeerr adds the integrator's own error |Scheme - Value| as dashed
// lines and a column of the table. Without exact expectations the points
// alone are drawn, with reference slopes 1 and 2 and a table of the
// errors, the ratios of successive errors and the fitted slopes. The
// host's simulation only supplies the configuration at Reset.
type orderView struct {
	frame
	exp orderExp

	loglog render.Axes
	ry     plot.AutoRange

	showScheme bool // schemeerr: draw the integrator's own error

	// Caches of the experiment's state at generation gen.
	gen      int
	ylo, yhi float64
	yok      bool
	guideY   [2]float64 // the heights at alphas[0] of the slope 1 and 2 guides
	guideOK  [2]bool
	lineCol  []color.RGBA
	// Per line: "SME2: slope " (the slope follows as a number) and
	// "SME2: slope –" (none yet).
	slopeLabel []string
	runsText   string // "SGD side: exact ... 4096 runs per method and rate"
	errFor     error
	errText    string

	// Ranges of |error| of the exact lines and of the integrator's share
	// (ok false when none is finite and positive).
	xlo, xhi, slo, shi float64
	xok, sok           bool

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
	v.xlo, v.xhi, v.xok = absRange(e.lines, func(l *orderLine) []float64 { return l.xErr })
	v.slo, v.shi, v.sok = absRange(e.lines, func(l *orderLine) []float64 { return l.xShare })
	if len(e.alphas) == 0 {
		v.loglog.Title = "|weak error|"
		return
	}
	T := strconv.FormatFloat(e.base.T, 'g', 4, 64)
	a0 := strconv.FormatFloat(e.alphas[0], 'g', 4, 64)
	v.alphaText = "T = " + T + ",  alpha = " + a0 + " / 2^i,  i = 0.." + strconv.Itoa(len(e.alphas)-1)
	if e.hasExact {
		v.alphaText = "T = " + T + ",  alpha = " + a0 + " / 2^i:  lines i = 0.." + strconv.Itoa(len(e.xOct)-1) + ",  points i = 0.." + strconv.Itoa(len(e.alphas)-1)
	}
	v.loglog.Title = "|E f(Z_T) - E f(z_T)| at T = " + T + ",  " + obsTitle(e.obs)
	runs := strconv.Itoa(e.reps) + " runs per method and rate"
	switch {
	case e.hasExact && e.exact:
		v.runsText = "lines: exact expectations;  points: Monte Carlo, " + runs + ", SGD side exact"
	case e.hasExact:
		v.runsText = "lines: exact expectations;  points: Monte Carlo, " + runs + " and of SGD"
	case e.exact:
		v.runsText = "SGD side exact (closed form of the quadratic);  " + runs
	default:
		v.runsText = "SGD side: an ensemble of " + runs
	}
	if e.xErr != nil {
		v.runsText = "no exact lines (" + e.xErr.Error() + ");  " + v.runsText
	}
}

// absRange returns the range of the finite nonzero |values| of the lines
// (values(l) for every line l).
func absRange(lines []orderLine, values func(l *orderLine) []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := range lines {
		for _, y := range values(&lines[i]) {
			if a := math.Abs(y); a > 0 && !math.IsInf(a, 0) {
				lo, hi = min(lo, a), max(hi, a)
			}
		}
	}
	return lo, hi, lo <= hi
}

func (v *orderView) Observe(s *sim.Sim) {}

// Series returns per method the Monte Carlo points (T the learning rates,
// Y the signed weak errors, SE their standard errors), then, with exact
// lines, per method the exact errors ("GF exact") and the integrator's
// share Scheme - Value ("GF integrator").
func (v *orderView) Series() []Series { return v.exp.series() }

// Sweep returns the view's weak-error sweep (scene.Sweeper): each Work
// runs a few replicas of one method from 0 to T at the current learning
// rate.
func (v *orderView) Sweep() Sweep { return &v.exp }

// SetValues takes the view's own setting from the page's values: whether
// to draw the integrator's own error (schemeerr).
func (v *orderView) SetValues(vals param.Values) {
	if vals.SchemeErr != v.showScheme {
		v.showScheme = vals.SchemeErr
		v.gen = -1
	}
}

// Warnings returns the warning on the integrator's share of the error, if
// any (scene.Warner).
func (v *orderView) Warnings() []param.Warning {
	e := &v.exp
	if e.warn == "" {
		return nil
	}
	val := strconv.Itoa(e.base.K)
	if e.warnKey == "scheme" {
		val = e.base.Scheme.String()
	}
	return []param.Warning{{Key: e.warnKey, Value: val, Message: e.warn}}
}

// OrderReport returns the state of the experiment for the page
// (scene.OrderReporter).
func (v *orderView) OrderReport() OrderReport { return v.exp.report() }

// A Settable View takes settings of its own from the page's values after
// every change of them (the order scene's schemeerr).
type Settable interface {
	SetValues(vals param.Values)
}

// SetValues gives v the page's values if it takes them.
func SetValues(v View, vals param.Values) {
	if s, ok := v.(Settable); ok {
		s.SetValues(vals)
	}
}

// A Warner is a View that reports warnings of its own on the values, shown
// where the page shows those of the parameters (the order scene's warning
// on the integrator's share).
type Warner interface {
	Warnings() []param.Warning
}

// WarningsOf returns the warnings of v, if it is a Warner.
func WarningsOf(v View) []param.Warning {
	if w, ok := v.(Warner); ok {
		return w.Warnings()
	}
	return nil
}

// An OrderReporter is a View with an order experiment (the order scene):
// the page's smflow.state().order.
type OrderReporter interface {
	OrderReport() OrderReport
}

// OrderReportOf returns the report of v if it is an OrderReporter.
func OrderReportOf(v View) (OrderReport, bool) {
	if o, ok := v.(OrderReporter); ok {
		return o.OrderReport(), true
	}
	return OrderReport{}, false
}

// axisOr returns a if it is valid, else b.
func axisOr(a, b plot.Axis) plot.Axis {
	if a.Valid() {
		return a
	}
	return b
}

// refresh recomputes what depends on the finished points: the range, the
// guides and the legend with the slopes (the exact local slopes at the
// smallest rates, or the fits of the Monte Carlo points).
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
	if e.hasExact {
		if v.xok {
			v.ylo, v.yhi, v.yok = min(v.ylo, v.xlo), max(v.yhi, v.xhi), true
		}
		if v.showScheme && v.sok {
			v.ylo, v.yhi, v.yok = min(v.ylo, v.slo), max(v.yhi, v.shi), true
		}
		// At most ten decades.
		v.ylo = max(v.ylo, v.yhi*1e-10)
	} else {
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
	}
	v.extra = v.extra[:0]
	for i := range e.lines {
		l := &e.lines[i]
		it := legendItem{label: v.slopeLabel[2*i], c: v.lineCol[i]}
		switch {
		case e.hasExact && l.xSlope == l.xSlope:
			it.nums, it.num[0] = 1, l.xSlope
		case e.hasExact || !l.fitOK:
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
	// compared methods with their slopes.
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
	case rest.W >= 1.45*rest.H && rest.W/2.85 >= v.tableWidth(0.75*em):
		v.rs = plot.Columns(v.rs[:0], rest, 1.2*em, 1.85, 1)
	case 0.4*rest.H < 9*em || rest.W < v.tableWidth(0.6*em):
		// No room for the table beside the plot nor below it: the plot
		// alone.
		v.drawPlot(rest)
		return
	default:
		top, bottom := rest.CutTop(0.6 * rest.H)
		_, bottom = bottom.CutTop(0.6 * em)
		v.rs = append(v.rs[:0], top, bottom)
	}
	v.drawPlot(v.rs[0])
	if e.hasExact {
		v.drawExactTable(v.rs[1])
	} else {
		v.drawTable(v.rs[1])
	}
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
	case e.hasExact:
		put("Monte Carlo done: ", float64(len(e.alphas)), 'f', 0, " learning rates", plot.Ink)
	default:
		put("done: ", float64(len(e.alphas)), 'f', 0, " learning rates", plot.Ink)
	}
	return x - x0
}

// statusHeight returns the height of the status strip in the body b: one
// line, or two when the progress and the note on the runs do not fit side
// by side; and a line more for the warning on the integrator's share.
func (v *orderView) statusHeight(b plot.Rect) float64 {
	em := v.em
	h := 1.8 * em
	w := v.barWidth(b) + 0.8*em + v.progressText(0, 0, em, false) + 2*em + v.p.TextWidth(v.runsText, 0.9*em)
	if w > b.W {
		h = 3.3 * em
	}
	if v.exp.warn != "" {
		h += 1.5 * em
	}
	return h
}

func (v *orderView) barWidth(b plot.Rect) float64 { return min(0.25*b.W, 14*v.em) }

// drawStatus draws the progress bar, the progress text, the note on the
// runs and the warning on the integrator's share.
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
	two := r.H > 2.5*em && (e.warn == "" || r.H > 4*em)
	if two {
		y += 1.5 * em
		p.Text(v.runsText, r.X, y, 0.9*em, plot.Muted, render.Left, render.Middle)
	} else {
		p.Text(v.runsText, r.MaxX(), y, 0.9*em, plot.Muted, render.Right, render.Middle)
	}
	if e.warn != "" {
		p.Text(e.warn, r.X, y+1.5*em, fitSize(p, e.warn, 0.9*em, r.W), plot.Alert, render.Left, render.Middle)
	}
}

// fitText draws s left-aligned at (x, y) at size, or smaller so that it
// is at most w wide; a text that would need less than 0.6 of its size is
// left out (a note on a canvas too small to read it).
func fitText(p *render.Painter, s string, x, y, size, w float64, c color.RGBA) {
	if fs := fitSize(p, s, size, w); fs >= 0.6*size && p.TextWidth(s, fs) <= w {
		p.Text(s, x, y, fs, c, render.Left, render.Middle)
	}
}

// fitSize returns the largest text size up to size, in half pixels, at
// which s is at most w wide (at least 4).
func fitSize(p *render.Painter, s string, size, w float64) float64 {
	return render.FitSize(p, s, size, w)
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
	if e.hasExact {
		amax, amin = e.xRates[0], e.xRates[len(e.xRates)-1]
	}
	a.Tr.X = plot.Axis{Min: amin / 1.5, Max: amax * 1.5, Log: true}
	if v.yok {
		v.ry.Update(v.ylo, v.yhi)
	}
	a.Tr.Y = axisOr(v.ry.Axis, plot.Axis{Min: 1e-4, Max: 1e-1, Log: true})
	a.Draw(p, em, s)
	area := a.Area()
	if area.Empty() {
		return
	}
	floor := area.MaxY()

	if !e.hasExact {
		v.drawGuides(area, amax)
	}

	n := len(e.lines)
	rad := 0.34 * em
	p.Clip(area)
	if e.hasExact {
		v.drawExactLines(area)
	}
	for i := range e.lines {
		l := &e.lines[i]
		c := v.lineCol[i]
		dodge := (float64(i) - float64(n-1)/2) * 0.55 * em
		if !e.hasExact {
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
		}
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
				if e.hasExact {
					p.Ring(x, y, rad, 1.2*s, plot.Background) // apart from the line
				}
			} else {
				p.Dot(x, y, rad, plot.Background)
				p.Ring(x, y, rad-0.6*s, 1.6*s, c)
			}
		}
	}
	p.NoClip()

	if !e.hasExact && e.finished() == 0 && e.err == nil {
		p.Number("points appear as each rate reaches T: first alpha = ", amax, 'g', 4, "", area.X+area.W/2, area.Y+area.H/2, em, plot.Muted, render.Center, render.Middle)
	}
	if area.H < 14*em || area.W < 24*em {
		return // no room for the key
	}
	// The key of the markers, top left.
	kx, ky := area.X+0.8*em, area.Y+0.9*em
	ks := 0.85 * em
	if e.hasExact {
		p.Line(kx-0.5*em, ky, kx+0.5*em, ky, 2*s, plot.Muted)
		p.Text("exact error of the model", kx+0.8*em, ky, ks, plot.Muted, render.Left, render.Middle)
		ky += 1.3 * em
		if v.showScheme {
			dashed(p, area, kx-0.5*em, ky, kx+0.5*em, ky, 0.3*em, 0.2*em, 1.3*s, plot.Muted)
			p.Number("integrator's own error (k = ", float64(e.base.K), 'f', 0, ")", kx+0.8*em, ky, ks, plot.Muted, render.Left, render.Middle)
			ky += 1.3 * em
		}
	}
	p.Dot(kx, ky, rad, plot.Muted)
	p.Text("Monte Carlo, |err| > 2 SE", kx+0.8*em, ky, ks, plot.Muted, render.Left, render.Middle)
	ky += 1.3 * em
	p.Dot(kx, ky, rad, plot.Background)
	p.Ring(kx, ky, rad-0.6*s, 1.6*s, plot.Muted)
	p.Text("not resolved: bar -/+ 2 SE to the floor", kx+0.8*em, ky, ks, plot.Muted, render.Left, render.Middle)
}

// drawGuides draws the reference slopes 1 and 2 (dashed grey, labelled at
// the left end) of the Monte Carlo points when there are no exact lines.
func (v *orderView) drawGuides(area plot.Rect, amax float64) {
	a, p, em := &v.loglog, v.p, v.em
	floor := area.MaxY()
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
		dashed(p, area, x0, y0, x1, y1, 0.55*em, 0.35*em, 1.3*v.s, plot.Frame)
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
		lx = max(lx, area.X+0.3*em) // inside the plot, clear of the tick labels
		label := "slope 1"
		if k == 1 {
			label = "slope 2"
		}
		p.Text(label, lx, ly, 0.85*em, plot.Muted, render.Left, render.Middle)
	}
}

// drawExactLines draws the exact |error| of every method over the rates of
// the lines, broken where an error is 0 or not finite (the first method
// widest; a line equal to an earlier one, SMF's to SME2's for a one-point
// f, dashed on top of it, so that both show); and, when shown, the
// integrator's own error |Scheme - Value| with short dashes in the same
// colour.
func (v *orderView) drawExactLines(area plot.Rect) {
	a, p, em, s, e := &v.loglog, v.p, v.em, v.s, &v.exp
	n := len(e.lines)
	if v.showScheme {
		for i := range e.lines {
			l := &e.lines[i]
			c := plot.Fade(v.lineCol[i], 0.85)
			for k := 1; k < len(e.xRates); k++ {
				y0, y1 := math.Abs(l.xShare[k-1]), math.Abs(l.xShare[k])
				if !(y0 > 0) || !(y1 > 0) || math.IsInf(y0, 0) || math.IsInf(y1, 0) {
					continue
				}
				dashed(p, area, a.Tr.Px(e.xRates[k-1]), a.Tr.Py(y0), a.Tr.Px(e.xRates[k]), a.Tr.Py(y1), 0.45*em, 0.3*em, 1.4*s, c)
			}
		}
	}
	for i := range e.lines {
		l := &e.lines[i]
		w := (1.6 + 0.4*float64(n-1-i)) * s
		if l.same >= 0 {
			// On top of an equal line: dashed, so that both show.
			for k := 1; k < len(e.xRates); k++ {
				y0, y1 := math.Abs(l.xErr[k-1]), math.Abs(l.xErr[k])
				if !(y0 > 0) || !(y1 > 0) || math.IsInf(y0, 0) || math.IsInf(y1, 0) {
					continue
				}
				dashed(p, area, a.Tr.Px(e.xRates[k-1]), a.Tr.Py(y0), a.Tr.Px(e.xRates[k]), a.Tr.Py(y1), 0.7*em, 0.7*em, w, v.lineCol[i])
			}
			continue
		}
		xs := v.xs[:0]
		for k, al := range e.xRates {
			y := math.Abs(l.xErr[k])
			if y > 0 && !math.IsInf(y, 0) {
				xs = append(xs, a.Tr.Px(al), a.Tr.Py(y))
			} else {
				xs = append(xs, math.NaN(), math.NaN())
			}
		}
		p.Polyline(xs, w, v.lineCol[i])
		v.xs = xs
	}
}

// tableWidth returns the width the table needs at text size ts.
func (v *orderView) tableWidth(ts float64) float64 {
	if v.exp.hasExact {
		return (5.2 + v.groupWidth()*float64(len(v.exp.lines))) * ts
	}
	return (5.2 + 5.6*float64(len(v.exp.lines))) * ts
}

// groupWidth returns the width of a method's columns in the exact table
// (the error, the local slope and, when shown, the integrator's error) in
// units of the text size.
func (v *orderView) groupWidth() float64 {
	if v.showScheme {
		return 12.6
	}
	return 8.4
}

// drawExactTable draws the exact weak errors at the octave rates with
// their local slopes log2(e(alpha)/e(alpha/2)) (and, when shown, the
// integrator's own error), then the theory's order and the fitted slope
// of the resolved Monte Carlo points. When the rows do not fit at a
// readable size, every other octave is left out.
func (v *orderView) drawExactTable(r plot.Rect) {
	p, em, e := v.p, v.em, &v.exp
	n := len(e.lines)
	if r.W < 4*em || r.H < 4*em || n == 0 || len(e.xOct) == 0 {
		return
	}
	fitText(p, "exact weak error E f(Z_T) - E f(z_T) and local slope", r.X+0.2*em, r.Y+0.85*em, 1.05*em, r.W-0.2*em, plot.Ink)
	_, r = r.CutTop(1.9 * em)
	ts := min(em, r.W/v.tableWidth(1))
	rows, step := len(e.xOct), 1
	lines := func(rows int) float64 { return float64(rows) + 2 + 0.5 + 2 + 1.6 } // header (2), rows, rule, theory and fit, note
	if lines(rows)*1.35*ts > r.H && lines((rows+1)/2)*1.35*ts <= r.H || lines(rows)*1.35*0.8*em > r.H {
		rows, step = (rows+1)/2, 2
	}
	ts = max(min(ts, r.H/lines(rows)/1.35), 6)
	lh := max(1.35*ts, min(r.H/lines(rows), 1.8*ts))
	small := 0.85 * ts
	gw := v.groupWidth()
	colA := r.X + 4.6*ts                            // right edge of the alpha column
	colW := (r.MaxX() - colA - 0.4*ts) / float64(n) // width of a method's group
	// Right edges of the sub-columns of group i: error, slope, integrator,
	// spread over at most 1.3 times the width they need.
	sub := func(i int, j int) float64 {
		f := [3]float64{4.6, 7.6, 12.1}
		cw := f[1]
		if v.showScheme {
			cw = f[2]
		}
		u := min(colW/gw, 1.3*ts)
		return colA + 0.4*ts + (float64(i)+0.5)*colW + (f[j]-cw/2)*u
	}
	y := r.Y + lh/2
	p.Text("alpha", colA, y+0.5*lh, ts, plot.Ink, render.Right, render.Middle)
	for i := range e.lines {
		lab := e.lines[i].method.Label()
		w := p.TextWidth(lab, ts) + 0.9*ts
		x := colA + 0.4*ts + (float64(i)+0.5)*colW - w/2
		p.Dot(x+0.3*ts, y, 0.3*ts, v.lineCol[i])
		p.Text(lab, x+0.9*ts, y, ts, plot.Ink, render.Left, render.Middle)
		p.Text("error", sub(i, 0), y+lh, small, plot.Muted, render.Right, render.Middle)
		p.Text("slope", sub(i, 1), y+lh, small, plot.Muted, render.Right, render.Middle)
		if v.showScheme {
			p.Text("integrator", sub(i, 2), y+lh, small, plot.Muted, render.Right, render.Middle)
		}
	}
	y += 1.5 * lh
	p.Line(r.X, y, r.MaxX(), y, v.s, plot.Frame)
	y += 0.5 * lh
	for k := 0; k < len(e.xOct); k += step {
		x := e.xOct[k]
		c := plot.Ink
		if k >= len(e.alphas) {
			c = plot.Muted // no Monte Carlo point at this rate
		}
		p.Number("", e.xRates[x], 'g', 3, "", colA, y, ts, c, render.Right, render.Middle)
		for i := range e.lines {
			l := &e.lines[i]
			if err := l.xErr[x]; err == err {
				p.Number("", err, 'e', 1, "", sub(i, 0), y, ts, plot.Ink, render.Right, render.Middle)
			} else {
				p.Text("\u2013", sub(i, 0), y, ts, plot.Muted, render.Right, render.Middle)
			}
			if k < len(l.local) && l.local[k] == l.local[k] {
				p.Number("", l.local[k], 'f', 2, "", sub(i, 1), y, ts, v.lineCol[i], render.Right, render.Middle)
			}
			if v.showScheme {
				if sh := l.xShare[x]; sh == sh {
					p.Number("", sh, 'e', 0, "", sub(i, 2), y, small, plot.Muted, render.Right, render.Middle)
				}
			}
		}
		y += lh
	}
	y -= 0.5 * lh
	p.Line(r.X, y, r.MaxX(), y, v.s, plot.Frame)
	y += 0.5 * lh
	p.Text("theory", colA, y, ts, plot.Ink, render.Right, render.Middle)
	p.Text("MC fit", colA, y+lh, ts, plot.Ink, render.Right, render.Middle)
	for i := range e.lines {
		l := &e.lines[i]
		if l.order > 0 {
			p.Number("", float64(l.order), 'f', 0, "", sub(i, 1), y, ts, plot.Ink, render.Right, render.Middle)
		}
		switch {
		case !l.fitOK:
			p.Text("\u2013", sub(i, 1), y+lh, ts, plot.Muted, render.Right, render.Middle)
		case l.fit.SlopeSE == l.fit.SlopeSE:
			p.Number("\u00b1 ", l.fit.SlopeSE, 'f', 2, "", sub(i, 1), y+lh, small, plot.Muted, render.Right, render.Middle)
			w := p.NumberWidth("\u00b1 ", l.fit.SlopeSE, 'f', 2, "", small)
			p.Number("", l.fit.Slope, 'f', 2, " ", sub(i, 1)-w, y+lh, ts, plot.Ink, render.Right, render.Middle)
		default:
			p.Number("", l.fit.Slope, 'f', 2, "", sub(i, 1), y+lh, ts, plot.Ink, render.Right, render.Middle)
		}
	}
	y += 2 * lh
	note := "slope: log2 of e(alpha)/e(alpha/2);  MC fit: slope of the resolved Monte Carlo points (at the rates in black)"
	fitText(p, note, r.X, y, small, r.W, plot.Muted)
}

// drawTable draws the weak errors per rate and method, the ratio of the
// errors at 2 alpha and alpha, the fitted slopes and the predicted orders.
func (v *orderView) drawTable(r plot.Rect) {
	p, em, e := v.p, v.em, &v.exp
	n := len(e.lines)
	if r.W < 4*em || r.H < 4*em || n == 0 {
		return
	}
	fitText(p, "weak error E f(Z_T) - E f(z_T)", r.X+0.2*em, r.Y+0.85*em, 1.05*em, r.W-0.2*em, plot.Ink)
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
	fitText(p, "grey: |err| < 2 SE, not resolved; slopes fit the resolved points", r.X, y, small, r.W, plot.Muted)
	if ratios {
		fitText(p, "\u00f7: error at 2 alpha / error at alpha (2: order 1, 4: order 2)", r.X, y+1.2*small, small, r.W, plot.Muted)
	}
}
