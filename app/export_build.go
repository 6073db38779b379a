//go:build js

package app

import (
	"errors"
	"time"

	"smflow/sim"
)

// A csvBuild is the state CSV of a whole step built over frames, a replica
// at a time within the budget of each Update (StateCSVAsync): a state of
// millions of rows takes seconds to write, which in one piece would freeze
// the page. While it is built the task does not advance, so every row is
// of the same step; a rebuild of the simulation or Cancel ends it with an
// error.
type csvBuild struct {
	buf       []byte
	track, r  int // the next replica
	done, all int // replicas written, of all
	finish    func([]byte, error)
}

// errExportCancelled is the error of an export ended by Cancel.
var errExportCancelled = errors.New("the export was cancelled")

// startCSV begins the build of the state CSV of g.sim (whole now).
func (g *Game) startCSV(finish func([]byte, error)) {
	if g.sim == nil {
		finish(nil, nil)
		return
	}
	b := &csvBuild{finish: finish, buf: sim.AppendStateHeader(nil, g.sim)}
	for _, tr := range g.sim.Tracks() {
		b.all += tr.Reps
	}
	g.csv = b
	g.buildCSV(g.runner.Budget)
}

// buildCSV writes replicas of the state CSV for up to the time budget
// (at least 16 replicas), and hands the text over when it is complete.
func (g *Game) buildCSV(budget time.Duration) {
	b := g.csv
	if b == nil {
		return
	}
	t0 := time.Now()
	tracks := g.sim.Tracks()
	for n := 0; b.track < len(tracks); {
		if b.r >= tracks[b.track].Reps {
			b.track, b.r = b.track+1, 0
			continue
		}
		// The clock is read every 16 replicas.
		if n > 0 && n%16 == 0 && time.Since(t0) >= budget {
			return
		}
		n++
		b.buf = sim.AppendStateReplica(b.buf, g.sim, b.track, b.r)
		b.r++
		b.done++
	}
	g.csv = nil
	b.finish(b.buf, nil)
}

// endCSV ends a build in progress with err (Cancel, a rebuild).
func (g *Game) endCSV(err error) {
	if b := g.csv; b != nil {
		g.csv = nil
		b.finish(nil, err)
	}
}
