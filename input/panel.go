package input

// A Rect is a rectangle of pixels: X, Y its top left corner, W, H its size.
type Rect struct {
	X, Y, W, H float64
}

// Contains reports whether the pixel (x, y) lies in r (edges included).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x <= r.X+r.W && y >= r.Y && y <= r.Y+r.H
}

// A Panel is a plot area of the picture as last drawn: its rectangle in
// pixels, its data window, and what the pointer may do in it.
type Panel struct {
	// Title names the panel (its heading) for readouts.
	Title string
	// Rect is the plot area in pixels (y grows downwards).
	Rect Rect
	// Win is the data window the rectangle shows.
	Win Window
	// Zoom says that the window may be zoomed and panned (phase planes).
	Zoom bool
	// Edit says that the points may be added, moved and removed.
	Edit bool
	// Points are the editable points' data coordinates, x and y of each
	// in turn (Edit).
	Points []float64
	// Corners are the indices of the points that are corners of a grid,
	// which a drag stretches (empty: no grid).
	Corners []int
}

// ToData returns the data point under the pixel (px, py):
// x = X0 + (px - Rect.X) / Rect.W (X1 - X0), y = Y1 - (py - Rect.Y) / Rect.H (Y1 - Y0).
func (p *Panel) ToData(px, py float64) (x, y float64) {
	w, r := p.Win, p.Rect
	x = w.X0 + (px-r.X)/r.W*(w.X1-w.X0)
	y = w.Y1 - (py-r.Y)/r.H*(w.Y1-w.Y0)
	return x, y
}

// ToPixel returns the pixel of the data point (x, y), the inverse of
// ToData: px = Rect.X + (x - X0) / (X1 - X0) Rect.W, py = Rect.Y + (Y1 - y) / (Y1 - Y0) Rect.H.
func (p *Panel) ToPixel(x, y float64) (px, py float64) {
	w, r := p.Win, p.Rect
	px = r.X + (x-w.X0)/(w.X1-w.X0)*r.W
	py = r.Y + (w.Y1-y)/(w.Y1-w.Y0)*r.H
	return px, py
}

// ZoomAt returns the panel's window zoomed by k about the data point under
// the pixel (px, py) (Window.ZoomAbout).
func (p *Panel) ZoomAt(px, py, k float64) Window {
	x, y := p.ToData(px, py)
	return p.Win.ZoomAbout(x, y, k)
}

// PanBy returns the panel's window moved so that the data follow the
// pointer by (dpx, dpy) pixels: dx = -dpx (X1 - X0) / Rect.W,
// dy = dpy (Y1 - Y0) / Rect.H.
func (p *Panel) PanBy(dpx, dpy float64) Window {
	w, r := p.Win, p.Rect
	return w.Pan(-dpx/r.W*(w.X1-w.X0), dpy/r.H*(w.Y1-w.Y0))
}
