package sim

import "fmt"

// A Slice is a part of the replicas of a Sim: replicas [Lo[i], Hi[i]) of
// track i. Every replica has its own random stream, so slices advanced
// apart (in other goroutines, Web Workers or processes) and put back
// together (SetSlice) give the state that Step gives, bit for bit.
type Slice struct {
	// Lo and Hi bound the replicas of each track, one entry a track.
	Lo, Hi []int
}

// Split divides the replicas of every track of s into n slices: slice k
// gets replicas [R*j/n, R*(j+1)/n) of a track of R replicas, where
// j = (k + i) mod n for track i, so that tracks of one replica (the
// deterministic methods) fall on different slices. Some slices may be
// empty for a track.
func (s *Sim) Split(n int) []Slice {
	n = max(n, 1)
	out := make([]Slice, n)
	for k := range out {
		sl := Slice{Lo: make([]int, len(s.tracks)), Hi: make([]int, len(s.tracks))}
		for i, tr := range s.tracks {
			j := (k + i) % n
			sl.Lo[i], sl.Hi[i] = tr.Reps*j/n, tr.Reps*(j+1)/n
		}
		out[k] = sl
	}
	return out
}

// SliceLen returns the number of float64 values of the states of the
// replicas of sl in s: the sum over tracks of (Hi-Lo)*N*D.
func (s *Sim) SliceLen(sl Slice) int {
	n := 0
	for i, tr := range s.tracks {
		n += (sl.Hi[i] - sl.Lo[i]) * tr.N * tr.D
	}
	return n
}

// Reps returns the number of replicas of sl, over all tracks.
func (sl Slice) Reps() int {
	n := 0
	for i := range sl.Lo {
		n += sl.Hi[i] - sl.Lo[i]
	}
	return n
}

// CheckSlice reports whether sl fits s: one range a track, each within
// [0, Reps].
func (s *Sim) CheckSlice(sl Slice) error {
	if len(sl.Lo) != len(s.tracks) || len(sl.Hi) != len(s.tracks) {
		return fmt.Errorf("slice of %d tracks for a simulation of %d", len(sl.Lo), len(s.tracks))
	}
	for i, tr := range s.tracks {
		if sl.Lo[i] < 0 || sl.Hi[i] < sl.Lo[i] || sl.Hi[i] > tr.Reps {
			return fmt.Errorf("track %d: replicas [%d, %d) of %d", i, sl.Lo[i], sl.Hi[i], tr.Reps)
		}
	}
	return nil
}

// StepSlice advances only the replicas of sl by one step (as Step does
// them) and counts the step: Steps grows by one. The other replicas do
// not move, so the state as a whole is that of Step only once the other
// slices are copied in (SetSlice). A step partly done (StepPart) is
// completed first.
func (s *Sim) StepSlice(sl Slice) {
	if s.Partial() {
		s.Step()
	}
	for i, tr := range s.tracks {
		if sl.Lo[i] >= sl.Hi[i] {
			continue
		}
		w := s.worker(tr, 0)
		for r := sl.Lo[i]; r < sl.Hi[i]; r++ {
			s.advance(tr, r, w, s.step, s.step+1)
		}
	}
	s.step++
}

// SliceState appends to z the states of the replicas of sl (track by
// track, replica by replica, each N*D values as in Track.Z) and to div
// their DivergedAt, and returns both.
func (s *Sim) SliceState(sl Slice, z []float64, div []int) ([]float64, []int) {
	for i, tr := range s.tracks {
		if sl.Lo[i] >= sl.Hi[i] {
			continue
		}
		m := tr.N * tr.D
		z = append(z, tr.Z[sl.Lo[i]*m:sl.Hi[i]*m]...)
		div = append(div, tr.DivergedAt[sl.Lo[i]:sl.Hi[i]]...)
	}
	return z, div
}

// SetSlice copies into s the states z and divergence record div of the
// replicas of sl, laid out as SliceState gives them. An entry of div
// beyond step (a replica that diverged later than step) is read as -1
// (not diverged): div may be the record of a later step, since a
// replica frozen at its divergence does not move. It panics when the
// lengths do not fit.
func (s *Sim) SetSlice(sl Slice, z []float64, div []int, step int) {
	if len(z) != s.SliceLen(sl) || len(div) != sl.Reps() {
		panic(fmt.Sprintf("sim: SetSlice of %d values and %d replicas, want %d and %d", len(z), len(div), s.SliceLen(sl), sl.Reps()))
	}
	for i, tr := range s.tracks {
		if sl.Lo[i] >= sl.Hi[i] {
			continue
		}
		m := tr.N * tr.D
		k := (sl.Hi[i] - sl.Lo[i])
		copy(tr.Z[sl.Lo[i]*m:sl.Hi[i]*m], z[:k*m])
		for r := 0; r < k; r++ {
			at := div[r]
			if at > step {
				at = -1
			}
			tr.DivergedAt[sl.Lo[i]+r] = at
		}
		z, div = z[k*m:], div[k:]
	}
}

// SetSteps sets the step count of s to n (0 <= n), the count of a state
// put together from slices (SetSlice). It forgets a step partly done.
func (s *Sim) SetSteps(n int) {
	s.cur, s.since = cursor{}, 0
	s.step = max(n, 0)
}

// SliceRands appends to dst the states of the random streams of the
// replicas of sl, two words a replica (xmath.Rand.State; 0, 0 for a
// replica of a deterministic method, which has none), and returns it. A
// simulation that takes over replicas part way (a worker given the host's
// state, or the host after a worker's steps) needs their streams' states
// with their states (SetSliceRands).
func (s *Sim) SliceRands(sl Slice, dst []uint64) []uint64 {
	for i, tr := range s.tracks {
		for r := sl.Lo[i]; r < sl.Hi[i]; r++ {
			var hi, lo uint64
			if g := tr.rngs[r]; g != nil {
				hi, lo = g.State()
			}
			dst = append(dst, hi, lo)
		}
	}
	return dst
}

// SetSliceRands sets the states of the random streams of the replicas of
// sl to src, laid out as SliceRands gives them. It panics when the length
// does not fit.
func (s *Sim) SetSliceRands(sl Slice, src []uint64) {
	if len(src) != 2*sl.Reps() {
		panic(fmt.Sprintf("sim: SetSliceRands of %d words for %d replicas", len(src), sl.Reps()))
	}
	for i, tr := range s.tracks {
		for r := sl.Lo[i]; r < sl.Hi[i]; r++ {
			if g := tr.rngs[r]; g != nil {
				g.SetState(src[0], src[1])
			}
			src = src[2:]
		}
	}
}
