package plot

import "math"

// A Sampler decides when a time series records a value: at the times
// 0, Dt, 2 Dt, ... of a grid fixed in advance, so that a run of any number
// of steps leaves at most a fixed number of points. When the buffers fill
// up, Halve doubles Dt and the owner drops every second point.
type Sampler struct {
	// Dt is the spacing of the recording grid.
	Dt float64
	// Next is the next time to record.
	Next float64
}

// NewSampler returns a sampler that records about n points over [0, T]
// (n >= 1; T <= 0 or not finite is taken as 1).
func NewSampler(T float64, n int) Sampler {
	if !(T > 0) || math.IsInf(T, 0) {
		T = 1
	}
	return Sampler{Dt: T / float64(max(n, 1))}
}

// Due reports whether time t has reached the next recording time; if so it
// moves Next past t. Call it once per observed time.
func (s *Sampler) Due(t float64) bool {
	if t < s.Next-1e-9*s.Dt {
		return false
	}
	// The next grid point after t (times can jump by more than Dt).
	s.Next = (math.Floor(t/s.Dt+1e-9) + 1) * s.Dt
	return true
}

// Halve doubles the spacing of the grid.
func (s *Sampler) Halve() {
	s.Dt *= 2
	s.Next = math.Ceil(s.Next/s.Dt-1e-9) * s.Dt
}

// A Buffer is a time series with standard errors and a fixed capacity: T,
// Y and SE have equal lengths (SE may hold zeros). It allocates only in
// NewBuffer.
type Buffer struct {
	T, Y, SE []float64
}

// NewBuffer returns an empty buffer that holds up to capacity points.
func NewBuffer(capacity int) *Buffer {
	capacity = max(capacity, 2)
	return &Buffer{
		T:  make([]float64, 0, capacity),
		Y:  make([]float64, 0, capacity),
		SE: make([]float64, 0, capacity),
	}
}

// Reset empties the buffer, keeping its capacity.
func (b *Buffer) Reset() { b.T, b.Y, b.SE = b.T[:0], b.Y[:0], b.SE[:0] }

// Len returns the number of points.
func (b *Buffer) Len() int { return len(b.T) }

// Full reports whether the buffer is at capacity.
func (b *Buffer) Full() bool { return len(b.T) == cap(b.T) }

// Add appends the point (t, y) with standard error se; it does nothing when
// the buffer is full.
func (b *Buffer) Add(t, y, se float64) {
	if b.Full() {
		return
	}
	b.T = append(b.T, t)
	b.Y = append(b.Y, y)
	b.SE = append(b.SE, se)
}

// Thin keeps every second point (the first, third, ...), halving the
// length, in place.
func (b *Buffer) Thin() {
	n := 0
	for i := 0; i < len(b.T); i += 2 {
		b.T[n], b.Y[n], b.SE[n] = b.T[i], b.Y[i], b.SE[i]
		n++
	}
	b.T, b.Y, b.SE = b.T[:n], b.Y[:n], b.SE[:n]
}

// Bounds returns the smallest and largest finite value of Y -/+ k SE over the
// buffer (NaN, NaN if there is none). With positive set only positive values
// count (for log axes).
func (b *Buffer) Bounds(k float64, positive bool) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i, y := range b.Y {
		for _, v := range [2]float64{y - k*b.SE[i], y + k*b.SE[i]} {
			if math.IsNaN(v) || math.IsInf(v, 0) || (positive && !(v > 0)) {
				continue
			}
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}
