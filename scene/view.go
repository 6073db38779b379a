//go:build js

package scene

import (
	"github.com/hajimehoshi/ebiten/v2"

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

// A Worker is a View with a computation of its own (the order scene's
// weak-error sweep). While Busy, the host calls Work (one small piece, a few ms at most)
// in place of stepping the simulation, within the same per-frame time budget.
type Worker interface {
	View
	Busy() bool
	Work()
	// Progress returns the fraction of the computation done, in [0, 1].
	Progress() float64
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

// New returns the view of the scene sceneKey: ensemble, flow, meanfield,
// fluct or order (a Worker); an unknown key draws a notice listing the
// scenes.
func New(sceneKey string) View {
	switch sceneKey {
	case "ensemble":
		return newEnsembleView()
	case "flow":
		return newFlowView()
	case "meanfield":
		return newMeanfieldView()
	case "fluct":
		return newFluctView()
	case "order":
		return newOrderView()
	}
	return newSoonView(sceneKey, "Unknown scene: choose ensemble, flow, meanfield, fluct or order.")
}
