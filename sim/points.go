package sim

import (
	"fmt"
	"math"

	"smflow/sim/xmath"
)

// initPoints lays out the starting configuration and the flow particles.
func (s *Sim) initPoints() error {
	d := s.model.Dim()
	cfg := s.cfg
	rng := xmath.Stream(cfg.Seed, streamInit)
	if len(cfg.Points) > 0 {
		for i, p := range cfg.Points {
			if len(p) != d {
				return fmt.Errorf("starting point %d has %d coordinates, want %d", i+1, len(p), d)
			}
			for _, v := range p {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("starting point %d is not finite", i+1)
				}
			}
			s.start = append(s.start, p...)
		}
		// mu_0 is the empirical measure of the given points: its flow
		// particles are the points themselves.
		s.flow = append([]float64(nil), s.start...)
		return nil
	}
	n := max(cfg.NPoints, 1)
	if nw, ok := s.model.(initLaw); ok && s.model.MeanField() {
		m := max(cfg.NFlow, n)
		s.flow = make([]float64, m*d)
		for k := 0; k < m; k++ {
			nw.InitNeuron(s.flow[k*d:(k+1)*d], rng)
		}
		s.start = append([]float64(nil), s.flow[:n*d]...)
		return nil
	}
	var box [4]float64
	start := make([]float64, d)
	if v, ok := s.model.(Viewer); ok {
		box = v.Box()
		copy(start, v.Start())
	} else if p, ok := ProblemOf(s.model).(Viewer); ok {
		box = p.Box()
		copy(start, p.Start())
	} else {
		box = [4]float64{-1, 1, -1, 1}
	}
	s.start = make([]float64, n*d)
	if n == 1 {
		copy(s.start, start)
		s.gridW, s.gridH = 1, 1
		return nil
	}
	// A grid of n points over the middle of the view box (coordinates 0 and
	// 1; further coordinates from the default start).
	gw := int(math.Ceil(math.Sqrt(float64(n))))
	gh := (n + gw - 1) / gw
	s.gridW, s.gridH = gw, gh
	cx, cy := (box[0]+box[1])/2, (box[2]+box[3])/2
	wx, wy := 0.6*(box[1]-box[0]), 0.6*(box[3]-box[2])
	for k := 0; k < n; k++ {
		p := s.start[k*d : (k+1)*d]
		copy(p, start)
		i, j := k%gw, k/gw
		p[0] = cx - wx/2 + wx*frac(i, gw)
		if d > 1 {
			p[1] = cy - wy/2 + wy*frac(j, gh)
		}
	}
	return nil
}

// initLaw is implemented by models with a law mu_0 of initial neurons.
type initLaw interface {
	InitNeuron(dst []float64, rng *xmath.Rand)
}

func frac(i, n int) float64 {
	if n == 1 {
		return 0.5
	}
	return float64(i) / float64(n-1)
}
