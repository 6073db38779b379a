package e2e

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// jsPanel is a panel of smflow.state().hover.panels: its plot area in CSS
// pixels of the canvas, its data window and its editable points.
type jsPanel struct {
	Title  string    `json:"title"`
	X      float64   `json:"x"`
	Y      float64   `json:"y"`
	W      float64   `json:"w"`
	H      float64   `json:"h"`
	X0     float64   `json:"x0"`
	X1     float64   `json:"x1"`
	Y0     float64   `json:"y0"`
	Y1     float64   `json:"y1"`
	Zoom   bool      `json:"zoom"`
	Edit   bool      `json:"edit"`
	Points []float64 `json:"points"`
}

// jsHover is smflow.state().hover.
type jsHover struct {
	Panel  string `json:"panel"`
	Values []struct {
		Label string   `json:"label"`
		Value *float64 `json:"value"`
	} `json:"values"`
	Panels []jsPanel `json:"panels"`
}

// gesturePace is the time between the events of one gesture, as a hand's.
const gesturePace = 50 * time.Millisecond

// pixel returns the page position of the data point (x, y) of panel p of
// a canvas at (cx, cy).
func (p jsPanel) pixel(cx, cy, x, y float64) (float64, float64) {
	return cx + p.X + (x-p.X0)/(p.X1-p.X0)*p.W, cy + p.Y + (p.Y1-y)/(p.Y1-p.Y0)*p.H
}

// mouse dispatches mouse events, gesturePace apart.
func (tb *tab) mouse(evs ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	for _, e := range evs {
		if err := chromedp.Do(tb.ctx, e); err != nil {
			tb.t.Fatal(err)
		}
		time.Sleep(gesturePace)
	}
}

// press and release press and release the left button at (x, y), each
// waiting until the page's input layer saw it (Ebiten reads the mouse once
// per frame, so a press and its release must fall in different frames).
func (tb *tab) press(x, y float64) {
	tb.t.Helper()
	tb.mouse(chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonType(input.MouseButtonLeft), chromedp.ClickCount(1)))
	tb.waitFor(`smflow.state().hover.down`, patience)
}

func (tb *tab) release(x, y float64) {
	tb.t.Helper()
	tb.mouse(chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonType(input.MouseButtonLeft), chromedp.ClickCount(1)))
	tb.waitFor(`!smflow.state().hover.down`, patience)
}

// drag presses the left button at (x0, y0), moves in steps to (x1, y1) and
// releases it there.
func (tb *tab) drag(x0, y0, x1, y1 float64) {
	tb.t.Helper()
	tb.mouse(chromedp.MouseEvent(chromedp.MouseMoved, x0, y0))
	tb.press(x0, y0)
	for k := 1; k <= 4; k++ {
		f := float64(k) / 4
		tb.mouse(chromedp.MouseEvent(chromedp.MouseMoved, x0+f*(x1-x0), y0+f*(y1-y0), chromedp.ButtonType(input.MouseButtonLeft)))
	}
	tb.release(x1, y1)
}

// wheel is a turn of the mouse wheel by dy CSS pixels at (x, y) (negative:
// up). It is sent as a map: the protocol wants deltaX, which the typed
// parameters leave out when 0.
func wheel(x, y, dy float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		cmd := cdp.Command[map[string]any, cdp.Empty]{Method: input.CommandDispatchMouseEvent}
		_, err := cdp.Call(ctx, t, cmd, map[string]any{"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": dy})
		return err
	})
}

// clickXY moves to (x, y), presses and releases the left button there.
func (tb *tab) clickXY(x, y float64) {
	tb.t.Helper()
	tb.mouse(chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	tb.press(x, y)
	tb.release(x, y)
}

// plane returns the first editable panel of the picture at the current
// time and the canvas's position.
func (tb *tab) plane() (jsPanel, float64, float64) {
	tb.t.Helper()
	// The panels of the picture at the current time.
	tb.waitFor(`(() => { const d = smflow.describe(); return !!d && d.t === smflow.state().t && smflow.state().hover.panels.some((p) => p.edit && p.points.length >= 2); })()`, patience)
	h := eval[jsHover](tb, `smflow.state().hover`)
	r := tb.canvasRect()
	for _, p := range h.Panels {
		if p.Edit {
			return p, float64(r.Min.X), float64(r.Min.Y)
		}
	}
	tb.t.Fatal("no editable panel")
	return jsPanel{}, 0, 0
}

// queryOf returns the value of key in the page's URL.
func (tb *tab) queryOf(key string) string {
	tb.t.Helper()
	return eval[string](tb, `new URLSearchParams(location.search).get(`+jsString(key)+`) || ""`)
}

// runHash runs the simulation to its end and returns its hash.
func (tb *tab) runHash() string {
	tb.t.Helper()
	return eval[string](tb, `(smflow.step(1000000), smflow.hash())`)
}

// TestInput drives the flow scene with the mouse, as chromedp input
// events: dragging a starting point changes points in the URL and the
// hash, and the URL reloads to the same hash; a click adds a point;
// hovering a time-series panel gives the values there; the wheel zooms,
// writes view= into the URL and the window survives a reload.
func TestInput(t *testing.T) {
	tb := open(t, "/?scene=flow&T=1")
	h0 := tb.runHash()
	p, cx, cy := tb.plane()
	n := len(p.Points) / 2

	t.Run("drag", func(t *testing.T) {
		tb.t = t
		x, y := p.pixel(cx, cy, p.Points[2], p.Points[3]) // point 1: not a corner of the grid
		tb.drag(x, y, x+25, y-20)
		tb.waitFor(`new URLSearchParams(location.search).has("points")`, patience)
		pts := tb.queryOf("points")
		if rows := strings.Count(pts, ";") + 1; rows != n {
			t.Errorf("points=%s has %d rows, want %d", pts, rows, n)
		}
		h1 := tb.runHash()
		if h1 == h0 {
			t.Errorf("the hash did not change with the drag: %s", h1)
		}
		u := eval[string](tb, `location.pathname + location.search`)
		tb.navigate(u)
		if h := tb.runHash(); h != h1 {
			t.Errorf("reloading %s gives hash\n%s\nwant\n%s", u, h, h1)
		}
		tb.noErrorsSince()
	})

	t.Run("click adds a point", func(t *testing.T) {
		tb.t = t
		tb.clickAddsPoint()
		tb.noErrorsSince()
	})

	t.Run("hover a time series", func(t *testing.T) {
		tb.t = t
		tb.runHash() // curves to the end
		h := eval[jsHover](tb, `smflow.state().hover`)
		var s *jsPanel
		for i := range h.Panels {
			if strings.Contains(h.Panels[i].Title, "stretch") {
				s = &h.Panels[i]
			}
		}
		if s == nil {
			t.Fatalf("no stretch panel among %+v", h.Panels)
		}
		r := tb.canvasRect()
		x, y := float64(r.Min.X)+s.X+0.5*s.W, float64(r.Min.Y)+s.Y+0.5*s.H
		tb.mouse(chromedp.MouseEvent(chromedp.MouseMoved, x-3, y), chromedp.MouseEvent(chromedp.MouseMoved, x, y))
		tb.waitFor(fmt.Sprintf(`(() => { const h = smflow.state().hover; return h.panel === %q && h.values.length > 0; })()`, s.Title), patience)
		h = eval[jsHover](tb, `smflow.state().hover`)
		tb.screenshot()
		tb.saveShot("input-hover")
		methods := eval[int](tb, `smflow.state().methods.length`)
		if len(h.Values) != methods {
			t.Errorf("hover gives %d values, want one per method (%d): %+v", len(h.Values), methods, h.Values)
		}
		for _, v := range h.Values {
			if v.Value == nil || !(*v.Value > 0) {
				t.Errorf("%s: stretch %v at mid-time, want a positive number", v.Label, v.Value)
			}
		}
		tb.noErrorsSince()
	})

	t.Run("wheel zoom", func(t *testing.T) {
		tb.t = t
		p, cx, cy := tb.plane()
		x, y := cx+p.X+0.5*p.W, cy+p.Y+0.5*p.H
		hash := tb.runHash()
		tb.mouse(chromedp.MouseEvent(chromedp.MouseMoved, x, y), wheel(x, y, -120))
		tb.waitFor(`new URLSearchParams(location.search).has("view")`, patience)
		view := tb.queryOf("view")
		var w [4]float64
		if _, err := fmt.Sscanf(view, "%g,%g,%g,%g", &w[0], &w[1], &w[2], &w[3]); err != nil {
			t.Fatalf("view=%s: %v", view, err)
		}
		if !(w[1]-w[0] < p.X1-p.X0) {
			t.Errorf("the wheel up did not zoom in: view=%s, window before [%g, %g] x [%g, %g]", view, p.X0, p.X1, p.Y0, p.Y1)
		}
		if h := eval[string](tb, `smflow.hash()`); h != hash {
			t.Errorf("the view changed the hash:\n%s\nwas\n%s", h, hash)
		}
		u := eval[string](tb, `location.pathname + location.search`)
		tb.navigate(u)
		if got := tb.queryOf("view"); got != view {
			t.Errorf("after reloading %s: view=%s, want %s", u, got, view)
		}
		q, _, _ := tb.plane()
		tb.screenshot()
		tb.saveShot("input-zoom")
		// The window shown contains the view (Equal widens one axis).
		if !(q.X0 <= w[0]+1e-9 && q.X1 >= w[1]-1e-9 && q.Y0 <= w[2]+1e-9 && q.Y1 >= w[3]-1e-9) {
			t.Errorf("after the reload the window is [%g, %g] x [%g, %g], not around view=%s", q.X0, q.X1, q.Y0, q.Y1, view)
		}
		tb.noErrorsSince()
	})

	t.Run("legend click toggles a method", func(t *testing.T) {
		tb.t = t
		m := eval[struct {
			Name  string `json:"name"`
			Label string `json:"label"`
		}](tb, `smflow.state().methods[1]`)
		d := eval[jsDescribe](tb, `smflow.describe()`)
		r := tb.canvasRect()
		found := false
		for _, tx := range d.Texts {
			if tx.Text == m.Label && tx.Y < d.Height/4 {
				tb.clickXY(float64(r.Min.X)+tx.X+tx.W/2, float64(r.Min.Y)+tx.Y+tx.H/2)
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("no legend entry %q among the texts", m.Label)
		}
		tb.waitFor(fmt.Sprintf(`(() => { const m = new URLSearchParams(location.search).get("methods"); return !!m && !m.split(",").includes(%q); })()`, m.Name), patience)
		if ms := eval[[]string](tb, `smflow.state().methods.map((m) => m.name)`); len(ms) == 0 || strings.Contains(strings.Join(ms, ","), m.Name) {
			t.Errorf("methods after clicking the legend entry %s: %v", m.Name, ms)
		}
		tb.noErrorsSince()
	})
}

// emptySpot returns a page position in panel p (of a canvas at (cx, cy))
// at least 30 CSS pixels from every point of p.
func emptySpot(t *testing.T, p jsPanel, cx, cy float64) (float64, float64) {
	t.Helper()
	for i := 1; i < 10; i++ {
		for j := 1; j < 10; j++ {
			px, py := cx+p.X+p.W*float64(i)/10, cy+p.Y+p.H*float64(j)/10
			free := true
			for k := 0; 2*k+1 < len(p.Points); k++ {
				qx, qy := p.pixel(cx, cy, p.Points[2*k], p.Points[2*k+1])
				if math.Hypot(qx-px, qy-py) < 30 {
					free = false
				}
			}
			if free {
				return px, py
			}
		}
	}
	t.Fatal("no empty place in the phase plane")
	return 0, 0
}

// TestInputEnsemble: in the ensemble scene a click in the plane adds a
// starting point, and hovering the plane reads the nearest replica.
func TestInputEnsemble(t *testing.T) {
	tb := open(t, "/?scene=ensemble&T=1")
	tb.clickAddsPoint()
	tb.runHash()
	p, cx, cy := tb.plane()
	x, y := p.pixel(cx, cy, p.Points[0], p.Points[1])
	tb.mouse(chromedp.MouseEvent(chromedp.MouseMoved, x+2, y), chromedp.MouseEvent(chromedp.MouseMoved, x+3, y))
	tb.waitFor(`smflow.state().hover.values.some((v) => v.label === "index")`, patience)
	h := eval[jsHover](tb, `smflow.state().hover`)
	if h.Panel != p.Title || len(h.Values) != 5 {
		t.Errorf("hover over the plane %q: %+v", p.Title, h)
	}
	tb.noErrors()
}

// TestInputMeanfield: in the meanfield scene hovering a neuron of a
// particle panel reads its index and coordinates, and a click adds an
// initial neuron.
func TestInputMeanfield(t *testing.T) {
	tb := open(t, "/?scene=meanfield&T=0.5")
	tb.runHash()
	p, cx, cy := tb.plane()
	m := len(p.Points) / 2
	// The neuron farthest (in pixels) from every other: at the default
	// n = 1024 neurons share pixels, and the hover reads the nearest.
	k := isolated(p, cx, cy)
	x, y := p.pixel(cx, cy, p.Points[2*k], p.Points[2*k+1])
	tb.mouse(chromedp.MouseEvent(chromedp.MouseMoved, x+1, y), chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	tb.waitFor(`smflow.state().hover.values.some((v) => v.label === "index")`, patience)
	tb.screenshot()
	tb.saveShot("input-meanfield")
	h := eval[jsHover](tb, `smflow.state().hover`)
	if h.Panel != p.Title || len(h.Values) != 5 || h.Values[3].Value == nil || math.Abs(*h.Values[3].Value-p.Points[2*k]) > 1e-9 ||
		h.Values[4].Value == nil || math.Abs(*h.Values[4].Value-p.Points[2*k+1]) > 1e-9 {
		t.Errorf("hover on neuron %d of %d at (%g, %g) of %q: %s", k, m, p.Points[2*k], p.Points[2*k+1], p.Title, hoverText(h))
	}
	px, py := emptySpot(t, p, cx, cy)
	tb.clickXY(px, py)
	tb.waitFor(fmt.Sprintf(`smflow.state().hover.panels.some((p) => p.edit && p.points.length === %d)`, 2*(m+1)), patience)
	tb.noErrors()
}

// isolated returns the point of a panel farthest in pixels from its
// nearest other point.
func isolated(p jsPanel, cx, cy float64) int {
	n := len(p.Points) / 2
	best, bestD := 0, -1.0
	for i := 0; i < n; i++ {
		xi, yi := p.pixel(cx, cy, p.Points[2*i], p.Points[2*i+1])
		d := math.Inf(1)
		for j := 0; j < n && d > bestD; j++ {
			if j != i {
				xj, yj := p.pixel(cx, cy, p.Points[2*j], p.Points[2*j+1])
				d = min(d, math.Hypot(xi-xj, yi-yj))
			}
		}
		if d > bestD {
			best, bestD = i, d
		}
	}
	return best
}

// hoverText formats the values of a hover readout.
func hoverText(h jsHover) string {
	s := h.Panel + ":"
	for _, v := range h.Values {
		if v.Value != nil {
			s += fmt.Sprintf(" %s=%g", v.Label, *v.Value)
		} else {
			s += " " + v.Label + "=nil"
		}
	}
	return s
}

// TestInputGrid: dragging a corner of the flow grid stretches the grid
// with the opposite corner fixed, and the stretched grid keeps its corners
// (a second drag stretches it again).
func TestInputGrid(t *testing.T) {
	tb := open(t, "/?scene=flow&n=9&T=1")
	for round := 0; round < 2; round++ {
		p, cx, cy := tb.plane()
		if len(p.Points) != 18 {
			t.Fatalf("%d coordinates, want 18", len(p.Points))
		}
		x, y := p.pixel(cx, cy, p.Points[16], p.Points[17]) // point 8: the top right corner
		tb.drag(x, y, x+30, y-30)
		tb.waitFor(fmt.Sprintf(`smflow.state().hover.panels.some((p) => p.edit && p.points[16] > %g)`, p.Points[16]), patience)
		q, _, _ := tb.plane()
		if math.Abs(q.Points[0]-p.Points[0]) > 1e-9 || math.Abs(q.Points[1]-p.Points[1]) > 1e-9 {
			t.Errorf("round %d: the opposite corner moved from (%g, %g) to (%g, %g)", round, p.Points[0], p.Points[1], q.Points[0], q.Points[1])
		}
		// Every point moves away from the fixed corner by the same factor
		// per axis (the middle point 4 by half the corner's move).
		for c := 0; c < 2; c++ {
			want := p.Points[8+c] + (q.Points[16+c]-p.Points[16+c])/2
			if math.Abs(q.Points[8+c]-want) > 1e-3*math.Abs(p.Points[16+c]-p.Points[c]) {
				t.Errorf("round %d: the middle point's coordinate %d is %g, want %g", round, c, q.Points[8+c], want)
			}
		}
	}
	tb.screenshot()
	tb.saveShot("input-grid")

	// Shift-click on the middle point removes it.
	p, cx, cy := tb.plane()
	x, y := p.pixel(cx, cy, p.Points[8], p.Points[9])
	tb.shiftKey("keyDown")
	tb.clickXY(x, y)
	tb.shiftKey("keyUp")
	tb.waitFor(`smflow.state().hover.panels.some((p) => p.edit && p.points.length === 16)`, patience)
	if rows := strings.Count(tb.queryOf("points"), ";") + 1; rows != 8 {
		t.Errorf("points=%s after a shift-click: %d rows, want 8", tb.queryOf("points"), rows)
	}
	tb.noErrors()
}

// shiftKey presses (typ keyDown) or releases (keyUp) the left shift key.
func (tb *tab) shiftKey(typ string) {
	tb.t.Helper()
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		cmd := cdp.Command[map[string]any, cdp.Empty]{Method: input.CommandDispatchKeyEvent}
		mods := 8
		if typ == "keyUp" {
			mods = 0
		}
		_, err := cdp.Call(ctx, t, cmd, map[string]any{"type": typ, "key": "Shift", "code": "ShiftLeft", "windowsVirtualKeyCode": 16, "nativeVirtualKeyCode": 16, "modifiers": mods})
		return err
	}))
	if err != nil {
		tb.t.Fatal(err)
	}
	time.Sleep(gesturePace)
}

// clickAddsPoint clicks an empty spot of the editable plane and checks
// that the page's points (state().hover.panels, the URL's points) gain
// one.
func (tb *tab) clickAddsPoint() {
	tb.t.Helper()
	p, cx, cy := tb.plane()
	m := len(p.Points) / 2
	px, py := emptySpot(tb.t, p, cx, cy)
	tb.clickXY(px, py)
	tb.waitFor(fmt.Sprintf(`smflow.state().hover.panels.some((p) => p.edit && p.points.length === %d)`, 2*(m+1)), patience)
	if rows := strings.Count(tb.queryOf("points"), ";") + 1; rows != m+1 {
		tb.t.Errorf("points=%s after a click: %d rows, want %d", tb.queryOf("points"), rows, m+1)
	}
}
