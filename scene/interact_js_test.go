//go:build js && browser

package scene

import (
	"math"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/input"
	"smflow/sim/param"
)

// TestInteract checks the pointer's side of the flow scene: the panels it
// offers (the phase planes editable and zoomable, with the starting points
// where the first replica shows them), the readout of a time-series panel
// (each method's value of its buffer at the nearest time to the hovered
// one), of a phase plane (the nearest particle) and the key view applied to
// the phase planes.
func TestInteract(t *testing.T) {
	const W, H = 1280, 720
	dst := ebiten.NewImage(W, H)
	q := "scene=flow&T=1&n=9"
	s, _, _, err := param.FromQuery(q, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := New("flow").(*flowView)
	v.Reset(s)
	for s.Steps() < s.TotalSteps()/2 {
		s.Step()
		v.Observe(s)
	}
	v.Draw(dst, s, 1)
	sc := v.Screen()
	var planes, series []input.Panel
	for _, p := range sc.Panels {
		if p.Edit {
			planes = append(planes, p)
		} else {
			series = append(series, p)
		}
	}
	if len(planes) != len(s.Tracks()) || len(series) != 2 {
		t.Fatalf("%d editable panels for %d methods, %d others (want 2)", len(planes), len(s.Tracks()), len(series))
	}
	if len(sc.Legend) != len(s.Tracks()) {
		t.Errorf("%d legend boxes for %d methods", len(sc.Legend), len(s.Tracks()))
	}
	for i, p := range planes {
		if !p.Zoom || len(p.Points) != 18 || len(p.Corners) != 4 {
			t.Errorf("plane %d: zoom %v, %d coordinates, corners %v", i, p.Zoom, len(p.Points), p.Corners)
		}
		z := s.Tracks()[i].Replica(0)
		if p.Points[2] != z[2] || p.Points[3] != z[3] {
			t.Errorf("plane %d: point 1 at %v, the replica shows it at %v", i, p.Points[2:4], z[2:4])
		}
	}

	// Hover the middle of the stretch panel.
	sp := series[1]
	if !strings.Contains(sp.Title, "stretch") {
		t.Fatalf("second series panel %q", sp.Title)
	}
	hx, hy := sp.Rect.X+0.5*sp.Rect.W, sp.Rect.Y+0.5*sp.Rect.H
	v.SetHover(hx, hy, true)
	v.Draw(dst, s, 1)
	r, ok := v.Readout()
	if !ok || r.Panel != sp.Title {
		t.Fatalf("readout %+v, %v", r, ok)
	}
	tm, _ := sp.ToData(hx, hy)
	if math.Abs(r.X-tm) > 1e-9 || len(r.Values) != len(s.Tracks()) {
		t.Fatalf("readout at t = %g with %d values, want t = %g and %d", r.X, len(r.Values), tm, len(s.Tracks()))
	}
	for j, val := range r.Values {
		b := v.obs.rec.bufs[2*j+1]
		k := nearestTime(b.T, tm)
		if val.Value != b.Y[k] || !strings.HasPrefix(val.Label, v.labels[j]) {
			t.Errorf("value %d: %s = %g, want %s = %g (t = %g)", j, val.Label, val.Value, v.labels[j], b.Y[k], b.T[k])
		}
	}

	// Hover a particle of the first plane.
	p := planes[0]
	px, py := p.ToPixel(p.Points[8], p.Points[9])
	v.SetHover(px+1, py, true)
	v.Draw(dst, s, 1)
	r, _ = v.Readout()
	if len(r.Values) != 5 || r.Values[2].Value != 4 || r.Values[3].Value != p.Points[8] || r.Values[4].Value != p.Points[9] {
		t.Errorf("readout by particle 4 at (%g, %g): %+v", p.Points[8], p.Points[9], r.Values)
	}
	v.SetHover(0, 0, false)

	// The key view sets the window of the phase planes.
	vals, _ := param.Resolve(q + "&view=-0.5,0.5,-0.25,0.25")
	SetValues(v, vals)
	v.Draw(dst, s, 1)
	for _, p := range v.Screen().Panels {
		if !p.Zoom {
			continue
		}
		w := p.Win
		if !(w.X0 <= -0.5+1e-12 && w.X1 >= 0.5-1e-12 && w.Y0 <= -0.25+1e-12 && w.Y1 >= 0.25-1e-12) || w.X1-w.X0 > 1+1e-9 && w.Y1-w.Y0 > 0.5+1e-9 {
			t.Errorf("%s: window %+v for view -0.5,0.5,-0.25,0.25", p.Title, w)
		}
	}
	if _, ok := v.Readout(); ok {
		t.Error("a readout with the pointer away")
	}
}
