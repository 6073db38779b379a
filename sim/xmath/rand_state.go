package xmath

import "encoding/binary"

// State returns the state of r: the two words of its PCG (hi, lo). A stream
// given that state (SetState) draws the same numbers as r from here on.
func (r *Rand) State() (hi, lo uint64) {
	var buf [20]byte
	b, _ := r.pcg.AppendBinary(buf[:0]) // "pcg:" then hi and lo, big-endian
	b = b[len(b)-16:]
	return binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
}

// SetState sets the state of r to hi, lo (as State returns it).
func (r *Rand) SetState(hi, lo uint64) {
	var b [20]byte
	copy(b[:4], "pcg:")
	binary.BigEndian.PutUint64(b[4:12], hi)
	binary.BigEndian.PutUint64(b[12:], lo)
	if err := r.pcg.UnmarshalBinary(b[:]); err != nil {
		panic(err)
	}
}
