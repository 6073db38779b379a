package sim

import (
	"fmt"
	"hash/fnv"
	"math"
)

// Hash returns a hash (FNV-1a, 64 bits, hex) of the state of track i: its
// method, step count, divergence record and every coordinate's bits.
func (s *Sim) Hash(i int) string {
	tr := s.tracks[i]
	h := fnv.New64a()
	var b [8]byte
	put := func(u uint64) {
		for q := range b {
			b[q] = byte(u >> (8 * q))
		}
		h.Write(b[:])
	}
	h.Write([]byte(tr.Method.String()))
	put(uint64(s.step))
	for _, at := range tr.DivergedAt {
		put(uint64(int64(at)))
	}
	for _, v := range tr.Z {
		put(math.Float64bits(v))
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// HashReport returns one line "method hash" per track, then "t value" and
// "steps value": the text that `smf hash` prints and the browser's
// smflow.hash() returns for the same query and time.
func HashReport(s *Sim) string {
	var b []byte
	for i, tr := range s.tracks {
		b = fmt.Appendf(b, "%s %s\n", tr.Method, s.Hash(i))
	}
	b = fmt.Appendf(b, "steps %d\n", s.step)
	return string(b)
}
