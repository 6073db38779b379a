package input

// A GestureKind is the kind of a Gesture.
type GestureKind int

// Kinds of gestures.
const (
	Hover       GestureKind = iota // the pointer moves with nothing pressed
	Out                            // the pointer left the canvas
	Click                          // press and release without moving (not the first of a double-click)
	ShiftClick                     // a click with shift held
	DoubleClick                    // two clicks within DoubleTime and DoubleDist
	DragStart                      // the press moved Threshold pixels: (X0, Y0) is where it began
	DragMove                       // the drag moved by (DX, DY) to (X, Y)
	DragEnd                        // the drag ended at (X, Y)
	Zoom                           // zoom by Factor about (X, Y), then pan by (DX, DY) pixels (pinch)
)

var gestureNames = [...]string{"hover", "out", "click", "shift-click", "double-click", "drag-start", "drag-move", "drag-end", "zoom"}

// String returns the gesture kind's name.
func (k GestureKind) String() string {
	if int(k) < len(gestureNames) {
		return gestureNames[k]
	}
	return "gesture?"
}

// A Gesture is what a sequence of events means.
type Gesture struct {
	Kind GestureKind
	// X, Y is the pointer's position (for a pinch, the fingers' midpoint).
	X, Y float64
	// X0, Y0 is where the press began (drags).
	X0, Y0 float64
	// DX, DY is the movement since the previous gesture of a drag or pinch.
	DX, DY float64
	// Factor is the zoom factor (Zoom; > 1 zooms in).
	Factor float64
	// Shift reports whether shift was held at the press.
	Shift bool
}
