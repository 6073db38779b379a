package input

import (
	"errors"
	"strconv"
	"strings"
)

// FormatView returns the text of the URL key view for w: "x0,x1,y0,y1",
// each number in the shortest form that reads back to it with 6
// significant digits (enough for a window of the screen).
func FormatView(w Window) string {
	f := func(v float64) string { return strconv.FormatFloat(v+0, 'g', 6, 64) }
	return f(w.X0) + "," + f(w.X1) + "," + f(w.Y0) + "," + f(w.Y1)
}

// ParseView reads the text of the URL key view: four finite numbers
// x0,x1,y0,y1 separated by commas with x0 < x1 and y0 < y1. The empty
// text is the automatic window (ok false, err nil).
func ParseView(s string) (w Window, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Window{}, false, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return Window{}, false, errors.New("is not four numbers x0,x1,y0,y1")
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return Window{}, false, errors.New("is not four numbers x0,x1,y0,y1")
		}
		v[i] = f
	}
	w = Window{X0: v[0], X1: v[1], Y0: v[2], Y1: v[3]}
	if !w.Valid() {
		return Window{}, false, errors.New("is not a window of finite numbers with x0 < x1 and y0 < y1")
	}
	return w, true, nil
}
