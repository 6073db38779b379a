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

// frame is what every view shares: the painter, the heading with the clock
// and the legend of the methods, the caption line, and the body rectangle
// that is left for the panels.
type frame struct {
	key        string
	title      string
	caption    string
	defCaption string // the catalogue scene's Caption, looked up once
	p          *render.Painter
	em, s      float64   // font size and line scale in device pixels
	textScale  float64   // the text size factor (scale=; 0 means 1)
	drawnT     float64   // the simulation time of the last picture
	W, H       float64   // canvas size
	body       plot.Rect // the room for the panels
	rects      []plot.Rect
	prec       int      // decimals of times
	alphaText  string   // "alpha = 0.25"
	endText    string   // " of T = 4"
	labels     []string // per track
	colors     []color.RGBA
	repsSuffix []string // per track: "/1000 runs)"
	extra      []legendItem
	xs, lo, hi []float64 // scratch of the curves, kept across frames
	ia         interact  // the pointer's panels and readout (interact.go)
}

// A legendItem is an extra entry of the legend (a reference curve, or a
// method with its fitted slope): the label, then nums numbers (0, 1 or 2)
// with two decimals, the second after " ± ". The numbers are drawn digit by
// digit, so that an entry whose numbers change allocates nothing.
type legendItem struct {
	label string
	c     color.RGBA
	nums  int
	num   [2]float64
}

// legendSep separates the two numbers of a legendItem.
const legendSep = " \u00b1 "

// width returns the width of the item's text at size em.
func (it *legendItem) width(p *render.Painter, em float64) float64 {
	w := p.TextWidth(it.label, em)
	for k := 0; k < it.nums; k++ {
		sep := ""
		if k == 1 {
			sep = legendSep
		}
		w += p.NumberWidth(sep, it.num[k], 'f', 2, "", em)
	}
	return w
}

func (f *frame) initFrame(key string) {
	f.key = key
	sc, _ := catalog.Lookup(key)
	f.defCaption = sc.Caption()
	f.title = sc.Title
	if f.title == "" {
		f.title = "smflow"
	}
	f.p = render.NewPainter()
}

// SetCaption sets the caption line ("" for the scene's default).
func (f *frame) SetCaption(c string) { f.caption = c }

// resetFrame prepares the texts of the heading for s.
func (f *frame) resetFrame(s *sim.Sim) {
	cfg := s.Config()
	f.prec = timeDecimals(cfg.Alpha)
	f.alphaText = "alpha = " + strconv.FormatFloat(cfg.Alpha, 'g', 4, 64)
	f.endText = " of " + strconv.FormatFloat(cfg.T, 'g', 4, 64)
	f.labels, f.colors, f.repsSuffix = f.labels[:0], f.colors[:0], f.repsSuffix[:0]
	for _, tr := range s.Tracks() {
		f.labels = append(f.labels, tr.Method.Label())
		f.colors = append(f.colors, plot.MethodColor(tr.Method))
		f.repsSuffix = append(f.repsSuffix, "/"+strconv.Itoa(tr.Reps)+" runs)")
	}
	f.extra = f.extra[:0]
}

// SetTextScale sets the text size factor (the scale parameter; 1 is the
// default size).
func (f *frame) SetTextScale(k float64) { f.textScale = k }

// fontSize returns the font size em in device pixels for a canvas of w x h
// device pixels, scale device pixels per CSS pixel and the text size factor
// k: it grows with the canvas (a projector at 1920 x 1080 gets tick labels
// of 16 px and more), between 9 and 40 CSS pixels, times k.
func fontSize(w, h, scale, k float64) float64 {
	if !(k > 0) || math.IsInf(k, 0) {
		k = 1
	}
	return scale * k * min(max(min(w/scale/72, h/scale/44), 9), 40)
}

// begin starts a frame: it clears dst, draws the heading, the legend and the
// caption, and sets f.body.
func (f *frame) begin(dst *ebiten.Image, s *sim.Sim, scale float64) {
	if !(scale > 0) || math.IsInf(scale, 0) {
		scale = 1
	}
	b := dst.Bounds()
	f.W, f.H = float64(b.Dx()), float64(b.Dy())
	f.s = scale
	f.drawnT = 0
	if s != nil {
		f.drawnT = s.Time()
	}
	f.em = fontSize(f.W, f.H, scale, f.textScale)
	f.p.Begin(dst)
	f.beginInteract(s)
	em, p := f.em, f.p
	p.FillRect(plot.Rect{W: f.W, H: f.H}, plot.Background)
	pad := 0.6 * em
	line := 1.6 * em

	// Line 1: title left, clock and learning rate right; the title
	// shrinks to the room they leave.
	y := pad + line/2
	x := f.W - pad
	p.Text(f.alphaText, x, y, em, plot.Muted, render.Right, render.Middle)
	x -= p.TextWidth(f.alphaText, em) + 1.5*em
	if s != nil {
		p.Number("t = ", s.Time(), 'f', f.prec, f.endText, x, y, em, plot.Ink, render.Right, render.Middle)
		// The room of the clock at its widest (the end time), so that
		// the title keeps its size while the clock runs.
		x -= max(p.NumberWidth("t = ", s.Config().T, 'f', f.prec, f.endText, em),
			p.NumberWidth("t = ", s.Time(), 'f', f.prec, f.endText, em))
	}
	p.Text(f.title, pad, y, fitSize(p, f.title, 1.15*em, x-1.2*em-pad), plot.Ink, render.Left, render.Middle)

	// Legend lines.
	y += line
	x = pad
	if s != nil {
		for i := range f.labels {
			st := s.Status(i)
			w := 1.9*em + p.TextWidth(f.labels[i], em) + 1.2*em
			if st.Diverged {
				w += p.NumberWidth(" diverged at t = ", st.At, 'f', f.prec, "", em)
				if tr := s.Tracks()[i]; tr.Reps > 1 {
					w += p.NumberWidth(" (", float64(st.Reps), 'f', 0, f.repsSuffix[i], em)
				}
			}
			if x > pad && x+w > f.W-pad {
				x, y = pad, y+line
			}
			f.noteLegend(i, x, y, w)
			x = f.swatch(x, y, f.colors[i], f.labels[i])
			if st.Diverged {
				p.Number(" diverged at t = ", st.At, 'f', f.prec, "", x, y, em, plot.Alert, render.Left, render.Middle)
				x += p.NumberWidth(" diverged at t = ", st.At, 'f', f.prec, "", em)
				if tr := s.Tracks()[i]; tr.Reps > 1 {
					p.Number(" (", float64(st.Reps), 'f', 0, f.repsSuffix[i], x, y, em, plot.Alert, render.Left, render.Middle)
					x += p.NumberWidth(" (", float64(st.Reps), 'f', 0, f.repsSuffix[i], em)
				}
			}
			x += 1.2 * em
		}
	}
	for i := range f.extra {
		it := &f.extra[i]
		w := 1.9*em + it.width(p, em) + 1.2*em
		if x > pad && x+w > f.W-pad {
			x, y = pad, y+line
		}
		x = f.swatch(x, y, it.c, it.label)
		for k := 0; k < it.nums; k++ {
			sep := ""
			if k == 1 {
				sep = legendSep
			}
			p.Number(sep, it.num[k], 'f', 2, "", x, y, em, plot.Ink, render.Left, render.Middle)
			x += p.NumberWidth(sep, it.num[k], 'f', 2, "", em)
		}
		x += 1.2 * em
	}
	top := y + line/2 + 0.2*em

	// Caption, shrunk to fit the width.
	c := f.caption
	if c == "" {
		c = f.defCaption
	}
	size := fitSize(p, c, 0.9*em, f.W-2*pad)
	bottom := f.H - 1.7*em
	p.Text(c, pad, f.H-0.85*em, size, plot.Muted, render.Left, render.Middle)
	f.body = plot.Rect{X: pad, Y: top, W: f.W - 2*pad, H: bottom - top}
}

// swatch draws a legend entry (a short line with a dot, and the label) at
// (x, y) and returns the x after it.
func (f *frame) swatch(x, y float64, c color.RGBA, label string) float64 {
	em, p := f.em, f.p
	p.Line(x, y, x+1.4*em, y, 2.2*f.s, c)
	p.Dot(x+0.7*em, y, 0.3*em, c)
	x += 1.9 * em
	p.Text(label, x, y, f.em, plot.Ink, render.Left, render.Middle)
	return x + p.TextWidth(label, em)
}

// panels lays n panels out in the body with the wished aspect ratio.
func (f *frame) panels(n int, aspect float64) []plot.Rect {
	f.rects = plot.Grid(f.rects[:0], f.body, n, 0.8*f.em, aspect)
	return f.rects
}

// diverged writes "diverged at t = ..." in the top left corner of the plot
// area r if track i diverged.
func (f *frame) diverged(s *sim.Sim, i int, r plot.Rect) {
	st := s.Status(i)
	if !st.Diverged {
		return
	}
	f.p.Number("diverged at t = ", st.At, 'f', f.prec, "", r.X+0.4*f.em, r.Y+0.8*f.em, 0.9*f.em, plot.Alert, render.Left, render.Middle)
}

// end draws everything queued.
func (f *frame) end() {
	f.drawHover()
	f.p.Flush()
}

// exactPoints is the number of intervals of the grid of [0, t] on which an
// exact curve is drawn.
const exactPoints = 120

// drawTracks lays a out in r and draws in it, over the time axis, series q
// of every buffer pair (bufs[2j+q], in the colour of track j/per: per
// series a track; the first on top) with bands of -/+ 2 standard errors,
// and the curves exact(k, t), k < nExact, on a grid of exactPoints
// intervals of [0, t] (t the time of s). The y range ar takes in the bands
// and the curves' ends; it is [0, 1] while it has none.
func (f *frame) drawTracks(s *sim.Sim, a *render.Axes, ar *plot.AutoRange, r plot.Rect, bufs []*plot.Buffer, q, per, nExact int, exact func(k int, t float64) float64) {
	p, em := f.p, f.em
	a.Place(r, em)
	a.Tr.X = timeAxis(s)
	n := len(bufs) / 2
	lo, hi := math.Inf(1), math.Inf(-1)
	for j := 0; j < n; j++ {
		if l, h := bufs[2*j+q].Bounds(2, false); l == l {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	for k := 0; k < nExact; k++ {
		for _, t := range [2]float64{0, s.Time()} {
			if y := exact(k, t); y-y == 0 {
				lo, hi = min(lo, y), max(hi, y)
			}
		}
	}
	if lo <= hi {
		ar.Update(lo, hi)
	}
	a.Tr.Y = ar.Axis
	if !a.Tr.Y.Valid() {
		a.Tr.Y = plot.Axis{Min: 0, Max: 1}
	}
	a.Draw(p, em, f.s)
	f.noteSeries(a, bufs, q, per)
	if nExact > 0 {
		p.Clip(a.Area())
		for k := 0; k < nExact; k++ {
			xs := f.xs[:0]
			for i := 0; i <= exactPoints; i++ {
				t := s.Time() * float64(i) / exactPoints
				xs = append(xs, a.Tr.Px(t), a.Tr.Py(exact(k, t)))
			}
			p.Polyline(xs, 1.2*f.s, plot.Muted)
			f.xs = xs
		}
		p.NoClip()
	}
	for j := n - 1; j >= 0; j-- {
		b := bufs[2*j+q]
		f.xs, f.lo, f.hi = a.Series(p, b.T, b.Y, b.SE, 2, 1.8*f.s, f.colors[j/per], f.xs, f.lo, f.hi)
	}
}

// drawHistogram draws in a, in colour c, the step outline of the histogram
// hist of n values over [lo, hi] as a density: bin b at the height
// hist[b] / (n w), w = (hi - lo) / len(hist), with the outline down to 0 at
// lo and hi. Values outside [lo, hi] count in n, so the area is the
// fraction inside.
func (f *frame) drawHistogram(a *render.Axes, hist []float64, n, lo, hi float64, c color.RGBA) {
	width := (hi - lo) / float64(len(hist))
	xs := f.xs[:0]
	y0 := a.Tr.Py(0)
	xs = append(xs, a.Tr.Px(lo), y0)
	for b, h := range hist {
		y := a.Tr.Py(h / (n * width))
		xs = append(xs, a.Tr.Px(lo+float64(b)*width), y, a.Tr.Px(lo+float64(b+1)*width), y)
	}
	xs = append(xs, a.Tr.Px(hi), y0)
	f.p.Polyline(xs, 1.6*f.s, c)
	f.xs = xs
}

// timeAxis returns the axis [0, T] of the time series.
func timeAxis(s *sim.Sim) plot.Axis {
	T := s.Config().T
	if !(T > 0) || math.IsInf(T, 0) {
		T = 1
	}
	return plot.Axis{Min: 0, Max: T}
}

// modelScale returns the size of the default view of the simulation's
// model (the larger side of its Viewer box), or 2 (the box [-1, 1]^2) for a
// model without one.
func modelScale(s *sim.Sim) float64 {
	var box [4]float64
	if v, ok := s.Model().(sim.Viewer); ok {
		box = v.Box()
	} else if p, ok := sim.ProblemOf(s.Model()).(sim.Viewer); ok {
		box = p.Box()
	} else {
		return 2
	}
	if sc := max(box[1]-box[0], box[3]-box[2]); sc > 0 && !math.IsInf(sc, 0) {
		return sc
	}
	return 2
}

// axisScale returns the magnitude of the values of a valid axis (0 for an
// invalid one): the scale of a quantity for the Floor of a range derived
// from it.
func axisScale(a plot.Axis) float64 {
	if !a.Valid() {
		return 0
	}
	return max(math.Abs(a.Min), math.Abs(a.Max))
}

// seriesRange updates ar with the bounds of the buffers (y -/+ 2 se) and
// returns its axis.
func seriesRange(ar *plot.AutoRange, bufs ...*plot.Buffer) plot.Axis {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, b := range bufs {
		l, h := b.Bounds(2, ar.Axis.Log)
		if l == l {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	if lo <= hi {
		ar.Update(lo, hi)
	}
	if !ar.Axis.Valid() {
		if ar.Axis.Log {
			return plot.Axis{Min: 0.01, Max: 1, Log: true}
		}
		return plot.Axis{Min: 0, Max: 1}
	}
	return ar.Axis
}

// A Description is the picture as last drawn, for the page and the tests
// (smflow.describe()): every panel's title and axes with their ranges and
// tick labels, the legend, and every piece of text with its box.
type Description struct {
	// Title is the scene's title, Caption the line under the figure.
	Title, Caption string
	Panels         []render.PanelInfo
	Legend         []string
	// Texts are the pieces of text drawn, with their boxes in CSS pixels.
	Texts []render.TextBox
	// T is the simulation time of the picture.
	T float64
	// Width and Height are the canvas size in CSS pixels, TickPx the size
	// of the tick labels in CSS pixels and Em the font size.
	Width, Height, TickPx, Em float64
}

// A Describer is a View that describes its last picture: every View of
// this package.
type Describer interface {
	Describe() Description
}

// DescribeOf returns the description of v's last picture if v has one.
func DescribeOf(v View) (Description, bool) {
	if d, ok := v.(Describer); ok {
		return d.Describe(), true
	}
	return Description{}, false
}

// A TextScaler is a View whose text size takes a factor (every View of
// this package): the scale parameter.
type TextScaler interface {
	SetTextScale(k float64)
}

// SetTextScale sets the text size factor of v if it takes one.
func SetTextScale(v View, k float64) {
	if t, ok := v.(TextScaler); ok {
		t.SetTextScale(k)
	}
}

// Describe returns the description of the last picture. It allocates; the
// drawing records nothing more than it draws.
func (f *frame) Describe() Description {
	d := Description{Title: f.title, Caption: f.caption, Legend: []string{}, Panels: []render.PanelInfo{}}
	if d.Caption == "" {
		d.Caption = f.defCaption
	}
	if f.p == nil || !(f.s > 0) {
		return d
	}
	for _, a := range f.p.DrawnAxes() {
		d.Panels = append(d.Panels, a.Info())
	}
	d.Legend = append(d.Legend, f.labels...)
	for _, it := range f.extra {
		d.Legend = append(d.Legend, it.label)
	}
	k := 1 / f.s
	for _, tb := range f.p.TextBoxes(nil) {
		tb.Box = plot.Rect{X: tb.Box.X * k, Y: tb.Box.Y * k, W: tb.Box.W * k, H: tb.Box.H * k}
		tb.Size *= k
		d.Texts = append(d.Texts, tb)
	}
	d.T = f.drawnT
	d.Width, d.Height = f.W*k, f.H*k
	d.TickPx, d.Em = render.TickSize(f.em)*k, f.em*k
	return d
}
