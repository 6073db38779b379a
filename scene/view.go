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
