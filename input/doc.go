// Package input is the app's input layer, in pure Go: it turns the
// pointer's and the fingers' events (Event: down, move, up with an id, a
// button and the shift key; the wheel) into gestures (Recognizer: hover,
// click, shift-click, double-click, drag with a movement threshold, wheel
// and pinch zoom), and gestures on the panels of a picture into actions on
// the parameters (Controller: add, move and remove starting points, pan and
// zoom the window of a phase plane, hover readouts, legend toggles).
//
// It also holds the geometry the actions need: a data window (Window) with
// zoom about a point and pan, the map between the pixels of a panel and
// its data (Panel), nearest-point hit testing within a radius in pixels
// (Nearest), the stretch of a grid by one corner (StretchGrid), and the
// text of the URL key view (FormatView, ParseView).
//
// It imports neither Ebiten nor syscall/js: the host (package app) reads
// the devices each frame and feeds the events in; the tests replay
// recorded sequences of events natively.
package input
