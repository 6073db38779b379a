package xmath

import (
	"math/bits"
	"math/rand/v2"
)

// Rand is a seeded random stream: PCG-DXSM from math/rand/v2 with a normal
// sampler of its own (the ziggurat on this package's Exp and Log), so the
// stream is the same on every platform. The zero value is not usable; create
// one with NewRand or Stream.
type Rand struct {
	pcg rand.PCG
}

// NewRand returns the stream seeded by the two words s1, s2.
func NewRand(s1, s2 uint64) *Rand {
	r := &Rand{}
	r.Seed(s1, s2)
	return r
}

// Seed resets r to the stream seeded by s1, s2.
func (r *Rand) Seed(s1, s2 uint64) {
	r.pcg.Seed(s1, s2)
}

// Stream returns the independent stream for one purpose, labelled by the
// words of label (for example a purpose number, a method and a replica),
// derived from seed by SplitMix64 mixing. Different labels give unrelated
// streams, so one purpose never changes another's numbers.
func Stream(seed uint64, label ...uint64) *Rand {
	r := &Rand{}
	r.SeedStream(seed, label...)
	return r
}

// SeedStream resets r to Stream(seed, label...) without allocating.
func (r *Rand) SeedStream(seed uint64, label ...uint64) {
	h := mix(seed ^ 0x9e3779b97f4a7c15)
	for _, l := range label {
		h = mix(h ^ mix(l+0x632be59bd9b4e019))
	}
	r.Seed(h, mix(h^0xd1b54a32d192ed03))
}

// mix is the SplitMix64 finaliser.
func mix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Uint64 returns 64 uniformly random bits.
func (r *Rand) Uint64() uint64 { return r.pcg.Uint64() }

// Float64 returns a uniform number in [0, 1) with 53 random bits.
func (r *Rand) Float64() float64 {
	return float64(r.pcg.Uint64()<<11>>11) / (1 << 53)
}

// IntN returns a uniform integer in [0, n) for n > 0, without modulo bias
// (Lemire's method, as math/rand/v2).
func (r *Rand) IntN(n int) int {
	if n <= 0 {
		panic("xmath: IntN with n <= 0")
	}
	un := uint64(n)
	hi, lo := bits.Mul64(r.pcg.Uint64(), un)
	if lo < un {
		thresh := -un % un
		for lo < thresh {
			hi, lo = bits.Mul64(r.pcg.Uint64(), un)
		}
	}
	return int(hi)
}

// NormFill fills dst with independent normal numbers of standard deviation sd.
func (r *Rand) NormFill(dst []float64, sd float64) {
	for i := range dst {
		dst[i] = sd * r.Norm()
	}
}
