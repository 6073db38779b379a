//go:build js

package render

import (
	"image/color"

	"smflow/render/plot"
)

// Axes is one panel of a figure: a title, a plot area with a data
// transform, tick marks with labels, grid lines and axis labels. Keep one
// Axes per panel across frames: its ticks and labels are recomputed only
// when its ranges change.
type Axes struct {
	// Title, XLabel and YLabel are drawn above, below and left of the plot.
	Title, XLabel, YLabel string
	// Tr maps data to the plot area; set Tr.X and Tr.Y before Draw.
	Tr plot.Transform
	// Panel is the whole panel and TitleBand its title line (set by Place).
	Panel, TitleBand plot.Rect
	// NoGrid turns the grid lines off, NoYTicks the y tick labels.
	NoGrid, NoYTicks bool

	xt, yt plot.AxisTicks
}

// Place lays the panel out in r for the font size em (pixels), with the
// default margins.
func (a *Axes) Place(r plot.Rect, em float64) {
	a.Panel = r
	a.TitleBand, a.Tr.Rect = plot.Panel(r, em, plot.DefaultMargins)
}

// Area returns the plot area.
func (a *Axes) Area() plot.Rect { return a.Tr.Rect }

// Draw draws the grid, frame, ticks, tick labels, axis labels and title
// with font size em and the line scale s (device pixels per CSS pixel).
func (a *Axes) Draw(p *Painter, em, s float64) {
	r := a.Tr.Rect
	p.NoClip()
	p.Text(a.Title, a.Panel.X+0.2*em, a.TitleBand.Y+a.TitleBand.H/2, 1.05*em, plot.Ink, Left, Middle)
	if r.Empty() {
		return
	}
	a.xt.Update(a.Tr.X, max(2, int(r.W/(5.5*em))))
	a.yt.Update(a.Tr.Y, max(2, int(r.H/(2.8*em))))
	tick := 0.35 * em
	small := 0.85 * em
	for i, v := range a.xt.Vals {
		x := a.Tr.Px(v)
		if !a.NoGrid {
			p.Line(x, r.Y, x, r.MaxY(), s, plot.GridLine)
		}
		p.Line(x, r.MaxY(), x, r.MaxY()+tick, s, plot.Frame)
		p.Label(a.xt.Label(i), x, r.MaxY()+tick+0.1*em, small, plot.Muted, Center, Top)
	}
	for i, v := range a.yt.Vals {
		y := a.Tr.Py(v)
		if !a.NoGrid {
			p.Line(r.X, y, r.MaxX(), y, s, plot.GridLine)
		}
		p.Line(r.X-tick, y, r.X, y, s, plot.Frame)
		if !a.NoYTicks {
			p.Label(a.yt.Label(i), r.X-tick-0.2*em, y, small, plot.Muted, Right, Middle)
		}
	}
	p.StrokeRect(r, s, plot.Frame)
	if a.XLabel != "" {
		p.Text(a.XLabel, r.X+r.W/2, r.MaxY()+tick+1.25*em, 0.9*em, plot.Ink, Center, Top)
	}
	if a.YLabel != "" {
		p.TextUp(a.YLabel, a.Panel.X+0.7*em, r.Y+r.H/2, 0.9*em, plot.Ink)
	}
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
