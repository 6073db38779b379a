package plot

// ClipSegment clips the segment (x0, y0)-(x1, y1) to the rectangle r
// (Liang-Barsky) and returns the part inside, with ok false when nothing of
// it is inside. Segments with non-finite ends are rejected.
func ClipSegment(r Rect, x0, y0, x1, y1 float64) (cx0, cy0, cx1, cy1 float64, ok bool) {
	if x0-x0 != 0 || y0-y0 != 0 || x1-x1 != 0 || y1-y1 != 0 {
		return 0, 0, 0, 0, false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, e := range [4][2]float64{
		{-dx, x0 - r.X}, {dx, r.MaxX() - x0},
		{-dy, y0 - r.Y}, {dy, r.MaxY() - y0},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return 0, 0, 0, 0, false
			}
			t0 = max(t0, t)
		} else {
			if t < t0 {
				return 0, 0, 0, 0, false
			}
			t1 = min(t1, t)
		}
	}
	cx0, cy0 = x0+t0*dx, y0+t0*dy
	cx1, cy1 = x0+t1*dx, y0+t1*dy
	if t0 == 0 {
		cx0, cy0 = x0, y0
	}
	if t1 == 1 {
		cx1, cy1 = x1, y1
	}
	// With huge coordinates (a diverging series) the products cancel
	// badly; the clipped points lie in r by definition.
	cx0, cx1 = clamp(cx0, r.X, r.MaxX()), clamp(cx1, r.X, r.MaxX())
	cy0, cy1 = clamp(cy0, r.Y, r.MaxY()), clamp(cy1, r.Y, r.MaxY())
	return cx0, cy0, cx1, cy1, true
}
