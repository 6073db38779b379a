//go:build js

package scene

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/sim"
)

// A View observes a simulation and draws a scene of it.
type View interface {
	// Reset is called when a new simulation was built: it resets trails
	// and series and records the starting state.
	Reset(s *sim.Sim)
	// Observe is called after every simulation step. It does not modify s,
	// is cheap and allocates nothing in steady state.
	Observe(s *sim.Sim)
	// Draw draws the whole canvas dst (dst.Bounds()); scale is the number
	// of device pixels per CSS pixel, which sets line widths and font sizes.
	Draw(dst *ebiten.Image, s *sim.Sim, scale float64)
	// Series returns copies of the plotted time series, for CSV export.
	Series() []Series
}

// A Sweep is a computation of a View's own that the host runs in place of
// stepping its simulation (the order scene's weak-error sweep, which runs
// many simulations of its own at several learning rates). The host calls
// Work, one small piece of a few ms at most, while Busy, within the same
// per-frame time budget as the simulation's steps (app.Task).
type Sweep interface {
	// Busy reports whether the computation has work left.
	Busy() bool
	// Work does one piece of the computation (nothing when not Busy).
	Work()
	// Progress returns the fraction of the computation done, in [0, 1].
	Progress() float64
}

// A Sweeper is a View that offers a Sweep: its picture is that of its own
// computation, and the host's simulation only supplies the configuration
// at Reset (and is never stepped).
type Sweeper interface {
	View
	// Sweep returns the view's computation, set up by the last Reset.
	Sweep() Sweep
}

// SweepOf returns the Sweep of v if v is a Sweeper, else nil.
func SweepOf(v View) Sweep {
	if w, ok := v.(Sweeper); ok {
		return w.Sweep()
	}
	return nil
}

// Captioner is implemented by every View of this package: SetCaption sets
// the one line drawn under the figure (a preset's Caption); "" restores the
// scene's default caption.
type Captioner interface {
	SetCaption(caption string)
}

// SetCaption sets the caption of v if it takes one.
func SetCaption(v View, caption string) {
	if c, ok := v.(Captioner); ok {
		c.SetCaption(caption)
	}
}

// views holds the constructor of every scene's View, registered against the
// keys of the catalogue (package catalog); a test checks that every scene of
// the catalogue has one.
var views = map[string]func() View{
	catalog.Ensemble:  func() View { return newEnsembleView() },
	catalog.Flow:      func() View { return newFlowView() },
	catalog.Meanfield: func() View { return newMeanfieldView() },
	catalog.Fluct:     func() View { return newFluctView() },
	catalog.Order:     func() View { return newOrderView() },
}

// New returns the view of the scene sceneKey (a key of the catalogue); an
// unknown key draws a notice listing the scenes.
func New(sceneKey string) View {
	if mk, ok := views[sceneKey]; ok {
		return mk()
	}
	return newSoonView(sceneKey, "Unknown scene: choose "+strings.Join(catalog.Keys(), ", ")+".")
}
