package input

// A Kind is the kind of an Event.
type Kind int

// Kinds of events.
const (
	Down  Kind = iota // a button or a finger goes down
	Move              // the pointer or a finger moves
	Up                // a button or a finger goes up
	Wheel             // the wheel turns (Event.Wheel)
	Leave             // the pointer left the canvas
)

// An Event is one recorded input event, in pixels of the canvas.
type Event struct {
	// T is the time in seconds (any origin, increasing).
	T    float64
	Kind Kind
	// ID is the pointer: 0 the mouse, a touch its own id.
	ID int
	// X, Y is the position in pixels.
	X, Y float64
	// Button is the mouse button (0 the left one).
	Button int
	// Shift reports whether the shift key is held.
	Shift bool
	// Wheel is the wheel's turn, in notches (positive: up, which zooms in).
	Wheel float64
}
