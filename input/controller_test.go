package input

import (
	"fmt"
	"strings"
	"testing"
)

// screen is a picture of two panels: an editable, zoomable phase plane
// (pixels 0..100 showing [0, 10]^2, with a 2 x 2 grid of points whose
// corners are 0, 1, 2, 3) and a time-series panel beside it; and one legend
// entry above.
func screen() *Screen {
	return &Screen{
		Panels: []Panel{
			{Title: "plane", Rect: Rect{0, 0, 100, 100}, Win: Window{0, 10, 0, 10}, Zoom: true, Edit: true,
				Points: []float64{2, 2, 8, 2, 2, 8, 8, 8}, Corners: []int{0, 1, 2, 3}},
			{Title: "series", Rect: Rect{200, 0, 100, 100}, Win: Window{0, 1, -1, 1}},
		},
		Legend: []Rect{{0, -30, 50, 20}},
	}
}

func actions(as []Action) string {
	var b []string
	for _, a := range as {
		s := fmt.Sprintf("%v:%d", a.Kind, a.Panel)
		switch a.Kind {
		case HoverAt, AddPoint:
			s += fmt.Sprintf("@%.3g,%.3g", a.X, a.Y)
		case MovePoint:
			s += fmt.Sprintf("#%d@%.3g,%.3g", a.Index, a.X, a.Y)
			if a.Stretch {
				s += fmt.Sprintf("/stretch-from%d", a.Anchor)
			}
			if a.Shift {
				s += "/all"
			}
		case RemovePoint, ToggleLegend:
			s += fmt.Sprintf("#%d", a.Index)
		case SetView:
			w := a.View
			s += fmt.Sprintf("[%.3g,%.3g,%.3g,%.3g]", w.X0, w.X1, w.Y0, w.Y1)
		}
		b = append(b, s)
	}
	return strings.Join(b, " ")
}

// TestController replays recorded pointer sequences on screen() and checks
// the actions.
func TestController(t *testing.T) {
	shift := func(e Event) Event { e.Shift = true; return e }
	cases := []struct {
		name string
		ev   []Event
		want string
	}{
		{"hover in the plane, the series, nowhere", []Event{move(0, 50, 50), move(0.1, 250, 25), move(0.2, 150, 50)},
			"hover:0@5,5 hover:1@0.5,0.5 hover:-1@0,0"},
		{"click on empty space adds a point", []Event{down(0, 50, 30), up(0.1, 50, 30)}, "add:0@5,7"},
		{"click on a point adds none", []Event{down(0, 21, 79), up(0.1, 21, 79)}, ""},
		{"tap in a series panel reads it", []Event{fdown(0, 3, 250, 30), fup(0.1, 3, 250, 30)}, "hover:1@0.5,0.4"},
		{"shift-click on a point removes it", []Event{shift(down(0, 79, 21)), shift(up(0.1, 79, 21))}, "remove:0#3"},
		{"shift-click on empty space does nothing", []Event{shift(down(0, 50, 50)), shift(up(0.1, 50, 50))}, ""},
		{"drag a corner stretches the grid", []Event{down(0, 80, 20), move(0.1, 85, 20), move(0.2, 90, 10), up(0.3, 90, 10)},
			"hover:-1@0,0 drag:0 drag:0 move:0#3@9,9/stretch-from0"},
		{"shift-drag of a corner moves every point", []Event{shift(down(0, 20, 80)), shift(move(0.1, 30, 80)), shift(up(0.2, 30, 70))},
			"hover:-1@0,0 drag:0 move:0#0@3,3/all"},
		{"drag on empty space pans", []Event{down(0, 50, 50), move(0.1, 55, 50), move(0.2, 60, 40), up(0.3, 60, 40)},
			"hover:-1@0,0 view:0[-0.5,9.5,0,10] view:0[-1,9,-1,9]"},
		{"wheel zooms about the cursor", []Event{{Kind: Wheel, X: 50, Y: 50, Wheel: 1}}, "view:0[0.652,9.35,0.652,9.35]"},
		{"wheel over a series panel does nothing", []Event{{Kind: Wheel, X: 250, Y: 50, Wheel: 1}}, ""},
		{"double-click resets", []Event{down(0, 50, 50), up(0.05, 50, 50), down(0.2, 50, 50), up(0.25, 50, 50)}, "reset-view:0"},
		{"legend click", []Event{down(0, 10, -20), up(0.1, 10, -20)}, "legend:-1#0"},
		{"pinch zooms the plane", []Event{fdown(0, 1, 40, 50), fdown(0, 2, 60, 50), fmove(0.1, 2, 80, 50), fup(0.2, 2, 80, 50), fup(0.2, 1, 40, 50)},
			"view:0[2,7,2.5,7.5]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ctl Controller
			sc := screen()
			var as []Action
			for _, e := range c.ev {
				as = ctl.Feed(e, sc, as)
			}
			as = ctl.Tick(10, sc, as)
			if got := actions(as); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
