//go:build js

package render

import (
	"image/color"
	"math"

	"smflow/render/plot"
)

// Axes is one panel of a figure: a title, a plot area with a data
// transform, tick marks with labels, grid lines and axis labels. Keep one
// Axes per panel across frames: its ticks and labels are recomputed only
// when its ranges change.
//
// Every label stays inside the panel and clear of the others: the left
// margin is as wide as the y tick labels need, the x ticks are thinned
// until their labels fit side by side, and the title and axis labels
// shrink to fit their room.
type Axes struct {
	// Title, XLabel and YLabel are drawn above, below and left of the plot.
	Title, XLabel, YLabel string
	// Tr maps data to the plot area; set Tr.X and Tr.Y before Draw.
	Tr plot.Transform
	// Panel is the whole panel and TitleBand its title line (set by Place).
	Panel, TitleBand plot.Rect
	// NoGrid turns the grid lines off, NoYTicks the y tick labels.
	NoGrid, NoYTicks bool
	// Equal keeps one data unit equally long on both axes (Tr.Equal) when
	// Layout moves the plot area: for phase planes.
	Equal bool

	xt, yt plot.AxisTicks
	em     float64
	left   float64 // the left margin of the last Layout, in em (0: none yet)
	laid   bool    // Layout ran since the last Place
	// The x ticks chosen by fitX, for these inputs.
	fitAxis     plot.Axis
	fitW, fitEm float64
	fitTarget   int
	drawn       bool // Draw ran at least once
}

// Font sizes and distances of the axes, in em.
const (
	tickLen    = 0.35 // tick marks
	tickSize   = 0.85 // tick labels
	labelSize  = 0.9  // axis labels
	titleSize  = 1.05 // the title
	yBand      = 1.35 // the band of the rotated y axis label
	xTickGap   = 0.6  // the least room between two x tick labels
	tickOffset = 0.2  // from the tick mark to its label
)

// TickSize is the font size of the tick labels for the font size em.
func TickSize(em float64) float64 { return tickSize * em }

// margins returns the panel margins with the given left margin (em).
func margins(left float64) plot.Margins {
	m := plot.DefaultMargins
	if left > 0 {
		m.Left = left
	}
	return m
}

// Place lays the panel out in r for the font size em (pixels). The left
// margin is the one of the last Layout (the y tick labels of the last
// frame), so that Area is usually final already; Layout settles it.
func (a *Axes) Place(r plot.Rect, em float64) {
	if em != a.em {
		a.left = 0
	}
	a.Panel, a.em, a.laid = r, em, false
	a.TitleBand, a.Tr.Rect = plot.Panel(r, em, margins(a.left))
}

// Area returns the plot area.
func (a *Axes) Area() plot.Rect { return a.Tr.Rect }

// Layout settles the plot area for the ranges Tr.X and Tr.Y: it chooses
// the ticks, widens or narrows the left margin to the y tick labels and
// thins the x ticks until their labels fit. Draw calls it; call it before
// using Area or Tr to draw data under the axes.
func (a *Axes) Layout(p *Painter, em float64) {
	if a.laid && em == a.em {
		return
	}
	if em != a.em {
		a.Place(a.Panel, em)
	}
	a.laid = true
	small := tickSize * em
	for iter := 0; iter < 3; iter++ {
		r := a.Tr.Rect
		if r.Empty() {
			return
		}
		// About one tick per 2.8 em, and room for the labels on short axes.
		a.yt.Update(a.Tr.Y, max(1, min(max(2, int(r.H/(2.8*em))), int(r.H/(1.5*small)))))
		band := 0.35 * em
		if a.YLabel != "" {
			band = yBand * em
		}
		left := band + tickLen*em
		if !a.NoYTicks {
			w := 0.0
			for i := range a.yt.Vals {
				w = max(w, p.LabelWidth(a.yt.Label(i), small))
			}
			left += w + tickOffset*em
		}
		left = math.Ceil(left)/em + 0.01
		if math.Abs(left-(r.X-a.Panel.X)/em) < 0.05 {
			break
		}
		a.left = left
		a.TitleBand, a.Tr.Rect = plot.Panel(a.Panel, em, margins(left))
		if a.Equal {
			a.Tr.Equal()
		}
	}
	a.fitX(p, em)
}

// fitX chooses the x ticks: the most (up to one per 5.5 em) whose labels,
// kept inside the panel, leave room between each other.
func (a *Axes) fitX(p *Painter, em float64) {
	r := a.Tr.Rect
	if a.fitTarget > 0 && a.fitAxis == a.Tr.X && a.fitW == r.W && a.fitEm == em {
		a.xt.Update(a.Tr.X, a.fitTarget)
		return
	}
	small := tickSize * em
	target := max(2, int(r.W/(5.5*em)))
	for ; ; target-- {
		a.xt.Update(a.Tr.X, target)
		if target <= 1 || a.xFits(p, small, em) {
			break
		}
	}
	a.fitAxis, a.fitW, a.fitEm, a.fitTarget = a.Tr.X, r.W, em, target
}

// xLabelSpan returns the left and right ends of x tick label i, kept
// inside the panel.
func (a *Axes) xLabelSpan(p *Painter, i int, small float64) (float64, float64) {
	w := p.LabelWidth(a.xt.Label(i), small)
	x := math.Round(a.Tr.Px(a.xt.Vals[i]) - w/2)
	x = max(min(x, a.Panel.MaxX()-w), a.Panel.X)
	return x, x + w
}

// xFits reports whether the x tick labels leave room between each other.
func (a *Axes) xFits(p *Painter, small, em float64) bool {
	last := math.Inf(-1)
	for i := range a.xt.Vals {
		l, r := a.xLabelSpan(p, i, small)
		if l < last+xTickGap*em {
			return false
		}
		last = r
	}
	return true
}

// FitSize returns the largest text size up to size, in half pixels, at
// which s is at most w wide (at least 4).
func FitSize(p *Painter, s string, size, w float64) float64 {
	tw := p.TextWidth(s, size)
	if tw <= w {
		return size
	}
	size = math.Floor(size*max(w, 0)/tw*2) / 2
	for size > 4 && p.TextWidth(s, size) > w {
		size -= 0.5
	}
	return max(size, 4)
}

// Draw draws the grid, frame, ticks, tick labels, axis labels and title
// with font size em and the line scale s (device pixels per CSS pixel).
func (a *Axes) Draw(p *Painter, em, s float64) {
	a.Layout(p, em)
	a.drawn = true
	p.noteAxes(a)
	r := a.Tr.Rect
	p.NoClip()
	if a.Title != "" {
		size := FitSize(p, a.Title, titleSize*em, a.Panel.W-0.4*em)
		p.Text(a.Title, a.Panel.X+0.2*em, a.TitleBand.Y+a.TitleBand.H/2, size, plot.Ink, Left, Middle)
	}
	if r.Empty() {
		return
	}
	tick := tickLen * em
	small := tickSize * em
	for i, v := range a.xt.Vals {
		x := a.Tr.Px(v)
		if !a.NoGrid {
			p.Line(x, r.Y, x, r.MaxY(), s, plot.GridLine)
		}
		p.Line(x, r.MaxY(), x, r.MaxY()+tick, s, plot.Frame)
		l, _ := a.xLabelSpan(p, i, small)
		p.Label(a.xt.Label(i), l, r.MaxY()+tick+tickOffset*em, small, plot.Muted, Left, Top)
	}
	for i, v := range a.yt.Vals {
		y := a.Tr.Py(v)
		if !a.NoGrid {
			p.Line(r.X, y, r.MaxX(), y, s, plot.GridLine)
		}
		p.Line(r.X-tick, y, r.X, y, s, plot.Frame)
		if !a.NoYTicks {
			p.Label(a.yt.Label(i), r.X-tick-tickOffset*em, y, small, plot.Muted, Right, Middle)
		}
	}
	p.StrokeRect(r, s, plot.Frame)
	if a.XLabel != "" {
		size := FitSize(p, a.XLabel, labelSize*em, r.W)
		p.Text(a.XLabel, r.X+r.W/2, r.MaxY()+tick+1.3*em, size, plot.Ink, Center, Top)
	}
	if a.YLabel != "" {
		size := FitSize(p, a.YLabel, labelSize*em, r.H)
		p.TextUp(a.YLabel, a.Panel.X+0.7*em, r.Y+r.H/2, size, plot.Ink)
	}
}

// An AxisInfo describes one axis as drawn: its label, range and tick
// labels.
type AxisInfo struct {
	Label    string
	Min, Max float64
	Log      bool
	Ticks    []string
}

// A PanelInfo describes one panel as drawn: its title and its x and y
// axes.
type PanelInfo struct {
	Title string
	Axes  [2]AxisInfo
}

// Info returns the panel as it was last drawn (it allocates: call it only
// when asked).
func (a *Axes) Info() PanelInfo {
	ticks := func(at *plot.AxisTicks, hidden bool) []string {
		out := []string{}
		if hidden {
			return out
		}
		for i := 0; i < at.Len(); i++ {
			out = append(out, string(at.Label(i)))
		}
		return out
	}
	empty := a.Tr.Rect.Empty()
	return PanelInfo{Title: a.Title, Axes: [2]AxisInfo{
		{Label: a.XLabel, Min: a.Tr.X.Min, Max: a.Tr.X.Max, Log: a.Tr.X.Log, Ticks: ticks(&a.xt, empty)},
		{Label: a.YLabel, Min: a.Tr.Y.Min, Max: a.Tr.Y.Max, Log: a.Tr.Y.Log, Ticks: ticks(&a.yt, empty || a.NoYTicks)},
	}}
}

// Series draws the time series (t[i], y[i]) in the plot area: a band of
// y -/+ k se (if k > 0 and se is not nil) in c at opacity 0.2, and the line
// of width w. xs, lo and hi are scratch slices the caller keeps across
// frames; they are returned resized.
func (a *Axes) Series(p *Painter, t, y, se []float64, k, w float64, c color.RGBA, xs, lo, hi []float64) ([]float64, []float64, []float64) {
	n := min(len(t), len(y))
	// The scratch slices grow at once to the capacity of the series (its
	// buffer's), not point by point as the series gets longer.
	if c := 2 * max(cap(t), n); cap(xs) < c {
		xs = make([]float64, 0, c)
	}
	if c := max(cap(t), n); k > 0 && cap(lo) < c {
		lo, hi = make([]float64, 0, c), make([]float64, 0, c)
	}
	xs, lo, hi = xs[:0], lo[:0], hi[:0]
	if k > 0 && len(se) >= n {
		for i := 0; i < n; i++ {
			xs = append(xs, a.Tr.Px(t[i]))
			v := y[i] - k*se[i]
			if a.Tr.Y.Log && !(v > 0) {
				v = a.Tr.Y.Min // the band reaches below a log axis
			}
			lo = append(lo, a.Tr.Py(v))
			hi = append(hi, a.Tr.Py(y[i]+k*se[i]))
		}
		p.Clip(a.Tr.Rect)
		p.Band(xs, lo, hi, plot.Fade(c, 0.22))
	}
	xs = xs[:0]
	for i := 0; i < n; i++ {
		xs = append(xs, a.Tr.Px(t[i]), a.Tr.Py(y[i]))
	}
	p.Clip(a.Tr.Rect)
	p.Polyline(xs, w, c)
	p.NoClip()
	return xs, lo, hi
}
