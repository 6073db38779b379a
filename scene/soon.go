//go:build js

package scene

import (
	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render"
	"smflow/render/plot"
	"smflow/sim"
)

// soonView stands in for a scene that is not drawn yet: the heading, the
// legend and a notice.
type soonView struct {
	frame
	msg string
}

func newSoonView(key, msg string) *soonView {
	v := &soonView{msg: msg}
	v.initFrame(key)
	return v
}

func (v *soonView) Reset(s *sim.Sim)   { v.resetFrame(s) }
func (v *soonView) Observe(s *sim.Sim) {}
func (v *soonView) Series() []Series   { return nil }

func (v *soonView) Draw(dst *ebiten.Image, s *sim.Sim, scale float64) {
	v.begin(dst, s, scale)
	b := v.body
	v.p.Text(v.msg, b.X+b.W/2, b.Y+b.H/2, 1.3*v.em, plot.Muted, render.Center, render.Middle)
	v.end()
}
