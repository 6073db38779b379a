package scene

import (
	"math"

	"smflow/sim"
)

// gridWidth returns the width of the grid of the n starting points of s:
// the simulation's (sim.Grid) when it laid them out, else, for explicit
// points that fill a grid as the default layout does (n = w h, w =
// ceil(sqrt(n)), n >= 4: a grid the pointer moved or stretched), w; 0 when
// they form none.
func gridWidth(s *sim.Sim, n int) int {
	if gw, _ := s.Grid(); gw > 0 {
		return gw
	}
	w := int(math.Ceil(math.Sqrt(float64(n))))
	if n >= 4 && n%w == 0 {
		return w
	}
	return 0
}
