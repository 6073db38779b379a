//go:build js

package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"smflow/scene"
	"smflow/sim/param"
)

// MethodState is the state of one method for the page.
type MethodState struct {
	Name, Label  string
	Diverged     bool
	DivergedAt   float64
	DivergedReps int
	Reps         int
}

// State is what the page shows and the tests read.
type State struct {
	Query      string
	Scene      string
	Preset     string
	T          float64 // current time
	TEnd       float64 // final time
	Steps      int
	TotalSteps int
	Done       bool
	// Progress is the fraction of the scene's work done: steps of
	// TotalSteps, or of the order scene's sweep.
	Progress float64
	Playing  bool
	Visible  bool
	Error    string
	Methods  []MethodState
	Warnings []param.Warning
}

// State returns the current state.
func (g *Game) State() State {
	st := State{
		Query: g.query, Scene: g.values.Scene, Preset: g.values.Preset,
		TEnd: g.values.T, Playing: g.playing, Visible: g.visible,
		Error: g.err, Warnings: g.warnings,
	}
	if s := g.sim; s != nil {
		st.T, st.Steps, st.TotalSteps, st.Done = s.Time(), s.Steps(), s.TotalSteps(), s.Done()
		st.Progress = 1
		if s.TotalSteps() > 0 {
			st.Progress = float64(s.Steps()) / float64(s.TotalSteps())
		}
		if w, ok := g.view.(scene.Worker); ok {
			st.Progress = w.Progress()
		}
		for i, tr := range s.Tracks() {
			ss := s.Status(i)
			st.Methods = append(st.Methods, MethodState{
				Name: tr.Method.String(), Label: tr.Method.Label(),
				Diverged: ss.Diverged, DivergedAt: ss.At, DivergedReps: ss.Reps, Reps: tr.Reps,
			})
		}
	}
	return st
}

// Stats returns the performance statistics.
func (g *Game) Stats() Stats {
	s := g.meter.Stats()
	s.Speed = g.values.Speed
	s.Behind = g.runner.Behind() && g.playing
	s.FPS, s.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	s.PaceMs = g.pacer.Interval().Seconds() * 1e3
	s.MsFrame = g.pacer.MeanFrame().Seconds() * 1e3
	return s
}
