//go:build js

package app

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"smflow/input"
	"smflow/scene"
	"smflow/sim/param"
)

// pointer is the host's side of the input layer: it reads Ebiten's cursor,
// left button, wheel, touches and shift key each Update, turns them into
// input.Events for the input.Controller, and applies the actions it
// returns (the decisions are the input package's).
type pointer struct {
	ctl    input.Controller
	ev     []input.Event
	acts   []input.Action
	mx, my int  // the cursor at the last Update
	inside bool // the cursor was on the canvas
	tids   []ebiten.TouchID
	tpos   map[ebiten.TouchID][2]int
}

// HoverState is the pointer's side of the state: the readout under the
// pointer (nil: none) and the panels the pointer acts on, in CSS pixels
// (smflow.state().hover).
type HoverState struct {
	Readout *scene.Readout
	Panels  []input.Panel
	// Down reports that the input layer has a button or a finger down.
	Down bool
}

// Hover returns the readout of the last picture and the panels of the
// picture, in CSS pixels.
func (g *Game) Hover() HoverState {
	h := HoverState{Down: g.in.ctl.R.Down()}
	ia, ok := g.view.(scene.Interactor)
	if !ok || !g.drawn {
		return h
	}
	if r, ok := ia.Readout(); ok {
		r.Values = slices.Clone(r.Values)
		h.Readout = &r
	}
	k := 1 / g.scale
	for _, p := range ia.Screen().Panels {
		p.Rect = input.Rect{X: p.Rect.X * k, Y: p.Rect.Y * k, W: p.Rect.W * k, H: p.Rect.H * k}
		h.Panels = append(h.Panels, p)
	}
	return h
}

// readPointer is the Update hook of the input layer: it feeds the events
// of this frame to the controller and applies its actions.
func (g *Game) readPointer() {
	ia, ok := g.view.(scene.Interactor)
	if !ok || g.sim == nil || !g.drawn {
		return
	}
	in := &g.in
	t := time.Since(g.opt.Start).Seconds()
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	ev := in.ev[:0]

	// The mouse (pointer 0).
	x, y := ebiten.CursorPosition()
	w, h := int(math.Ceil(g.outW*g.scale)), int(math.Ceil(g.outH*g.scale))
	inside := x >= 0 && y >= 0 && x < w && y < h
	fx, fy := float64(x), float64(y)
	if (x != in.mx || y != in.my) && inside {
		ev = append(ev, input.Event{T: t, Kind: input.Move, X: fx, Y: fy, Shift: shift})
	}
	if !inside && in.inside {
		ev = append(ev, input.Event{T: t, Kind: input.Leave})
	}
	in.mx, in.my, in.inside = x, y, inside
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) && inside {
		ev = append(ev, input.Event{T: t, Kind: input.Down, X: fx, Y: fy, Shift: shift})
	}
	if inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) {
		ev = append(ev, input.Event{T: t, Kind: input.Up, X: fx, Y: fy, Shift: shift})
	}
	if _, wy := ebiten.Wheel(); wy != 0 && inside {
		ev = append(ev, input.Event{T: t, Kind: input.Wheel, X: fx, Y: fy, Wheel: math.Copysign(min(math.Abs(wy), 3), wy)})
	}

	// Touches (pointers id+1).
	if in.tpos == nil {
		in.tpos = map[ebiten.TouchID][2]int{}
	}
	for _, id := range inpututil.AppendJustReleasedTouchIDs(in.tids[:0]) {
		px, py := inpututil.TouchPositionInPreviousTick(id)
		ev = append(ev, input.Event{T: t, Kind: input.Up, ID: int(id) + 1, X: float64(px), Y: float64(py)})
		delete(in.tpos, id)
	}
	in.tids = ebiten.AppendTouchIDs(in.tids[:0])
	for _, id := range in.tids {
		px, py := ebiten.TouchPosition(id)
		old, seen := in.tpos[id]
		switch {
		case !seen:
			ev = append(ev, input.Event{T: t, Kind: input.Down, ID: int(id) + 1, X: float64(px), Y: float64(py), Shift: shift})
		case old != [2]int{px, py}:
			ev = append(ev, input.Event{T: t, Kind: input.Move, ID: int(id) + 1, X: float64(px), Y: float64(py)})
		}
		in.tpos[id] = [2]int{px, py}
	}
	in.ev = ev
	if len(ev) == 0 && !in.ctl.R.Pending() {
		return
	}
	sc := ia.Screen()
	acts := in.acts[:0]
	for _, e := range ev {
		acts = in.ctl.Feed(e, &sc, acts)
	}
	acts = in.ctl.Tick(t, &sc, acts)
	in.acts = acts
	for _, a := range acts {
		g.act(ia, a, &sc)
	}
}

// act applies one action of the input layer: a new query through Set (so
// that the page's URL follows) for points, the view and the methods; the
// hover for the next picture.
func (g *Game) act(ia scene.Interactor, a input.Action, sc *input.Screen) {
	switch a.Kind {
	case input.HoverAt:
		ia.SetHover(a.PX, a.PY, a.Panel >= 0)
		g.dirty = true
	case input.DragPreview:
		if a.Panel < len(sc.Panels) && 2*a.Index+1 < len(sc.Panels[a.Panel].Points) {
			p := &sc.Panels[a.Panel]
			x0, y0 := p.ToPixel(p.Points[2*a.Index], p.Points[2*a.Index+1])
			ia.SetDrag(x0, y0, a.PX, a.PY, true)
			g.dirty = true
		}
	case input.SetView:
		g.Set(param.With(g.query, "view", input.FormatView(a.View)))
	case input.ResetView:
		g.Set(param.With(g.query, "view", ""))
	case input.ToggleLegend:
		tracks := g.sim.Tracks()
		if a.Index >= len(tracks) {
			return
		}
		name := tracks[a.Index].Method.String()
		var on []string
		for _, m := range g.values.Methods {
			if m != name {
				on = append(on, m)
			}
		}
		if len(on) == len(g.values.Methods) {
			on = append(on, name)
		}
		g.Set(param.With(g.query, "methods", strings.Join(on, ",")))
	case input.AddPoint, input.MovePoint, input.RemovePoint:
		ia.SetDrag(0, 0, 0, 0, false)
		rows := g.startRows()
		if rows == nil || a.Panel < 0 || a.Panel >= len(sc.Panels) {
			return
		}
		p := &sc.Panels[a.Panel]
		x := input.RoundTo(a.X, p.Win.X1-p.Win.X0)
		y := input.RoundTo(a.Y, p.Win.Y1-p.Win.Y0)
		switch a.Kind {
		case input.AddPoint:
			r := slices.Clone(rows[0])
			r[0], r[1] = x, y
			rows = append(rows, r)
		case input.RemovePoint:
			if a.Index >= len(rows) || len(rows) == 1 {
				return // a point stays
			}
			rows = slices.Delete(rows, a.Index, a.Index+1)
		case input.MovePoint:
			if a.Index >= len(rows) {
				return
			}
			q := rows[a.Index]
			switch {
			case a.Stretch:
				rows = input.StretchGrid(rows, a.Anchor, a.Index, x, y)
			case a.Shift:
				rows = input.Translate(rows, x-q[0], y-q[1])
			default:
				q[0], q[1] = x, y
			}
		}
		g.Set(param.With(g.query, "points", pointsText(rows)))
	}
}

// startRows returns the starting points of the simulation as rows of
// coordinates (nil when a point has fewer than two).
func (g *Game) startRows() [][]float64 {
	start, _ := g.sim.Start()
	d := g.sim.Model().Dim()
	if d < 2 || len(start) < d {
		return nil
	}
	var rows [][]float64
	for k := 0; (k+1)*d <= len(start); k++ {
		rows = append(rows, slices.Clone(start[k*d:(k+1)*d]))
	}
	return rows
}

// pointsText returns the text of the key points: rows separated by ';' of
// coordinates separated by ','.
func pointsText(rows [][]float64) string {
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte(';')
		}
		for j, c := range r {
			if j > 0 {
				b.WriteByte(',')
			}
			// 10 significant digits: a grid's 0.05 rather than 0.050000000000000044.
			b.WriteString(strconv.FormatFloat(c, 'g', 10, 64))
		}
	}
	return b.String()
}
