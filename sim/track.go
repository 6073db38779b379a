package sim

import (
	"sync"

	"smflow/sim/xmath"
)

// A Status tells whether a method left the finite numbers.
type Status struct {
	// Diverged is true when at least one replica left the finite numbers.
	Diverged bool
	// At is the earliest time t at which a replica diverged.
	At float64
	// Reps is the number of diverged replicas.
	Reps int
}

// A Track is the state of one method: Reps replicas of N points in R^D,
// replica r's point k at Z[(r*N+k)*D : (r*N+k+1)*D]. A replica that left
// the finite numbers (a coordinate not finite or beyond |z_i| = 1e50, where
// its statistics would overflow: divergeBound) keeps its last state within
// them and is frozen.
type Track struct {
	// Method is the method this track runs.
	Method Method
	// Reps, N and D are the numbers of replicas, points per replica and
	// coordinates per point.
	Reps, N, D int
	// Z is the state, Reps*N*D values.
	Z []float64
	// DivergedAt[r] is the step at which replica r diverged, or -1.
	DivergedAt []int

	rngs []*xmath.Rand
	cv   *controlVariate // the linearised noise response, or nil (mc.go)
	work []*worker       // one per goroutine, created on demand
	mu   sync.Mutex
}

// Replica returns the configuration of replica r (a sub-slice of Z).
func (t *Track) Replica(r int) []float64 { return t.Z[r*t.N*t.D : (r+1)*t.N*t.D] }

// worker holds the scratch space of one goroutine for one track.
type worker struct {
	eval  Eval
	integ *integrator
	grad  []float64
	save  []float64
}
