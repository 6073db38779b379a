//go:build js

package scene

import (
	"math"
	"strconv"

	"smflow/input"
	"smflow/render"
	"smflow/render/plot"
	"smflow/sim"
	"smflow/sim/param"
)

// An Interactor is a View whose panels answer the pointer (the ensemble,
// flow and meanfield scenes; every View of this package has the methods,
// a scene without phase planes offers only hover readouts).
type Interactor interface {
	// Screen returns the panels of the last picture, in device pixels,
	// with their data windows, and the boxes of the legend's methods.
	Screen() input.Screen
	// SetHover sets the pointer's position in device pixels for the
	// readout drawn with the next picture (on false: none).
	SetHover(x, y float64, on bool)
	// Readout returns the readout of the last picture (false: none).
	Readout() (Readout, bool)
	// SetDrag shows a point being dragged from the pixel (x0, y0) to
	// (x, y), device pixels, in the next pictures (on false: none).
	SetDrag(x0, y0, x, y float64, on bool)
}

// A ReadoutValue is one labelled number of a Readout.
type ReadoutValue struct {
	Label string
	Value float64
}

// A Readout is what the pointer hovers: the panel's title, the data
// coordinates (X, Y) under it, and the values there: each curve's value at
// the hovered time in a time-series panel, the nearest particle's index and
// coordinates in a particle panel.
type Readout struct {
	Panel  string
	X, Y   float64
	Values []ReadoutValue
}

// Kinds of probes.
const (
	probeAxes      = iota // coordinates only
	probeSeries           // time series of buffers
	probeParticles        // a cloud of particles (and maybe editable points)
)

// A probe is a panel drawn in the last picture that the pointer can read:
// its axes and what they show.
type probe struct {
	a    *render.Axes
	kind int
	// Series: the buffer pairs (series q of bufs[2j+q], track j/per).
	bufs   []*plot.Buffer
	q, per int
	// Particles: coordinates 0 and 1 of the particles of s.
	s     *sim.Sim
	track int // the track of the panel (its first replica), -1: every track and replica
	// A phase plane: zoomable; editable points (x, y of each) with the
	// indices of their grid's corners.
	zoom    bool
	edit    bool
	pts     []float64
	corners []int
}

// interact is the frame's part for the pointer: the probes and the legend
// boxes of the last picture, the zoomed window and the hover.
type interact struct {
	probes   []probe
	legend   []input.Rect
	win      input.Window
	zoomed   bool
	hx, hy   float64
	hover    bool
	readout  Readout
	hasRead  bool
	seriesAx []*render.Axes // the time-series panels drawn (for the crosshair)
	pts      []float64      // the starting points (x, y of each) of this picture
	shown    [][]float64    // per probe: where its track shows the starting points
	corners  []int          // the indices of their grid's corners
	ptsDone  bool           // pts and corners are those of this picture
	s        *sim.Sim       // the simulation drawn
	drag     [4]float64     // a point dragged: from (drag[0], drag[1]) to (drag[2], drag[3])
	dragging bool
}

// SetValues takes the zoomed window of the phase planes (the key view).
// The order scene has its own SetValues (it has no phase plane).
func (f *frame) SetValues(v param.Values) {
	f.ia.win, f.ia.zoomed = param.ViewWindow(v)
}

// beginInteract forgets the panels of the previous picture; s is the
// simulation drawn.
func (f *frame) beginInteract(s *sim.Sim) {
	ia := &f.ia
	ia.s = s
	ia.probes, ia.legend, ia.seriesAx = ia.probes[:0], ia.legend[:0], ia.seriesAx[:0]
	ia.ptsDone = false
}

// noteLegend records the box of legend entry i (a method), drawn from x
// to x + w around the line y.
func (f *frame) noteLegend(i int, x, y, w float64) {
	for len(f.ia.legend) <= i {
		f.ia.legend = append(f.ia.legend, input.Rect{})
	}
	f.ia.legend[i] = input.Rect{X: x, Y: y - 0.8*f.em, W: w, H: 1.6 * f.em}
}

// noteSeries records a time-series panel (see drawTracks).
func (f *frame) noteSeries(a *render.Axes, bufs []*plot.Buffer, q, per int) {
	f.ia.probes = append(f.ia.probes, probe{a: a, kind: probeSeries, bufs: bufs, q: q, per: per})
	f.ia.seriesAx = append(f.ia.seriesAx, a)
}

// notePlane applies the zoomed window (if any) to a phase plane a whose
// automatic ranges are set, before a.Draw, and records it: with the
// particles of track (its first replica; -1: every replica of every track)
// of the simulation drawn. If edit, the starting points are editable: the
// pointer grabs them where track shows them now (the starting points
// themselves when track is -1), and the action moves the starting point.
func (f *frame) notePlane(a *render.Axes, track int, edit bool) {
	ia := &f.ia
	s := ia.s
	var pts []float64
	var corners []int
	if edit && s != nil {
		if !ia.ptsDone {
			ia.pts, ia.corners = startPoints(ia.pts, ia.corners, s)
			ia.ptsDone = true
		}
		pts, corners = ia.pts, ia.corners
		if tr := s.Tracks(); track >= 0 && track < len(tr) && tr[track].D >= 2 {
			// Where the first replica shows the starting points now.
			t := tr[track]
			k := len(ia.probes)
			for len(ia.shown) <= k {
				ia.shown = append(ia.shown, nil)
			}
			sh := ia.shown[k][:0]
			for q := 0; q < min(t.N, len(pts)/2); q++ {
				sh = append(sh, t.Z[q*t.D], t.Z[q*t.D+1])
			}
			ia.shown[k], pts = sh, sh
		}
	}
	if ia.zoomed {
		w := ia.win
		a.Tr.X, a.Tr.Y = plot.Axis{Min: w.X0, Max: w.X1}, plot.Axis{Min: w.Y0, Max: w.Y1}
		if a.Equal {
			a.Tr.Equal()
		}
	}
	ia.probes = append(ia.probes, probe{a: a, kind: probeParticles, s: s, track: track, zoom: true, edit: edit, pts: pts, corners: corners})
}

// startPoints returns coordinates 0 and 1 of every starting point of s
// (in dst, reused), and the indices (in corners, reused) of the corners of their grid (if they
// form one): bottom left, bottom right, top left, top right.
func startPoints(dst []float64, corners []int, s *sim.Sim) ([]float64, []int) {
	start, _ := s.Start()
	d := s.Model().Dim()
	dst, corners = dst[:0], corners[:0]
	if d < 2 {
		return dst, corners
	}
	n := len(start) / d
	for k := 0; k < n; k++ {
		dst = append(dst, start[k*d], start[k*d+1])
	}
	gw := gridWidth(s, n)
	if gw > 1 && gw < n {
		corners = append(corners, 0, gw-1, (n-1)/gw*gw, n-1)
	}
	return dst, corners
}

// Screen returns the panels of the last picture (input.Screen).
func (f *frame) Screen() input.Screen {
	var sc input.Screen
	for i := range f.ia.probes {
		pr := &f.ia.probes[i]
		r := pr.a.Area()
		tr := pr.a.Tr
		sc.Panels = append(sc.Panels, input.Panel{
			Title: pr.a.Title,
			Rect:  input.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H},
			Win:   input.Window{X0: tr.X.Min, X1: tr.X.Max, Y0: tr.Y.Min, Y1: tr.Y.Max},
			Zoom:  pr.zoom && !tr.X.Log && !tr.Y.Log, Edit: pr.edit,
			Points: append([]float64(nil), pr.pts...), Corners: append([]int(nil), pr.corners...),
		})
	}
	sc.Legend = append(sc.Legend, f.ia.legend...)
	return sc
}

// SetHover sets the pointer for the readout of the next picture.
func (f *frame) SetHover(x, y float64, on bool) { f.ia.hx, f.ia.hy, f.ia.hover = x, y, on }

// SetDrag shows a point dragged from (x0, y0) to (x, y) (device pixels).
func (f *frame) SetDrag(x0, y0, x, y float64, on bool) {
	f.ia.drag, f.ia.dragging = [4]float64{x0, y0, x, y}, on
}

// drawDrag draws the point being dragged: a dashed-looking line from where
// it was grabbed and a ring where it would go.
func (f *frame) drawDrag() {
	if !f.ia.dragging {
		return
	}
	d := f.ia.drag
	f.p.Line(d[0], d[1], d[2], d[3], f.s, plot.Muted)
	f.p.Ring(d[2], d[3], 0.5*f.em, 1.8*f.s, plot.Ink)
}

// Readout returns the readout of the last picture.
func (f *frame) Readout() (Readout, bool) { return f.ia.readout, f.ia.hasRead }

// invert returns the data value at the fraction u of axis a (the inverse of
// a.Frac).
func invert(a plot.Axis, u float64) float64 {
	if a.Log {
		lo, hi := math.Log10(a.Min), math.Log10(a.Max)
		return math.Pow(10, lo+u*(hi-lo))
	}
	return a.Min + u*(a.Max-a.Min)
}

// drawHover computes the readout under the pointer and draws it: a
// vertical line at the hovered time in every time-series panel (they share
// the time axis), a cross in a phase plane with a ring on the nearest
// particle, and a box of text by the pointer.
func (f *frame) drawHover() {
	ia := &f.ia
	ia.hasRead = false
	ia.readout.Values = ia.readout.Values[:0]
	f.drawDrag()
	if !ia.hover {
		return
	}
	var pr *probe
	for i := range ia.probes {
		if r := ia.probes[i].a.Area(); !r.Empty() && ia.hx >= r.X && ia.hx <= r.MaxX() && ia.hy >= r.Y && ia.hy <= r.MaxY() {
			pr = &ia.probes[i]
			break
		}
	}
	if pr == nil {
		for _, a := range f.p.DrawnAxes() {
			if r := a.Area(); !r.Empty() && ia.hx >= r.X && ia.hx <= r.MaxX() && ia.hy >= r.Y && ia.hy <= r.MaxY() {
				ia.probes = append(ia.probes, probe{a: a, kind: probeAxes})
				pr = &ia.probes[len(ia.probes)-1]
				break
			}
		}
	}
	if pr == nil {
		return
	}
	p, a := f.p, pr.a
	r := a.Area()
	x := invert(a.Tr.X, (ia.hx-r.X)/r.W)
	y := invert(a.Tr.Y, (r.MaxY()-ia.hy)/r.H)
	rd := &ia.readout
	rd.Panel, rd.X, rd.Y = a.Title, x, y
	ia.hasRead = true
	line := plot.Fade(plot.Ink, 0.5)
	switch pr.kind {
	case probeSeries:
		for _, b := range ia.seriesAx {
			br := b.Area()
			px := b.Tr.Px(x)
			p.Line(px, br.Y, px, br.MaxY(), f.s, line)
		}
		for j := 0; 2*j+pr.q < len(pr.bufs); j++ {
			b := pr.bufs[2*j+pr.q]
			k := nearestTime(b.T, x)
			if k < 0 {
				continue
			}
			tr := j / max(pr.per, 1)
			label := ""
			if tr < len(f.labels) {
				label = f.labels[tr]
			}
			if pr.per > 1 {
				label += " point " + strconv.Itoa(j%pr.per+1)
			}
			rd.Values = append(rd.Values, ReadoutValue{label, b.Y[k]})
			if tr < len(f.colors) {
				p.Dot(a.Tr.Px(b.T[k]), a.Tr.Py(b.Y[k]), 0.25*f.em, f.colors[tr])
			}
		}
	case probeParticles:
		p.Line(r.X, ia.hy, r.MaxX(), ia.hy, f.s, line)
		p.Line(ia.hx, r.Y, ia.hx, r.MaxY(), f.s, line)
		if tr, rep, k, z := nearestParticle(pr, ia.hx, ia.hy); tr >= 0 {
			rd.Values = append(rd.Values,
				ReadoutValue{"track", float64(tr)}, ReadoutValue{"replica", float64(rep)}, ReadoutValue{"index", float64(k)},
				ReadoutValue{"z1", z[0]}, ReadoutValue{"z2", z[1]})
			p.Ring(a.Tr.Px(z[0]), a.Tr.Py(z[1]), 0.5*f.em, 1.5*f.s, plot.Ink)
			if tr < len(f.labels) {
				rd.Values[0].Label = "track " + f.labels[tr]
			}
		}
	default:
		p.Line(ia.hx, r.Y, ia.hx, r.MaxY(), f.s, line)
	}
	f.drawReadout(rd)
}

// drawReadout draws the readout in a box by the pointer, inside the canvas.
func (f *frame) drawReadout(rd *Readout) {
	p, em := f.p, 0.85*f.em
	lines := make([]string, 0, 1+len(rd.Values))
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	lines = append(lines, "("+num(rd.X)+", "+num(rd.Y)+")")
	for _, v := range rd.Values {
		lines = append(lines, v.Label+": "+num(v.Value))
	}
	w := 0.0
	for _, l := range lines {
		w = max(w, p.TextWidth(l, em))
	}
	lh := 1.3 * em
	bw, bh := w+em, lh*float64(len(lines))+0.4*em
	x, y := f.ia.hx+em, f.ia.hy+em
	if x+bw > f.W {
		x = f.ia.hx - em - bw
	}
	if y+bh > f.H {
		y = f.ia.hy - em - bh
	}
	x, y = max(x, 0), max(y, 0)
	p.FillRect(plot.Rect{X: x, Y: y, W: bw, H: bh}, plot.Fade(plot.Background, 0.92))
	for i, l := range lines {
		p.Text(l, x+0.5*em, y+0.2*em+lh*(float64(i)+0.5), em, plot.Ink, render.Left, render.Middle)
	}
}

// nearestTime returns the index of the time of ts nearest to t (ts
// increasing), or -1 when ts is empty.
func nearestTime(ts []float64, t float64) int {
	lo, hi := 0, len(ts)
	if hi == 0 {
		return -1
	}
	for lo < hi { // the first index with ts[i] >= t
		m := (lo + hi) / 2
		if ts[m] < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(ts) || lo > 0 && t-ts[lo-1] < ts[lo]-t {
		lo--
	}
	return lo
}

// nearestParticle returns the particle of pr nearest to the pixel (px, py):
// its track, replica, index and coordinates 0 and 1 (track -1: none).
func nearestParticle(pr *probe, px, py float64) (tr, rep, k int, z [2]float64) {
	tr = -1
	if pr.s == nil {
		return
	}
	a := pr.a
	best := math.Inf(1)
	for i, t := range pr.s.Tracks() {
		if t.D < 2 || pr.track >= 0 && i != pr.track {
			continue
		}
		reps := t.Reps
		if pr.track >= 0 {
			reps = 1
		}
		per := t.N * t.D
		for r := 0; r < reps; r++ {
			if t.DivergedAt[r] >= 0 {
				continue
			}
			for q := 0; q < t.N; q++ {
				c := t.Z[r*per+q*t.D:]
				dx, dy := a.Tr.Px(c[0])-px, a.Tr.Py(c[1])-py
				if d := dx*dx + dy*dy; d < best {
					best, tr, rep, k, z = d, i, r, q, [2]float64{c[0], c[1]}
				}
			}
		}
	}
	return
}
