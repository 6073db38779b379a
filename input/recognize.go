package input

import "math"

// Defaults of a Recognizer's settings.
const (
	DefaultThreshold  = 4    // pixels a press must move to be a drag
	DefaultDoubleTime = 0.35 // seconds between the clicks of a double-click
	DefaultDoubleDist = 8    // pixels between the clicks of a double-click
	DefaultWheelZoom  = 1.15 // zoom factor per wheel notch
	LongPress         = 0.6  // seconds a finger must rest for a long press
)

// A Recognizer turns events into gestures. Only the primary pointer (the
// first pressed) clicks and drags; a second finger down starts a pinch,
// which zooms by the ratio of the fingers' distances about their midpoint
// and pans with it; a finger resting LongPress seconds without moving is a
// shift-click (a phone has no shift key). A click is reported once
// DoubleTime passed without a second click (Tick, or the next event), so
// that the first click of a double-click is never a click. The zero Recognizer uses the defaults.
type Recognizer struct {
	Threshold, DoubleTime, DoubleDist, WheelZoom float64

	// The primary press.
	pressed, dragging bool
	id                int
	x0, y0, lx, ly    float64
	shift             bool
	t0                float64 // when the press began
	// The click waiting for DoubleTime to pass (pending), as a Click.
	pending  bool
	click    Gesture
	clickT   float64
	swallow  bool // a pinch ended: ignore presses until every finger is up
	touches  []touch
	pinching bool
	pd       float64 // the fingers' distance at the last pinch gesture
	pmx, pmy float64 // their midpoint then
}

// touch is a pointer that is down.
type touch struct {
	id   int
	x, y float64
}

func (r *Recognizer) settings() (thr, dt, dd, wz float64) {
	thr, dt, dd, wz = r.Threshold, r.DoubleTime, r.DoubleDist, r.WheelZoom
	if thr <= 0 {
		thr = DefaultThreshold
	}
	if dt <= 0 {
		dt = DefaultDoubleTime
	}
	if dd <= 0 {
		dd = DefaultDoubleDist
	}
	if wz <= 1 {
		wz = DefaultWheelZoom
	}
	return
}

// Tick reports the click that waited for a second one, if DoubleTime
// passed by time t; it appends to out and returns it.
func (r *Recognizer) Tick(t float64, out []Gesture) []Gesture {
	_, dt, _, _ := r.settings()
	if r.pending && t-r.clickT > dt {
		r.pending = false
		out = append(out, r.click)
	}
	return out
}

// flush reports the waiting click at once.
func (r *Recognizer) flush(out []Gesture) []Gesture {
	if r.pending {
		r.pending = false
		out = append(out, r.click)
	}
	return out
}

// Down reports whether a button or a finger is down.
func (r *Recognizer) Down() bool { return r.pressed || len(r.touches) > 0 }

// Pending reports whether a click waits to know if it is a double-click.
func (r *Recognizer) Pending() bool { return r.pending }

// Feed reads one event and appends the gestures it completes to out.
func (r *Recognizer) Feed(e Event, out []Gesture) []Gesture {
	thr, dt, dd, wz := r.settings()
	out = r.Tick(e.T, out)
	switch e.Kind {
	case Wheel:
		if e.Wheel != 0 {
			out = append(out, Gesture{Kind: Zoom, X: e.X, Y: e.Y, Factor: math.Pow(wz, e.Wheel)})
		}
	case Leave:
		if !r.pressed {
			out = append(out, Gesture{Kind: Out})
		}
	case Down:
		r.setTouch(e.ID, e.X, e.Y)
		switch {
		case len(r.touches) == 2:
			if r.dragging {
				out = append(out, Gesture{Kind: DragEnd, X: r.lx, Y: r.ly, X0: r.x0, Y0: r.y0, Shift: r.shift})
			}
			r.pressed, r.dragging, r.pinching = false, false, true
			r.pd, r.pmx, r.pmy = r.pinchGeom()
		case len(r.touches) == 1 && !r.swallow && e.Button == 0:
			r.pressed, r.dragging = true, false
			r.id, r.x0, r.y0, r.lx, r.ly, r.shift, r.t0 = e.ID, e.X, e.Y, e.X, e.Y, e.Shift, e.T
		}
	case Move:
		if i := r.touchIndex(e.ID); i >= 0 {
			r.touches[i].x, r.touches[i].y = e.X, e.Y
		}
		switch {
		case r.pinching:
			if len(r.touches) < 2 {
				break
			}
			d, mx, my := r.pinchGeom()
			if r.pd > 0 && d > 0 && (d != r.pd || mx != r.pmx || my != r.pmy) {
				out = append(out, Gesture{Kind: Zoom, X: mx, Y: my, Factor: d / r.pd, DX: mx - r.pmx, DY: my - r.pmy})
			}
			r.pd, r.pmx, r.pmy = d, mx, my
		case r.pressed && e.ID == r.id:
			if !r.dragging && math.Hypot(e.X-r.x0, e.Y-r.y0) >= thr {
				r.dragging = true
				out = r.flush(out)
				out = append(out, Gesture{Kind: DragStart, X: r.x0, Y: r.y0, X0: r.x0, Y0: r.y0, Shift: r.shift})
			}
			if r.dragging {
				out = append(out, Gesture{Kind: DragMove, X: e.X, Y: e.Y, X0: r.x0, Y0: r.y0, DX: e.X - r.lx, DY: e.Y - r.ly, Shift: r.shift})
				r.lx, r.ly = e.X, e.Y
			}
		case !r.pressed && len(r.touches) == 0:
			out = append(out, Gesture{Kind: Hover, X: e.X, Y: e.Y})
		}
	case Up:
		r.dropTouch(e.ID)
		if r.pinching {
			if len(r.touches) < 2 {
				r.pinching = false
				r.swallow = len(r.touches) > 0
			}
			break
		}
		if len(r.touches) == 0 {
			r.swallow = false
		}
		if !r.pressed || e.ID != r.id {
			break
		}
		r.pressed = false
		if r.dragging {
			r.dragging = false
			out = append(out, Gesture{Kind: DragEnd, X: e.X, Y: e.Y, X0: r.x0, Y0: r.y0, Shift: r.shift})
			break
		}
		// A finger's long press is its shift-click (there is no shift key).
		if r.shift || e.ID != 0 && e.T-r.t0 >= LongPress {
			out = r.flush(out)
			out = append(out, Gesture{Kind: ShiftClick, X: r.x0, Y: r.y0, Shift: true})
			break
		}
		if r.pending && e.T-r.clickT <= dt && math.Hypot(r.x0-r.click.X, r.y0-r.click.Y) <= dd {
			r.pending = false
			out = append(out, Gesture{Kind: DoubleClick, X: r.x0, Y: r.y0})
			break
		}
		out = r.flush(out) // a click elsewhere: the waiting one is a click
		r.pending, r.clickT = true, e.T
		r.click = Gesture{Kind: Click, X: r.x0, Y: r.y0}
	}
	return out
}

func (r *Recognizer) touchIndex(id int) int {
	for i := range r.touches {
		if r.touches[i].id == id {
			return i
		}
	}
	return -1
}

func (r *Recognizer) setTouch(id int, x, y float64) {
	if i := r.touchIndex(id); i >= 0 {
		r.touches[i].x, r.touches[i].y = x, y
		return
	}
	r.touches = append(r.touches, touch{id, x, y})
}

func (r *Recognizer) dropTouch(id int) {
	if i := r.touchIndex(id); i >= 0 {
		r.touches = append(r.touches[:i], r.touches[i+1:]...)
	}
}

// pinchGeom returns the distance of the first two fingers and their
// midpoint.
func (r *Recognizer) pinchGeom() (d, mx, my float64) {
	a, b := r.touches[0], r.touches[1]
	return math.Hypot(a.x-b.x, a.y-b.y), (a.x + b.x) / 2, (a.y + b.y) / 2
}
