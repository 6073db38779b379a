package sim

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
)

// Sharding a weak-error experiment.
//
// The replicas of an OrderRun are independent: replica r of a track draws
// from its own random stream (xmath.Stream labelled by the method and r;
// antithetic pairs 2m, 2m+1 share the stream of 2m with opposite signs), so
// any process that builds the same OrderRun can run any subset of them and
// get the very values the whole run gets. The weak errors, however, are sums
// over the replicas, and floating-point sums depend on their order; so a
// slice of the work is handed back as its per-replica values (OrderSlice:
// f(Z_T), the control variates c1 and c2, the divergence record), and one
// OrderRun merges the slices of a learning rate in replica order and runs
// the same estimation code (recordValues) as the unsharded run: the weak
// points are equal bit for bit.
//
// Intended use:
//
//   - command line shards (smf order -shard K/N -out part.json, then smf
//     merge part*.json): every process builds the OrderRun of the same
//     configuration, runs RunShard(K, N) at every learning rate and stores the
//     slices; the merge builds it once more and calls MergeRate with the
//     slices of all shards at every learning rate;
//   - browser workers: each worker builds the OrderRun and runs replica
//     ranges (RunRanges, Slice, then NextRate; or RunShard), the page's
//     OrderRun merges them with MergeRate.
//
// The OrderRun that merges must have the configuration of the ones that ran
// (Fingerprint tells), and must not have advanced its current learning rate
// (Advance, RunRate). Antithetic pairs are never split (ShardRange cuts on
// pair boundaries; MergeRate refuses a slice that splits a pair).

// An OrderSlice holds the values of replicas Lo to Hi-1 of one track of an
// OrderRun at one learning rate, after their run to T: everything the weak
// error needs from them. It is plain data (its JSON form holds every value
// exactly, NaN and infinities too: JSONFloats); every per-replica
// slice has Hi - Lo entries (C1 and C2 none when the track has no such
// control variate).
type OrderSlice struct {
	// Rate is the index of the learning rate in the experiment's list,
	// Alpha its value.
	Rate  int     `json:"rate"`
	Alpha float64 `json:"alpha"`
	// Track is the index of the track (0 is SGD), Method its method.
	Track  int    `json:"track"`
	Method Method `json:"method"`
	// Reps is the number of replicas of the whole track.
	Reps int `json:"reps"`
	// Lo and Hi bound the replicas of the slice: Lo <= r < Hi.
	Lo int `json:"lo"`
	Hi int `json:"hi"`
	// F holds f(Z_T) of each replica.
	F JSONFloats `json:"f"`
	// C1 and C2 hold the linear and quadratic control variates of each
	// replica (controlVariate.values), or are empty.
	C1 JSONFloats `json:"c1,omitempty"`
	C2 JSONFloats `json:"c2,omitempty"`
	// DivergedAt holds the step at which each replica diverged, or -1.
	DivergedAt []int `json:"diverged_at"`
}

// JSONFloats is a []float64 whose JSON form holds every value exactly: finite
// numbers in the shortest form that reads back to the same bits (-0
// included), and the strings "NaN", "+Inf" and "-Inf" (encoding/json
// refuses those for a plain float64).
type JSONFloats []float64

// MarshalJSON writes the values as a JSON array.
func (f JSONFloats) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, v := range f {
		if i > 0 {
			b = append(b, ',')
		}
		switch {
		case math.IsNaN(v):
			b = append(b, `"NaN"`...)
		case math.IsInf(v, 1):
			b = append(b, `"+Inf"`...)
		case math.IsInf(v, -1):
			b = append(b, `"-Inf"`...)
		default:
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
		}
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (f *JSONFloats) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	out := make(JSONFloats, len(raw))
	for i, r := range raw {
		var s string
		if json.Unmarshal(r, &s) == nil {
			switch s {
			case "NaN":
				out[i] = math.NaN()
			case "+Inf":
				out[i] = math.Inf(1)
			case "-Inf":
				out[i] = math.Inf(-1)
			default:
				return fmt.Errorf("value %q is not a number", s)
			}
			continue
		}
		v, err := strconv.ParseFloat(string(r), 64)
		if err != nil {
			return fmt.Errorf("value %s is not a number", r)
		}
		out[i] = v
	}
	*f = out
	return nil
}

// A ReplicaRange names replicas Lo to Hi-1 of track Track of an OrderRun's
// current learning rate.
type ReplicaRange struct {
	Track, Lo, Hi int
}

// pairUnit returns the replicas that must stay together in track tr: 2 for
// the antithetic pairs of a noisy continuous model, else 1.
func (o *OrderRun) pairUnit(tr *Track) int {
	if o.sim.cfg.Antithetic && tr.Method != SGD && tr.Method.noisy() {
		return 2
	}
	return 1
}

// ShardRange returns the replicas lo to hi-1 of track i of the current
// learning rate that shard k of n (0 <= k < n) runs: with u the pair unit
// (2 for antithetic pairs, else 1) and U = ceil(Reps/u) units,
//
//	lo = u floor(k U / n),  hi = min(Reps, u floor((k+1) U / n)),
//
// so the n shards cover every replica exactly once, in order, and never
// split a pair. A deterministic method's one replica belongs to the shard
// whose range holds 0 (the first unless there are more shards than units).
func (o *OrderRun) ShardRange(i, k, n int) (lo, hi int) {
	tr := o.sim.tracks[i]
	u := o.pairUnit(tr)
	units := (tr.Reps + u - 1) / u
	lo = u * (k * units / n)
	hi = min(tr.Reps, u*((k+1)*units/n))
	return lo, hi
}

// Shard returns the ranges of shard k of n (0 <= k < n) of every track of
// the current learning rate (ShardRange), one per track.
func (o *OrderRun) Shard(k, n int) ([]ReplicaRange, error) {
	if o.Done() {
		return nil, fmt.Errorf("the experiment is done")
	}
	if n < 1 || k < 0 || k >= n {
		return nil, fmt.Errorf("shard %d of %d: want 0 <= k < n", k, n)
	}
	rs := make([]ReplicaRange, len(o.sim.tracks))
	for i := range rs {
		lo, hi := o.ShardRange(i, k, n)
		rs[i] = ReplicaRange{Track: i, Lo: lo, Hi: hi}
	}
	return rs, nil
}

// checkRanges reports an error for a range outside the current learning
// rate's tracks or one that splits an antithetic pair.
func (o *OrderRun) checkRanges(rs []ReplicaRange) error {
	if o.Done() {
		return fmt.Errorf("the experiment is done")
	}
	if o.track > 0 || o.rep > 0 {
		return fmt.Errorf("the learning rate alpha = %g was partly advanced replica by replica", o.alphas[o.cur])
	}
	s := o.sim
	for _, r := range rs {
		if r.Track < 0 || r.Track >= len(s.tracks) {
			return fmt.Errorf("no track %d (there are %d)", r.Track, len(s.tracks))
		}
		tr := s.tracks[r.Track]
		if r.Lo < 0 || r.Lo > r.Hi || r.Hi > tr.Reps {
			return fmt.Errorf("replicas [%d, %d) of %s: want 0 <= lo <= hi <= %d", r.Lo, r.Hi, tr.Method, tr.Reps)
		}
		if u := o.pairUnit(tr); r.Lo < r.Hi && (r.Lo%u != 0 || r.Hi%u != 0 && r.Hi != tr.Reps) {
			return fmt.Errorf("replicas [%d, %d) of %s split an antithetic pair", r.Lo, r.Hi, tr.Method)
		}
	}
	return nil
}

// RunRanges runs the replicas of the ranges rs of the current learning rate
// from 0 to T on up to workers goroutines (each replica at most once per
// learning rate; the values are those of the unsharded run bit for bit);
// progress, if not nil, gets the fraction of the experiment done after each
// replica. It does not move to the next learning rate (Slice, then NextRate
// or MergeRate).
func (o *OrderRun) RunRanges(rs []ReplicaRange, workers int, progress func(float64)) error {
	if err := o.checkRanges(rs); err != nil {
		return err
	}
	s := o.sim
	var jobs []replicaJob
	for _, rg := range rs {
		o.prepare(rg.Track)
		for r := rg.Lo; r < rg.Hi; r++ {
			jobs = append(jobs, replicaJob{rg.Track, r})
		}
	}
	s.runJobs(jobs, 0, s.total, workers, func(tr int) {
		o.rateWork += o.replicaWork(s.tracks[tr])
		if progress != nil {
			progress(o.Progress())
		}
	})
	return nil
}

// Slice returns the values of replicas lo to hi-1 of track i of the current
// learning rate, which must have run to T.
func (o *OrderRun) Slice(i, lo, hi int) OrderSlice {
	s := o.sim
	tr := s.tracks[i]
	v := OrderSlice{Rate: o.cur, Alpha: s.cfg.Alpha, Track: i, Method: tr.Method, Reps: tr.Reps, Lo: lo, Hi: hi}
	v.F = make([]float64, hi-lo)
	if hi > lo {
		ev := s.model.NewEval(tr.N)
		for r := lo; r < hi; r++ {
			v.F[r-lo] = o.obs.f(ev, tr.Replica(r), tr.D)
		}
	}
	if tr.cv != nil {
		v.C1 = make([]float64, hi-lo)
		if tr.cv.quadratic() {
			v.C2 = make([]float64, hi-lo)
		}
		for r := lo; r < hi; r++ {
			a, b := tr.cv.values(r)
			v.C1[r-lo] = a
			if v.C2 != nil {
				v.C2[r-lo] = b
			}
		}
	}
	v.DivergedAt = append([]int{}, tr.DivergedAt[lo:hi]...)
	return v
}

// NextRate leaves the current learning rate without recording its weak
// errors (a shard's run: its slices are merged elsewhere) and starts the
// next one.
func (o *OrderRun) NextRate() error {
	if o.Done() {
		return fmt.Errorf("the experiment is done")
	}
	return o.next()
}

// RunShard runs shard k of n (0 <= k < n, Shard) of the current learning
// rate on up to workers goroutines, returns the values of its replicas (one
// slice per track) and moves to the next learning rate without recording
// weak errors; progress, if not nil, gets the fraction of the shard's work
// done (the finished rates counted by their steps). Run at every learning
// rate of the N shards, its slices merged (MergeRate) give the weak points of
// the unsharded run bit for bit.
func (o *OrderRun) RunShard(k, n, workers int, progress func(float64)) ([]OrderSlice, error) {
	rs, err := o.Shard(k, n)
	if err != nil {
		return nil, err
	}
	if err := o.checkRanges(rs); err != nil {
		return nil, err
	}
	o.rateWork, o.rateTotal = 0, 0
	for _, r := range rs {
		o.rateTotal += float64(r.Hi-r.Lo) * o.replicaWork(o.sim.tracks[r.Track])
	}
	if err := o.RunRanges(rs, workers, progress); err != nil {
		return nil, err
	}
	out := make([]OrderSlice, len(rs))
	for i, r := range rs {
		out[i] = o.Slice(r.Track, r.Lo, r.Hi)
	}
	return out, o.NextRate()
}

// MergeRate records the weak errors of the current learning rate from
// slices that together hold every replica of every track exactly once (in
// any order; empty slices are allowed), as the unsharded run records them,
// bit for bit, and moves to the next learning rate. The current rate must
// not have run here. It reports an error for a slice of another learning
// rate or track, with the wrong sizes or control variates, or that splits
// an antithetic pair, and for replicas missing or given twice.
func (o *OrderRun) MergeRate(slices []OrderSlice) error {
	if o.Done() {
		return fmt.Errorf("the experiment is done: no learning rate left to merge")
	}
	s := o.sim
	alpha := o.alphas[o.cur]
	byTrack := make([][]OrderSlice, len(s.tracks))
	for _, v := range slices {
		if v.Rate != o.cur || math.Float64bits(v.Alpha) != math.Float64bits(alpha) {
			return fmt.Errorf("a slice of learning rate %d (alpha = %g) given for rate %d (alpha = %g)", v.Rate, v.Alpha, o.cur, alpha)
		}
		if err := o.checkRanges([]ReplicaRange{{v.Track, v.Lo, v.Hi}}); err != nil {
			return fmt.Errorf("alpha = %g: %w", alpha, err)
		}
		tr := s.tracks[v.Track]
		if v.Method != tr.Method || v.Reps != tr.Reps {
			return fmt.Errorf("alpha = %g: track %d is %s with %d replicas, the slice says %s with %d", alpha, v.Track, tr.Method, tr.Reps, v.Method, v.Reps)
		}
		n := v.Hi - v.Lo
		want1, want2 := 0, 0
		if tr.cv != nil {
			want1 = n
			if tr.cv.quadratic() {
				want2 = n
			}
		}
		if len(v.F) != n || len(v.DivergedAt) != n || len(v.C1) != want1 || len(v.C2) != want2 {
			return fmt.Errorf("alpha = %g: slice [%d, %d) of %s has %d values, %d divergence records and %d and %d control variates; want %d, %d, %d and %d",
				alpha, v.Lo, v.Hi, tr.Method, len(v.F), len(v.DivergedAt), len(v.C1), len(v.C2), n, n, want1, want2)
		}
		if n > 0 {
			byTrack[v.Track] = append(byTrack[v.Track], v)
		}
	}
	vals := make([]OrderSlice, len(s.tracks))
	for i, tr := range s.tracks {
		parts := byTrack[i]
		sort.Slice(parts, func(a, b int) bool { return parts[a].Lo < parts[b].Lo })
		next := 0
		for _, p := range parts {
			if p.Lo < next {
				return fmt.Errorf("alpha = %g: replicas [%d, %d) of %s given twice", alpha, p.Lo, min(next, p.Hi), tr.Method)
			}
			if p.Lo > next {
				return fmt.Errorf("alpha = %g: replicas [%d, %d) of %s missing", alpha, next, p.Lo, tr.Method)
			}
			next = p.Hi
		}
		if next < tr.Reps {
			return fmt.Errorf("alpha = %g: replicas [%d, %d) of %s missing", alpha, next, tr.Reps, tr.Method)
		}
		v := OrderSlice{Rate: o.cur, Alpha: alpha, Track: i, Method: tr.Method, Reps: tr.Reps, Hi: tr.Reps}
		for _, p := range parts {
			v.F = append(v.F, p.F...)
			v.DivergedAt = append(v.DivergedAt, p.DivergedAt...)
			if tr.cv != nil {
				v.C1 = append(v.C1, p.C1...)
				if tr.cv.quadratic() {
					v.C2 = append(v.C2, p.C2...)
				}
			}
		}
		vals[i] = v
	}
	if err := o.recordValues(vals); err != nil {
		return err
	}
	return o.next()
}

// Fingerprint returns a hash (FNV-1a, 64 bits, hex) of everything that
// determines the experiment's numbers: the configuration (problem, times,
// seed, sizes, methods, scheme, starting points and data given), the
// learning rates, the observable, the variance reductions and the replicas
// of SGD. Runs whose slices are merged must have equal fingerprints.
func (o *OrderRun) Fingerprint() string {
	h := fnv.New64a()
	c := o.base
	fmt.Fprintf(h, "%#v|%v|%v|%d|%d|%d|%d|%v|%v|%v|%d|%v|", c.Problem, c.Alpha, c.T, c.Seed, c.NPoints, c.NData, c.K, c.Scheme, c.Methods, c.Points, c.NFlow, c.Antithetic)
	fmt.Fprintf(h, "%d|", c.Reps)
	if d := c.Data; d != nil {
		fmt.Fprintf(h, "data %d %d %v %v %v|", d.N, d.Din, d.Xi, d.X, d.Y)
	}
	fmt.Fprintf(h, "%v|%s|%+v|%d", o.alphas, o.obs.Name, o.opts, o.sgdReps())
	return fmt.Sprintf("%016x", h.Sum64())
}
