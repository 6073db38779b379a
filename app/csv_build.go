package app

import (
	"strconv"

	"smflow/sim"
)

// A StateCSVBuild builds the state CSV of a simulation (AppendStateCSV's
// text, byte for byte) a replica at a time, so that the page builds a large
// one over several frames within its budget. The simulation must not
// change until it is done.
type StateCSVBuild struct {
	s        *sim.Sim
	buf      []byte
	d        int     // the widest point's coordinates
	t        float64 // the time of the state
	tr, r    int     // the next replica
	rows     int     // rows written
	total    int     // rows of the whole CSV
	names    []string
	finished bool
}

// NewStateCSVBuild starts the CSV of s with its header.
func NewStateCSVBuild(s *sim.Sim) *StateCSVBuild {
	b := &StateCSVBuild{s: s, t: s.Time(), names: sim.CoordNames(s.Model())}
	for _, tr := range s.Tracks() {
		b.d = max(b.d, tr.D)
		b.total += tr.Reps * tr.N
	}
	b.buf = append(b.buf, "method,rep,point,t"...)
	for j := 1; j <= b.d; j++ {
		b.buf = append(b.buf, ',')
		if j <= len(b.names) {
			b.buf = appendCSVText(b.buf, b.names[j-1])
		} else {
			b.buf = append(b.buf, 'z')
			b.buf = strconv.AppendInt(b.buf, int64(j), 10)
		}
	}
	b.buf = append(b.buf, '\n')
	return b
}

// Build appends the rows of the next replicas until stop (called after
// each replica; nil never stops) reports true or the CSV is complete, and
// reports whether it is.
func (b *StateCSVBuild) Build(stop func() bool) bool {
	tracks := b.s.Tracks()
	for ; b.tr < len(tracks); b.tr, b.r = b.tr+1, 0 {
		tr := tracks[b.tr]
		name := tr.Method.String()
		for b.r < tr.Reps {
			z := tr.Replica(b.r)
			for k := 0; k < tr.N; k++ {
				b.buf = append(b.buf, name...)
				b.buf = append(b.buf, ',')
				b.buf = strconv.AppendInt(b.buf, int64(b.r), 10)
				b.buf = append(b.buf, ',')
				b.buf = strconv.AppendInt(b.buf, int64(k), 10)
				b.buf = append(b.buf, ',')
				b.buf = appendFloat(b.buf, b.t)
				for j := 0; j < b.d; j++ {
					b.buf = append(b.buf, ',')
					if j < tr.D {
						b.buf = appendFloat(b.buf, z[k*tr.D+j])
					}
				}
				b.buf = append(b.buf, '\n')
			}
			b.rows += tr.N
			b.r++
			if stop != nil && stop() {
				return b.complete()
			}
		}
	}
	b.finished = true
	return true
}

// complete reports whether every row is written.
func (b *StateCSVBuild) complete() bool {
	if b.rows >= b.total {
		b.finished = true
	}
	return b.finished
}

// Bytes returns the CSV built so far (all of it once Build reported true).
func (b *StateCSVBuild) Bytes() []byte { return b.buf }

// Rows returns the rows written and the rows of the whole CSV.
func (b *StateCSVBuild) Rows() (done, total int) { return b.rows, b.total }
