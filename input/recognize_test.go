package input

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// summary writes gestures as "kind@x,y" (drags with their start, zooms with
// their factor), for comparing with the table.
func summary(gs []Gesture) string {
	var b []string
	for _, g := range gs {
		s := fmt.Sprintf("%v@%g,%g", g.Kind, g.X, g.Y)
		switch g.Kind {
		case DragStart, DragEnd:
			s += fmt.Sprintf("/from%g,%g", g.X0, g.Y0)
		case DragMove:
			s += fmt.Sprintf("/d%g,%g", g.DX, g.DY)
		case Zoom:
			s += fmt.Sprintf("x%.4g", g.Factor)
			if g.DX != 0 || g.DY != 0 {
				s += fmt.Sprintf("/d%g,%g", g.DX, g.DY)
			}
		}
		if g.Shift {
			s += "+shift"
		}
		b = append(b, s)
	}
	return strings.Join(b, " ")
}

func down(t, x, y float64) Event { return Event{T: t, Kind: Down, X: x, Y: y} }
func move(t, x, y float64) Event { return Event{T: t, Kind: Move, X: x, Y: y} }
func up(t, x, y float64) Event   { return Event{T: t, Kind: Up, X: x, Y: y} }
func fdown(t float64, id int, x, y float64) Event {
	return Event{T: t, Kind: Down, ID: id, X: x, Y: y}
}
func fmove(t float64, id int, x, y float64) Event {
	return Event{T: t, Kind: Move, ID: id, X: x, Y: y}
}
func fup(t float64, id int, x, y float64) Event { return Event{T: t, Kind: Up, ID: id, X: x, Y: y} }

// TestRecognizer replays recorded pointer sequences and checks the
// gestures they give; a final Tick at t = 10 reports a waiting click.
func TestRecognizer(t *testing.T) {
	shift := func(e Event) Event { e.Shift = true; return e }
	cases := []struct {
		name string
		ev   []Event
		want string
	}{
		{"hover", []Event{move(0, 5, 6), move(0.1, 7, 8)}, "hover@5,6 hover@7,8"},
		{"click", []Event{down(0, 10, 10), up(0.1, 10, 10)}, "click@10,10"},
		{"click with a jitter below the threshold", []Event{down(0, 10, 10), move(0.05, 12, 11), up(0.1, 12, 11)}, "click@10,10"},
		{"shift-click", []Event{shift(down(0, 10, 10)), shift(up(0.1, 10, 10))}, "shift-click@10,10+shift"},
		{"double-click", []Event{down(0, 10, 10), up(0.05, 10, 10), down(0.2, 11, 10), up(0.25, 11, 10)}, "double-click@11,10"},
		{"two slow clicks", []Event{down(0, 10, 10), up(0.05, 10, 10), down(1, 10, 10), up(1.05, 10, 10)}, "click@10,10 click@10,10"},
		{"two clicks apart", []Event{down(0, 10, 10), up(0.05, 10, 10), down(0.2, 50, 10), up(0.25, 50, 10)}, "click@10,10 click@50,10"},
		{"drag", []Event{down(0, 10, 10), move(0.1, 13, 10), move(0.2, 20, 15), up(0.3, 20, 15)},
			"drag-start@10,10/from10,10 drag-move@20,15/d10,5 drag-end@20,15/from10,10"},
		{"drag past the threshold in two moves", []Event{down(0, 0, 0), move(0.1, 2, 0), move(0.2, 5, 0), move(0.3, 6, 0), up(0.4, 6, 0)},
			"drag-start@0,0/from0,0 drag-move@5,0/d5,0 drag-move@6,0/d1,0 drag-end@6,0/from0,0"},
		{"shift-drag", []Event{shift(down(0, 0, 0)), shift(move(0.1, 10, 0)), shift(up(0.2, 10, 0))},
			"drag-start@0,0/from0,0+shift drag-move@10,0/d10,0+shift drag-end@10,0/from0,0+shift"},
		{"wheel", []Event{{T: 0, Kind: Wheel, X: 3, Y: 4, Wheel: 1}, {T: 0.1, Kind: Wheel, X: 3, Y: 4, Wheel: -2}}, "zoom@3,4x1.15 zoom@3,4x0.7561"},
		{"right button is no click", []Event{{Kind: Down, Button: 2, X: 1, Y: 1}, {T: 0.1, Kind: Up, Button: 2, X: 1, Y: 1}}, ""},
		{"leave", []Event{move(0, 1, 1), {T: 0.1, Kind: Leave}}, "hover@1,1 out@0,0"},
		{"pinch out", []Event{fdown(0, 1, 100, 100), fdown(0.05, 2, 120, 100), fmove(0.1, 2, 140, 100), fmove(0.15, 1, 80, 100),
			fup(0.2, 1, 80, 100), fmove(0.25, 2, 150, 100), fup(0.3, 2, 150, 100)},
			"zoom@120,100x2/d10,0 zoom@110,100x1.5/d-10,0"},
		{"tap", []Event{fdown(0, 7, 30, 40), fup(0.1, 7, 30, 40)}, "click@30,40"},
		{"long press", []Event{fdown(0, 7, 30, 40), fup(0.7, 7, 30, 40)}, "shift-click@30,40+shift"},
		{"a long mouse press is a click", []Event{down(0, 30, 40), up(0.7, 30, 40)}, "click@30,40"},
		{"finger drag", []Event{fdown(0, 7, 30, 40), fmove(0.1, 7, 30, 60), fup(0.2, 7, 30, 60)},
			"drag-start@30,40/from30,40 drag-move@30,60/d0,20 drag-end@30,60/from30,40"},
		{"a drag turns into a pinch", []Event{fdown(0, 1, 0, 0), fmove(0.1, 1, 10, 0), fdown(0.2, 2, 30, 0), fmove(0.3, 2, 50, 0), fup(0.4, 2, 50, 0), fup(0.5, 1, 10, 0)},
			"drag-start@0,0/from0,0 drag-move@10,0/d10,0 drag-end@10,0/from0,0 zoom@30,0x2/d10,0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r Recognizer
			var gs []Gesture
			for _, e := range c.ev {
				gs = r.Feed(e, gs)
			}
			gs = r.Tick(10, gs)
			if got := summary(gs); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestRecognizerClickWaits checks that a click is held back while a second
// click can still make a double-click, and reported by Tick after.
func TestRecognizerClickWaits(t *testing.T) {
	var r Recognizer
	gs := r.Feed(down(0, 1, 1), nil)
	if !r.Down() {
		t.Error("not down after a press")
	}
	gs = r.Feed(up(0.05, 1, 1), gs)
	if r.Down() {
		t.Error("down after the release")
	}
	if len(gs) != 0 || !r.Pending() {
		t.Fatalf("click reported at once: %s", summary(gs))
	}
	if gs = r.Tick(0.05+DefaultDoubleTime/2, gs); len(gs) != 0 {
		t.Fatalf("click reported before the double-click time: %s", summary(gs))
	}
	if gs = r.Tick(0.06+DefaultDoubleTime, gs); summary(gs) != "click@1,1" {
		t.Fatalf("after the double-click time: %q", summary(gs))
	}
}

func TestWindow(t *testing.T) {
	w := Window{-1, 3, 0, 2}
	z := w.ZoomAbout(1, 1, 2)
	if z != (Window{0, 2, 0.5, 1.5}) {
		t.Errorf("zoom about the centre: %+v", z)
	}
	z = w.ZoomAbout(-1, 0, 0.5)
	if z != (Window{-1, 7, 0, 4}) {
		t.Errorf("zoom out about a corner: %+v", z)
	}
	if p := w.Pan(1, -1); p != (Window{0, 4, -1, 1}) {
		t.Errorf("pan: %+v", p)
	}
	for _, bad := range []Window{{1, 1, 0, 1}, {0, 1, 2, 1}, {math.NaN(), 1, 0, 1}, {0, math.Inf(1), 0, 1}} {
		if bad.Valid() {
			t.Errorf("%+v is valid", bad)
		}
	}
}

func TestPanelMap(t *testing.T) {
	p := Panel{Rect: Rect{X: 100, Y: 50, W: 200, H: 100}, Win: Window{-1, 1, 0, 4}}
	for _, c := range []struct{ px, py, x, y float64 }{
		{100, 50, -1, 4}, {300, 150, 1, 0}, {200, 100, 0, 2}, {150, 125, -0.5, 1},
	} {
		x, y := p.ToData(c.px, c.py)
		if x != c.x || y != c.y {
			t.Errorf("ToData(%g, %g) = %g, %g, want %g, %g", c.px, c.py, x, y, c.x, c.y)
		}
		px, py := p.ToPixel(c.x, c.y)
		if px != c.px || py != c.py {
			t.Errorf("ToPixel(%g, %g) = %g, %g, want %g, %g", c.x, c.y, px, py, c.px, c.py)
		}
	}
	// Zoom about a pixel keeps its data point under it.
	z := p.ZoomAt(150, 125, 3)
	q := Panel{Rect: p.Rect, Win: z}
	if x, y := q.ToData(150, 125); math.Abs(x+0.5) > 1e-12 || math.Abs(y-1) > 1e-12 {
		t.Errorf("the point under the cursor moved to %g, %g", x, y)
	}
	// A pan of 20 pixels right and 10 down moves the data with the pointer.
	w := p.PanBy(20, 10)
	q.Win = w
	if x, y := q.ToData(170, 135); math.Abs(x+0.5) > 1e-12 || math.Abs(y-1) > 1e-12 {
		t.Errorf("after a pan the grabbed point is at %g, %g", x, y)
	}
}

func TestNearest(t *testing.T) {
	p := Panel{Rect: Rect{W: 100, H: 100}, Win: Window{0, 10, 0, 10}}
	pts := []float64{1, 1, 5, 5, 5.5, 5}
	for _, c := range []struct {
		px, py float64
		want   int
	}{
		{50, 50, 1}, {56, 50, 2}, {10, 90, 0}, {10, 79, -1}, {90, 10, -1},
	} {
		if got := Nearest(&p, pts, c.px, c.py, 10); got != c.want {
			t.Errorf("Nearest(%g, %g) = %d, want %d", c.px, c.py, got, c.want)
		}
	}
}

func TestStretchGrid(t *testing.T) {
	pts := [][]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}}
	got := StretchGrid(pts, 0, 3, 2, 3)
	want := [][]float64{{0, 0}, {2, 0}, {0, 3}, {2, 3}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stretch: %v, want %v", got, want)
	}
	if pts[3][0] != 1 {
		t.Error("StretchGrid modified its argument")
	}
	if got := Translate(pts, 1, -1); fmt.Sprint(got) != "[[1 -1] [2 -1] [1 0] [2 0]]" {
		t.Errorf("translate: %v", got)
	}
	if Opposite([]int{0, 2, 6, 8}, 0) != 8 || Opposite([]int{0, 2, 6, 8}, 1) != 6 || Opposite([]int{0, 4}, 1) != 0 {
		t.Error("Opposite")
	}
}

func TestViewText(t *testing.T) {
	w := Window{-1.5, 2, 0.25, 3e-7}
	if _, ok, err := ParseView(FormatView(w)); ok || err == nil {
		t.Errorf("a window with y0 > y1 parsed")
	}
	w = Window{-1.5, 2, 3e-7, 0.25}
	s := FormatView(w)
	if s != "-1.5,2,3e-07,0.25" {
		t.Errorf("FormatView = %q", s)
	}
	if got, ok, err := ParseView(s); !ok || err != nil || got != w {
		t.Errorf("ParseView(%q) = %+v, %v, %v", s, got, ok, err)
	}
	if _, ok, err := ParseView(" "); ok || err != nil {
		t.Errorf("empty view: %v %v", ok, err)
	}
	for _, bad := range []string{"1,2,3", "1,2,3,4,5", "a,1,0,1", "0,1,0,inf", "1,0,0,1", "NaN,1,0,1"} {
		if _, ok, err := ParseView(bad); ok || err == nil {
			t.Errorf("ParseView(%q) accepted", bad)
		}
	}
}

func TestRoundTo(t *testing.T) {
	for _, c := range []struct{ x, span, want float64 }{
		{0.123456789, 2, 0.123}, {-1.98765, 20, -1.99}, {1234.5678, 5e5, 1200}, {0.3, 1, 0.3}, {-0.0001, 2, 0},
	} {
		if got := RoundTo(c.x, c.span); got != c.want {
			t.Errorf("RoundTo(%g, %g) = %v, want %v", c.x, c.span, got, c.want)
		}
	}
}
