package plot

import "math"

// Grid lays n panels out in r, row by row, and appends their rectangles to
// dst. It tries every number of columns c and keeps the one whose panels are
// largest for the wished aspect ratio (width/height): rows = ceil(n/c), the
// panels are spread over the rows as evenly as possible (5 panels in 2 rows
// is 3 + 2) and every row's panels share its width equally. gap separates
// neighbouring panels. n <= 0 or an empty r gives no panels.
func Grid(dst []Rect, r Rect, n int, gap, aspect float64) []Rect {
	if n <= 0 || r.Empty() {
		return dst
	}
	if !(aspect > 0) || math.IsInf(aspect, 0) {
		aspect = 1
	}
	gap = max(gap, 0)
	// fit shrinks the gap so that gaps take at most half of a side.
	fit := func(side float64, k int) float64 {
		if k > 1 && gap*float64(k-1) > side/2 {
			return side / 2 / float64(k-1)
		}
		return gap
	}
	bestC, bestS := 1, -1.0
	for c := 1; c <= n; c++ {
		rows := (n + c - 1) / c
		w := (r.W - fit(r.W, c)*float64(c-1)) / float64(c)
		h := (r.H - fit(r.H, rows)*float64(rows-1)) / float64(rows)
		s := min(w, h*aspect) // the width of the largest panel of the wished aspect
		if s > bestS+1e-9 {
			bestC, bestS = c, s
		}
	}
	rows := (n + bestC - 1) / bestC
	gy := fit(r.H, rows)
	h := (r.H - gy*float64(rows-1)) / float64(rows)
	k := 0
	for row := 0; row < rows; row++ {
		// Spread the remaining panels evenly over the remaining rows.
		inRow := (n - k + (rows - row) - 1) / (rows - row)
		gx := fit(r.W, inRow)
		w := (r.W - gx*float64(inRow-1)) / float64(inRow)
		y := r.Y + float64(row)*(h+gy)
		for i := 0; i < inRow; i++ {
			dst = append(dst, Rect{X: r.X + float64(i)*(w+gx), Y: y, W: max(w, 0), H: max(h, 0)})
			k++
		}
	}
	return dst
}

// Columns splits r into len(weights) columns whose widths are proportional
// to the weights, separated by gap, and appends them to dst.
func Columns(dst []Rect, r Rect, gap float64, weights ...float64) []Rect {
	if len(weights) == 0 {
		return dst
	}
	var sum float64
	for _, w := range weights {
		sum += max(w, 0)
	}
	free := r.W - gap*float64(len(weights)-1)
	x := r.X
	for _, w := range weights {
		cw := 0.0
		if sum > 0 {
			cw = max(free*max(w, 0)/sum, 0)
		}
		dst = append(dst, Rect{X: x, Y: r.Y, W: cw, H: r.H})
		x += cw + gap
	}
	return dst
}

// Margins are the bands a panel keeps around its plot area, in units of the
// font size em.
type Margins struct {
	Title, Left, Right, Bottom float64
}

// DefaultMargins leave room for a one-line title, y tick labels of about
// five characters with a rotated axis label, and x tick labels with an axis
// label below.
var DefaultMargins = Margins{Title: 1.7, Left: 4.6, Right: 0.9, Bottom: 2.9}

// Panel splits a panel rectangle r into its title band and its plot area,
// using the margins m scaled by the font size em (pixels). When r is too
// small for the margins the plot area is empty.
func Panel(r Rect, em float64, m Margins) (title, area Rect) {
	title, rest := r.CutTop(m.Title * em)
	area = rest.Inset(m.Left*em, 0.3*em, m.Right*em, m.Bottom*em)
	return title, area
}
