package plot

// Trails keeps the last Len positions (coordinates 0 and 1) of N points in
// a ring buffer, for drawing short trails behind moving particles. It
// allocates only in NewTrails.
type Trails struct {
	n, length int
	xy        []float64 // slot s holds 2N values: x and y of every point
	head      int       // slot of the newest position
	filled    int       // number of valid slots
}

// NewTrails returns trails of length positions (at least 1) for n points.
func NewTrails(n, length int) *Trails {
	n, length = max(n, 0), max(length, 1)
	return &Trails{n: n, length: length, xy: make([]float64, 2*n*length), head: -1}
}

// N returns the number of points, Len the number of stored positions.
func (t *Trails) N() int { return t.n }

// Len returns the number of positions stored so far (at most the length).
func (t *Trails) Len() int { return t.filled }

// Reset forgets every position.
func (t *Trails) Reset() { t.head, t.filled = -1, 0 }

// Push stores a new position of every point: point k's coordinates 0 and 1
// are z[k*d] and z[k*d+1] (y is 0 when d == 1). z must hold at least N
// points of d >= 1 coordinates.
func (t *Trails) Push(z []float64, d int) {
	if t.n == 0 {
		return
	}
	t.head = (t.head + 1) % t.length
	if t.filled < t.length {
		t.filled++
	}
	s := t.xy[2*t.n*t.head : 2*t.n*(t.head+1)]
	for k := 0; k < t.n; k++ {
		s[2*k] = z[k*d]
		if d > 1 {
			s[2*k+1] = z[k*d+1]
		} else {
			s[2*k+1] = 0
		}
	}
}

// At returns the position of point k age pushes ago (age 0 is the newest,
// age < Len()).
func (t *Trails) At(k, age int) (x, y float64) {
	s := (t.head - age + t.length) % t.length
	i := 2*t.n*s + 2*k
	return t.xy[i], t.xy[i+1]
}
