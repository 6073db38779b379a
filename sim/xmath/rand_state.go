package xmath

import "encoding/binary"

// State returns the state of r: the two words of its PCG (hi, lo). A stream
// given that state (SetState) draws the same numbers as r from here on.
func (r *Rand) State() (hi, lo uint64) {
	b, _ := r.pcg.MarshalBinary() // "pcg:" then hi and lo, big-endian
	b = b[len(b)-16:]
	return binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
}

// SetState sets the state of r to hi, lo (as State returns it).
func (r *Rand) SetState(hi, lo uint64) {
	b := make([]byte, 0, 20)
	b = append(b, "pcg:"...)
	b = binary.BigEndian.AppendUint64(b, hi)
	b = binary.BigEndian.AppendUint64(b, lo)
	if err := r.pcg.UnmarshalBinary(b); err != nil {
		panic(err)
	}
}
