package scene

import (
	"math"

	"smflow/sim"
	"smflow/sim/stat"
)

// The sampling floor of the W1 distances (stat.W1Floor): the number of
// random halvings of SGD's runs, and the quantile of the band that a W1
// must leave to count as more than sampling noise. The 97.5% quantile of
// the halvings holds about 95% of the W1 between two independent SGD
// ensembles (stat.W1Floor's calibration).
const (
	floorSplits = 128
	floorQ      = 0.975
)

// Names of the floor's series.
const (
	floorName    = "W1 floor (SGD vs SGD)"
	floorTopName = "W1 floor, top of the 95% band (SGD vs SGD)"
)

// fluctObs records how the risk of the network spreads over the replicas of
// every method: per track i, series 2i is the mean risk (with its standard
// error) and series 2i+1 its standard deviation over the replicas; then, for
// every track but SGD's, the Wasserstein-1 distance between its law of the
// risk and SGD's (empirical laws over the replicas that have not diverged).
// It keeps the risks of the last recorded time for the histogram.
//
// A W1 between two empirical laws of n runs each is not 0 when the laws
// agree: it is about 1/sqrt(n) (times the spread). So next to the
// distances it records their sampling floor: the W1 between two
// independent SGD ensembles of the size of SGD's, its mean (series floor)
// and the top of a band that holds about 95% of it (series floorTop), and
// per distance a flag (series within[i]): 1 where the distance is within
// the band, i.e. sampling noise, 0 where it is above, NaN where there is
// no floor. The floor comes from SGD's own runs, without a second
// ensemble (which would need streams of its own): they are independent,
// so random halves of them are two independent SGD ensembles of half the
// size, and their W1 is scaled to the full size (by 1/sqrt(2) for equal
// halves: the W1 of two empirical laws of n and m runs scales like
// sqrt(1/n + 1/m)); stat.W1Floor averages 128 such halvings and takes the
// quantile over them. The floor is for two ensembles of n random runs;
// against the mean-field ODE (an exact point mass, no sampling on its
// side) the floor would be lower by sqrt(2), so the mark is conservative
// there.
type fluctObs struct {
	rec    recorder
	evals  []sim.Eval
	risk   [][]float64 // per track: the risk of every replica at the last record
	n      []int       // per track: the number of finite risks in risk
	sgd    int         // the SGD track, or -1
	w1     []int       // per track: the index of its W1 series, or -1
	within []int       // per track: the index of its within-the-floor series, or -1
	floor  int         // the index of the floor's mean series, or -1; the top is floor+1
	names  []string
	work   []float64
	fwork  []float64 // scratch of stat.W1Floor
	tLast  float64
	nTrack int
}

func (o *fluctObs) reset(s *sim.Sim) {
	tracks := s.Tracks()
	o.nTrack = len(tracks)
	o.sgd = -1
	for i, tr := range tracks {
		if tr.Method == sim.SGD && o.sgd < 0 {
			o.sgd = i
		}
	}
	o.names = o.names[:0]
	o.evals = o.evals[:0]
	o.risk = o.risk[:0]
	o.n = o.n[:0]
	o.w1 = o.w1[:0]
	o.within = o.within[:0]
	reps := 0
	for _, tr := range tracks {
		l := tr.Method.Label()
		o.names = append(o.names, "mean risk ("+l+")", "sd of the risk ("+l+")")
		o.evals = append(o.evals, s.Model().NewEval(tr.N))
		o.risk = append(o.risk, make([]float64, tr.Reps))
		o.n = append(o.n, 0)
		reps += tr.Reps
	}
	nb := 2 * len(tracks)
	for i, tr := range tracks {
		if o.sgd < 0 || i == o.sgd {
			o.w1 = append(o.w1, -1)
			continue
		}
		o.w1 = append(o.w1, nb)
		o.names = append(o.names, "W1 of the risk laws (SGD, "+tr.Method.Label()+")")
		nb++
	}
	o.floor = -1
	o.fwork = o.fwork[:0]
	if o.sgd >= 0 && len(tracks) > 1 {
		o.floor = nb
		o.names = append(o.names, floorName, floorTopName)
		nb += 2
		o.fwork = make([]float64, 4*tracks[o.sgd].Reps+floorSplits)
	}
	for i, tr := range tracks {
		if o.w1[i] < 0 {
			o.within = append(o.within, -1)
			continue
		}
		o.within = append(o.within, nb)
		o.names = append(o.names, "within sampling noise (SGD, "+tr.Method.Label()+"): 1 if W1 <= the floor's band")
		nb++
	}
	o.rec.reset(s.Config().T, nb)
	o.work = make([]float64, reps)
	o.observe(s)
}

func (o *fluctObs) observe(s *sim.Sim) {
	if !o.fits(s) {
		return // not the simulation of the last reset
	}
	t := s.Time()
	if !o.rec.due(t) {
		return
	}
	o.tLast = t
	tracks := s.Tracks()
	for i, tr := range tracks {
		// The finite risks of the replicas that have not diverged, packed
		// at the front.
		k := 0
		for r := 0; r < tr.Reps; r++ {
			if tr.DivergedAt[r] >= 0 {
				continue
			}
			if v := o.evals[i].Risk(tr.Replica(r)); v-v == 0 {
				o.risk[i][k] = v
				k++
			}
		}
		o.n[i] = k
		m, se := meanSE(o.risk[i][:k], nil)
		sd := se * math.Sqrt(float64(k))
		o.rec.bufs[2*i].Add(t, m, se)
		o.rec.bufs[2*i+1].Add(t, sd, 0)
	}
	top := math.NaN()
	if o.floor >= 0 {
		x := o.risk[o.sgd][:o.n[o.sgd]]
		mean, q, err := stat.W1Floor(x, len(x), len(x), floorSplits, floorQ, o.fwork)
		if err != nil {
			mean, q = math.NaN(), math.NaN() // fewer than two runs left
		}
		o.rec.bufs[o.floor].Add(t, mean, 0)
		o.rec.bufs[o.floor+1].Add(t, q, 0)
		top = q
	}
	for i := range tracks {
		b := o.w1[i]
		if b < 0 {
			continue
		}
		x, y := o.risk[o.sgd][:o.n[o.sgd]], o.risk[i][:o.n[i]]
		w, err := stat.W1(x, y, o.work)
		if err != nil {
			w = math.NaN() // an empty sample: every replica diverged
		}
		o.rec.bufs[b].Add(t, w, 0)
		flag := math.NaN()
		switch {
		case w != w || top != top:
		case w <= top:
			flag = 1
		default:
			flag = 0
		}
		o.rec.bufs[o.within[i]].Add(t, flag, 0)
	}
}

// withinNow reports whether track i's W1 is within the floor's band at the
// last recorded time.
func (o *fluctObs) withinNow(i int) bool {
	if i >= len(o.within) || o.within[i] < 0 {
		return false
	}
	b := o.rec.bufs[o.within[i]]
	return b.Len() > 0 && b.Y[b.Len()-1] == 1
}

// fits reports whether s is the simulation of the last reset.
func (o *fluctObs) fits(s *sim.Sim) bool {
	if s == nil || len(s.Tracks()) != o.nTrack || len(o.risk) != o.nTrack {
		return false
	}
	for i, tr := range s.Tracks() {
		if tr.Reps > len(o.risk[i]) {
			return false
		}
	}
	return true
}

func (o *fluctObs) series() []Series {
	return o.rec.series(o.names)
}

// dashes appends to dst[:0] the dashes of the polyline through the points
// (xy[0], xy[1]), (xy[2], xy[3]), ... (pixels): runs of length on, apart by
// gaps of length off, measured along the line, each run followed by a
// NaN point that breaks the line (render.Painter.Polyline). A point with a
// NaN coordinate breaks the line too (and restarts the pattern).
func dashes(dst, xy []float64, on, off float64) []float64 {
	dst = dst[:0]
	if !(on > 0) || !(off >= 0) {
		return append(dst, xy...)
	}
	// Room for every point at once (with twice the room when it grows, so
	// that a curve that gets longer frame by frame seldom reallocates):
	// the corners, and per run a start, an end and a break; there are at
	// most length/(on+off) + 1 runs, plus one per NaN break.
	var length float64
	for i := 0; i+3 < len(xy); i += 2 {
		if dx, dy := xy[i+2]-xy[i], xy[i+3]-xy[i+1]; dx-dx == 0 && dy-dy == 0 {
			length += math.Sqrt(dx*dx + dy*dy)
		}
	}
	if need := len(xy) + 6*(int(length/(on+off))+2+len(xy)/2); cap(dst) < need {
		dst = make([]float64, 0, 2*need)
	}
	nan := math.NaN()
	phase := 0.0  // the length into the period [0, on+off)
	open := false // a run is open: its last point is the last of dst
	brk := func() {
		if open {
			dst = append(dst, nan, nan)
			open = false
		}
	}
	for i := 0; i+3 < len(xy); i += 2 {
		x0, y0, x1, y1 := xy[i], xy[i+1], xy[i+2], xy[i+3]
		if x0-x0 != 0 || y0-y0 != 0 || x1-x1 != 0 || y1-y1 != 0 {
			brk()
			phase = 0
			continue
		}
		dx, dy := x1-x0, y1-y0
		l := math.Sqrt(dx*dx + dy*dy)
		for pos := 0.0; pos < l; {
			if phase < on { // in a run
				if !open {
					dst = append(dst, x0+dx*pos/l, y0+dy*pos/l)
					open = true
				}
				step := on - phase
				if step >= l-pos {
					phase += l - pos
					pos = l
					dst = append(dst, x1, y1)
					if phase >= on {
						brk()
					}
				} else {
					pos += step
					phase = on
					dst = append(dst, x0+dx*pos/l, y0+dy*pos/l)
					brk()
				}
				continue
			}
			step := on + off - phase // in a gap
			if step >= l-pos {
				phase += l - pos
				pos = l
			} else {
				pos += step
				phase = 0
			}
		}
	}
	brk()
	return dst
}
