package plot

// A Rect is an axis-aligned rectangle in pixels: the top-left corner (X, Y),
// width W and height H, with y growing downwards as on a screen.
type Rect struct {
	X, Y, W, H float64
}

// MaxX returns X + W, the right edge.
func (r Rect) MaxX() float64 { return r.X + r.W }

// MaxY returns Y + H, the bottom edge.
func (r Rect) MaxY() float64 { return r.Y + r.H }

// Empty reports whether r has no area (W <= 0 or H <= 0, or NaN).
func (r Rect) Empty() bool { return !(r.W > 0 && r.H > 0) }

// Contains reports whether the point (x, y) lies in r (edges included).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x <= r.MaxX() && y >= r.Y && y <= r.MaxY()
}

// Overlaps reports whether r and o share interior points (rectangles that only
// touch along an edge do not overlap).
func (r Rect) Overlaps(o Rect) bool {
	if r.Empty() || o.Empty() {
		return false
	}
	return r.X < o.MaxX() && o.X < r.MaxX() && r.Y < o.MaxY() && o.Y < r.MaxY()
}

// Inside reports whether r lies within o (edges may touch).
func (r Rect) Inside(o Rect) bool {
	const eps = 1e-9
	return r.X >= o.X-eps && r.Y >= o.Y-eps && r.MaxX() <= o.MaxX()+eps && r.MaxY() <= o.MaxY()+eps
}

// Inset returns r shrunk by left, top, right and bottom; a side that would
// become negative is clamped to zero.
func (r Rect) Inset(left, top, right, bottom float64) Rect {
	q := Rect{X: r.X + left, Y: r.Y + top, W: r.W - left - right, H: r.H - top - bottom}
	if !(q.W > 0) {
		q.W = 0
	}
	if !(q.H > 0) {
		q.H = 0
	}
	return q
}

// CutTop splits r into a band of height h at the top and the rest below it
// (h is clamped to [0, r.H]).
func (r Rect) CutTop(h float64) (top, rest Rect) {
	h = clamp(h, 0, r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// CutBottom splits r into a band of height h at the bottom and the rest
// above it (h is clamped to [0, r.H]).
func (r Rect) CutBottom(h float64) (bottom, rest Rect) {
	h = clamp(h, 0, r.H)
	return Rect{r.X, r.MaxY() - h, r.W, h}, Rect{r.X, r.Y, r.W, r.H - h}
}

// CutLeft splits r into a band of width w at the left and the rest to its
// right (w is clamped to [0, r.W]).
func (r Rect) CutLeft(w float64) (left, rest Rect) {
	w = clamp(w, 0, r.W)
	return Rect{r.X, r.Y, w, r.H}, Rect{r.X + w, r.Y, r.W - w, r.H}
}

// Square returns the largest square centred in r.
func (r Rect) Square() Rect {
	s := min(r.W, r.H)
	return Rect{r.X + (r.W-s)/2, r.Y + (r.H-s)/2, s, s}
}

func clamp(v, lo, hi float64) float64 {
	if !(v > lo) {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
