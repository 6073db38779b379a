package input

// An ActionKind is the kind of an Action.
type ActionKind int

// Kinds of actions.
const (
	HoverAt      ActionKind = iota // the pointer is over panel Panel at (X, Y) data, (PX, PY) pixels; Panel -1: over none
	AddPoint                       // add a point at (X, Y) in panel Panel
	MovePoint                      // move point Index of panel Panel to (X, Y) (Stretch: stretch the grid by that corner; Shift: move every point by the same)
	RemovePoint                    // remove point Index of panel Panel
	SetView                        // show the window View in the zoomable panels
	ResetView                      // back to the automatic window
	ToggleLegend                   // toggle legend entry Index
	DragPreview                    // point Index of panel Panel is dragged, now under (PX, PY), data (X, Y); MovePoint ends it
)

var actionNames = [...]string{"hover", "add", "move", "remove", "view", "reset-view", "legend", "drag"}

// String returns the action kind's name.
func (k ActionKind) String() string {
	if int(k) < len(actionNames) {
		return actionNames[k]
	}
	return "action?"
}

// An Action is what the host does in answer to a gesture.
type Action struct {
	Kind  ActionKind
	Panel int
	Index int
	// X, Y are data coordinates of the panel; PX, PY the pixel.
	X, Y, PX, PY float64
	// View is the new window (SetView).
	View Window
	// Stretch says that the moved point is a grid corner and the grid
	// stretches with it (with Anchor, the opposite corner, fixed).
	Stretch bool
	Anchor  int
	// Shift reports shift held at the press.
	Shift bool
}

// A Screen is the picture as last drawn, as far as the pointer cares: its
// panels and the boxes of its legend entries (one per entry, in order).
type Screen struct {
	Panels []Panel
	Legend []Rect
}

// panelAt returns the index of the panel containing the pixel, or -1.
func (s *Screen) panelAt(x, y float64) int {
	for i := range s.Panels {
		if s.Panels[i].Rect.Contains(x, y) {
			return i
		}
	}
	return -1
}

// A Controller turns events into actions on a Screen: a click in an
// editable panel adds a point (on a point: nothing; shift-click on a point
// removes it); a drag that starts on a point moves it (a grid corner
// stretches the grid, a shifted drag of a point moves them all) and is
// reported when it ends; a drag on empty space of a zoomable panel pans
// its window, the wheel and a pinch zoom it about the pointer, a
// double-click resets it; a click on a legend entry toggles it; the
// pointer's moves, and a click (a tap) in a panel that is not editable,
// are hover actions. The zero Controller uses the
// defaults.
type Controller struct {
	R Recognizer
	// Radius is the hit radius in pixels (DefaultRadius when 0).
	Radius float64

	gs    []Gesture
	mode  int // 0 nothing, 1 moving a point, 2 panning
	panel int
	index int
	win   Window // the window at the start of a pan
	panX  float64
	panY  float64
}

// DefaultRadius is the hit radius of points, in pixels.
const DefaultRadius = 10

const (
	modeNone = iota
	modePoint
	modePan
)

// Dragging reports whether a drag of a point or a pan is under way.
func (c *Controller) Dragging() bool { return c.mode != modeNone }

// Tick reports a click whose wait for a second one ended by time t.
func (c *Controller) Tick(t float64, sc *Screen, out []Action) []Action {
	c.gs = c.R.Tick(t, c.gs[:0])
	return c.apply(sc, out)
}

// Feed reads one event on the screen sc and appends the actions to out.
func (c *Controller) Feed(e Event, sc *Screen, out []Action) []Action {
	c.gs = c.R.Feed(e, c.gs[:0])
	return c.apply(sc, out)
}

func (c *Controller) apply(sc *Screen, out []Action) []Action {
	rad := c.Radius
	if rad <= 0 {
		rad = DefaultRadius
	}
	for _, g := range c.gs {
		pi := sc.panelAt(g.X, g.Y)
		var p *Panel
		if pi >= 0 {
			p = &sc.Panels[pi]
		}
		switch g.Kind {
		case Hover:
			a := Action{Kind: HoverAt, Panel: pi, Index: -1, PX: g.X, PY: g.Y}
			if p != nil {
				a.X, a.Y = p.ToData(g.X, g.Y)
			}
			out = append(out, a)
		case Out:
			out = append(out, Action{Kind: HoverAt, Panel: -1, Index: -1})
		case Click, ShiftClick:
			if p == nil {
				for i, r := range sc.Legend {
					if r.Contains(g.X, g.Y) && g.Kind == Click {
						out = append(out, Action{Kind: ToggleLegend, Panel: -1, Index: i})
						break
					}
				}
				continue
			}
			if !p.Edit {
				// A tap shows the readout there (fingers do not hover).
				x, y := p.ToData(g.X, g.Y)
				out = append(out, Action{Kind: HoverAt, Panel: pi, Index: -1, X: x, Y: y, PX: g.X, PY: g.Y})
				continue
			}
			k := Nearest(p, p.Points, g.X, g.Y, rad)
			x, y := p.ToData(g.X, g.Y)
			switch {
			case g.Kind == ShiftClick && k >= 0:
				out = append(out, Action{Kind: RemovePoint, Panel: pi, Index: k, Shift: true})
			case g.Kind == Click && k < 0:
				out = append(out, Action{Kind: AddPoint, Panel: pi, Index: -1, X: x, Y: y, PX: g.X, PY: g.Y})
			}
		case DoubleClick:
			if p != nil && p.Zoom {
				out = append(out, Action{Kind: ResetView, Panel: pi, Index: -1})
			}
		case DragStart:
			c.mode = modeNone
			// No readout while dragging: it would stay where the press was.
			out = append(out, Action{Kind: HoverAt, Panel: -1, Index: -1})
			if p == nil {
				continue
			}
			if k := Nearest(p, p.Points, g.X0, g.Y0, rad); p.Edit && k >= 0 {
				c.mode, c.panel, c.index = modePoint, pi, k
				continue
			}
			if p.Zoom {
				c.mode, c.panel, c.win = modePan, pi, p.Win
				c.panX, c.panY = g.X0, g.Y0
			}
		case DragMove:
			if c.mode == modePoint && c.panel < len(sc.Panels) {
				x, y := sc.Panels[c.panel].ToData(g.X, g.Y)
				out = append(out, Action{Kind: DragPreview, Panel: c.panel, Index: c.index, X: x, Y: y, PX: g.X, PY: g.Y, Shift: g.Shift})
			}
			if c.mode == modePan && c.panel < len(sc.Panels) {
				q := sc.Panels[c.panel]
				q.Win = c.win
				out = append(out, Action{Kind: SetView, Panel: c.panel, Index: -1, View: q.PanBy(g.X-c.panX, g.Y-c.panY)})
			}
		case DragEnd:
			if c.mode == modePoint && c.panel < len(sc.Panels) {
				q := &sc.Panels[c.panel]
				x, y := q.ToData(g.X, g.Y)
				a := Action{Kind: MovePoint, Panel: c.panel, Index: c.index, X: x, Y: y, PX: g.X, PY: g.Y, Shift: g.Shift, Anchor: -1}
				for i, k := range q.Corners {
					if k == c.index && !g.Shift {
						a.Stretch, a.Anchor = true, Opposite(q.Corners, i)
					}
				}
				out = append(out, a)
			}
			c.mode = modeNone
		case Zoom:
			if p != nil && p.Zoom {
				// About the fingers' previous midpoint, then along with
				// them: the data under the fingers stay under them.
				w := p.ZoomAt(g.X-g.DX, g.Y-g.DY, g.Factor)
				if g.DX != 0 || g.DY != 0 {
					q := *p
					q.Win = w
					w = q.PanBy(g.DX, g.DY)
				}
				out = append(out, Action{Kind: SetView, Panel: pi, Index: -1, View: w})
				// Further events before the next picture see the new window.
				for i := range sc.Panels {
					if sc.Panels[i].Zoom {
						sc.Panels[i].Win = w
					}
				}
			}
		}
	}
	return out
}
