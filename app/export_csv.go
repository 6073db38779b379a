//go:build js

package app

import (
	"errors"
	"time"
)

// A csvJob is a state CSV being built over frames (StateCSVAsync); the
// task does not advance until it is done, so that the CSV is of one state.
type csvJob struct {
	b    *StateCSVBuild
	done func([]byte, error)
}

// errCancelled is the error of an export stopped by Cancel.
var errCancelled = errors.New("cancelled")

// StateCSVAsync calls done with the state CSV (StateCSV) of the next whole
// step, built a replica at a time within the budget of the coming frames
// (a large state takes several; the page shows its progress, and Cancel
// stops it with errCancelled). The task does not advance meanwhile.
func (g *Game) StateCSVAsync(done func([]byte, error)) {
	g.whenWhole(false, func() {
		if g.sim == nil {
			done(nil, nil)
			return
		}
		if g.csv != nil {
			// One build at a time: the later request gets the same text.
			prev := g.csv.done
			g.csv.done = func(b []byte, err error) { prev(b, err); done(b, err) }
			return
		}
		g.csv = &csvJob{b: NewStateCSVBuild(g.sim), done: done}
	})
}

// buildCSV builds the CSV in progress within left, and hands it over when
// complete.
func (g *Game) buildCSV(left time.Duration) time.Duration {
	t0 := time.Now()
	end := t0.Add(left)
	if g.csv.b.Build(func() bool { return !time.Now().Before(end) }) {
		job := g.csv
		g.csv = nil
		job.done(job.b.Bytes(), nil)
	}
	return time.Since(t0)
}

// cancelCSV stops the CSV in progress, if any.
func (g *Game) cancelCSV() bool {
	if g.csv == nil {
		return false
	}
	job := g.csv
	g.csv = nil
	job.done(nil, errCancelled)
	return true
}
