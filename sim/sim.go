package sim

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"sync"

	"smflow/sim/xmath"
)

// Config is everything that determines a simulation. The same Config gives
// bit-identical states on every platform.
type Config struct {
	// Problem names the problem and its settings.
	Problem ProblemSpec
	// Alpha is the learning rate; time is t = alpha * steps.
	Alpha float64
	// T is the final time.
	T float64
	// Seed determines every random stream.
	Seed uint64
	// NPoints is n, the number of starting points or neurons per replica
	// (ignored when Start is given).
	NPoints int
	// NData is N, the size of a generated data set (ignored when Data is given).
	NData int
	// Reps is the number of independent replicas of every random method.
	Reps int
	// K is the number of substeps per SGD step: h = alpha/K.
	K int
	// Scheme is the integrator of the continuous-time models.
	Scheme Scheme
	// Methods lists the methods to run.
	Methods []Method
	// Points holds explicit starting points (each of length d), or is nil.
	// For a network they are the initial neurons and mu_0 is their
	// empirical measure.
	Points [][]float64
	// NFlow is M, the number of flow particles u ~ mu_0 of the mean-field ODE
	// and the DD-SMF/SPDE (0 or less than n means n).
	NFlow int
	// Data replaces the generated data set when not nil.
	Data *Data
}

// Random stream purposes (the first label of xmath.Stream).
const (
	streamData = iota + 1
	streamInit
	streamSGD
	streamNoise
)

// A Status tells whether a method left the finite numbers.
type Status struct {
	// Diverged is true when at least one replica left the finite numbers.
	Diverged bool
	// At is the earliest time t at which a replica diverged.
	At float64
	// Reps is the number of diverged replicas.
	Reps int
}

// A Track is the state of one method: Reps replicas of N points in R^D,
// replica r's point k at Z[(r*N+k)*D : (r*N+k+1)*D]. A replica that left
// the finite numbers keeps its last finite state and is frozen.
type Track struct {
	// Method is the method this track runs.
	Method Method
	// Reps, N and D are the numbers of replicas, points per replica and
	// coordinates per point.
	Reps, N, D int
	// Z is the state, Reps*N*D values.
	Z []float64
	// DivergedAt[r] is the step at which replica r diverged, or -1.
	DivergedAt []int

	rngs []*xmath.Rand
	work []*worker // one per goroutine, created on demand
	mu   sync.Mutex
}

// Replica returns the configuration of replica r (a sub-slice of Z).
func (t *Track) Replica(r int) []float64 { return t.Z[r*t.N*t.D : (r+1)*t.N*t.D] }

// worker holds the scratch space of one goroutine for one track.
type worker struct {
	eval  Eval
	integ *integrator
	grad  []float64
	save  []float64
}

// Sim runs several methods of one problem side by side on one clock. It is
// not safe for concurrent use, except inside RunTo.
type Sim struct {
	cfg    Config
	model  Model
	data   *Data
	start  []float64 // n*d starting configuration
	flow   []float64 // M*d starting flow particles (mean field)
	gridW  int
	gridH  int
	tracks []*Track
	step   int
	total  int
	cur    cursor // the next part of a step partly done
	since  int    // work since StepPart last called stop
}

// New builds a simulation from cfg: it generates (or takes) the data, the
// starting points and one track per method.
func New(cfg Config) (*Sim, error) {
	if !(cfg.Alpha > 0) || math.IsInf(cfg.Alpha, 0) {
		return nil, fmt.Errorf("learning rate alpha = %v must be a positive number", cfg.Alpha)
	}
	if !(cfg.T >= 0) || math.IsInf(cfg.T, 0) {
		return nil, fmt.Errorf("final time T = %v must be a non-negative number", cfg.T)
	}
	if cfg.K < 1 {
		return nil, fmt.Errorf("substeps k = %d must be at least 1", cfg.K)
	}
	if cfg.Reps < 1 {
		cfg.Reps = 1
	}
	if len(cfg.Methods) == 0 {
		return nil, errors.New("no methods to run")
	}
	s := &Sim{cfg: cfg}
	var err error
	cfg.Problem = cfg.Problem.Fit(cfg.Data)
	s.cfg = cfg
	s.model, s.data, err = BuildModel(cfg.Problem, cfg.Data, cfg.NData, xmath.Stream(cfg.Seed, streamData))
	if err != nil {
		return nil, err
	}
	if err := s.initPoints(); err != nil {
		return nil, err
	}
	s.total = int(math.Ceil(cfg.T/cfg.Alpha - 1e-9))
	d := s.model.Dim()
	n := len(s.start) / d
	prob, err := LookupProblem(cfg.Problem.Name)
	if err != nil {
		return nil, err
	}
	for _, m := range cfg.Methods {
		if !prob.Applies(m) {
			return nil, fmt.Errorf("method %s does not run on problem %s", m, prob.Name)
		}
		tr := &Track{Method: m, Reps: cfg.Reps, N: n, D: d}
		if m.Deterministic() {
			tr.Reps = 1
		}
		init := s.start
		if m.flow() {
			init = s.flow
			tr.N = len(s.flow) / d
		}
		tr.Z = make([]float64, tr.Reps*tr.N*d)
		tr.DivergedAt = make([]int, tr.Reps)
		tr.rngs = make([]*xmath.Rand, tr.Reps)
		for r := 0; r < tr.Reps; r++ {
			copy(tr.Replica(r), init)
			tr.DivergedAt[r] = -1
			switch {
			case m == SGD:
				tr.rngs[r] = xmath.Stream(cfg.Seed, streamSGD, uint64(r))
			case m.noisy():
				tr.rngs[r] = xmath.Stream(cfg.Seed, streamNoise, uint64(m), uint64(r))
			}
		}
		s.tracks = append(s.tracks, tr)
	}
	return s, nil
}

// initPoints lays out the starting configuration and the flow particles.
func (s *Sim) initPoints() error {
	d := s.model.Dim()
	cfg := s.cfg
	rng := xmath.Stream(cfg.Seed, streamInit)
	if len(cfg.Points) > 0 {
		for i, p := range cfg.Points {
			if len(p) != d {
				return fmt.Errorf("starting point %d has %d coordinates, want %d", i+1, len(p), d)
			}
			for _, v := range p {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("starting point %d is not finite", i+1)
				}
			}
			s.start = append(s.start, p...)
		}
		// mu_0 is the empirical measure of the given points: its flow
		// particles are the points themselves.
		s.flow = append([]float64(nil), s.start...)
		return nil
	}
	n := max(cfg.NPoints, 1)
	if nw, ok := s.model.(initLaw); ok && s.model.MeanField() {
		m := max(cfg.NFlow, n)
		s.flow = make([]float64, m*d)
		for k := 0; k < m; k++ {
			nw.InitNeuron(s.flow[k*d:(k+1)*d], rng)
		}
		s.start = append([]float64(nil), s.flow[:n*d]...)
		return nil
	}
	var box [4]float64
	start := make([]float64, d)
	if v, ok := s.model.(Viewer); ok {
		box = v.Box()
		copy(start, v.Start())
	} else if p, ok := ProblemOf(s.model).(Viewer); ok {
		box = p.Box()
		copy(start, p.Start())
	} else {
		box = [4]float64{-1, 1, -1, 1}
	}
	s.start = make([]float64, n*d)
	if n == 1 {
		copy(s.start, start)
		s.gridW, s.gridH = 1, 1
		return nil
	}
	// A grid of n points over the middle of the view box (coordinates 0 and
	// 1; further coordinates from the default start).
	gw := int(math.Ceil(math.Sqrt(float64(n))))
	gh := (n + gw - 1) / gw
	s.gridW, s.gridH = gw, gh
	cx, cy := (box[0]+box[1])/2, (box[2]+box[3])/2
	wx, wy := 0.6*(box[1]-box[0]), 0.6*(box[3]-box[2])
	for k := 0; k < n; k++ {
		p := s.start[k*d : (k+1)*d]
		copy(p, start)
		i, j := k%gw, k/gw
		p[0] = cx - wx/2 + wx*frac(i, gw)
		if d > 1 {
			p[1] = cy - wy/2 + wy*frac(j, gh)
		}
	}
	return nil
}

// initLaw is implemented by models with a law mu_0 of initial neurons.
type initLaw interface {
	InitNeuron(dst []float64, rng *xmath.Rand)
}

func frac(i, n int) float64 {
	if n == 1 {
		return 0.5
	}
	return float64(i) / float64(n-1)
}

// Model returns the simulated model.
func (s *Sim) Model() Model { return s.model }

// Data returns the data set.
func (s *Sim) Data() *Data { return s.data }

// Config returns the configuration the simulation was built from.
func (s *Sim) Config() Config { return s.cfg }

// Grid returns the layout of default starting points as a gw x gh grid
// (point k at column k%gw, row k/gw), or 0, 0 when the points are not a grid.
func (s *Sim) Grid() (gw, gh int) { return s.gridW, s.gridH }

// Start returns the starting configuration (n points) and the starting flow
// particles (M points); do not modify them.
func (s *Sim) Start() (start, flow []float64) { return s.start, s.flow }

// Tracks returns the tracks, one per method in the order of Config.Methods.
// The caller must not modify them.
func (s *Sim) Tracks() []*Track { return s.tracks }

// Steps returns the number of SGD steps taken; Time returns t = alpha * steps.
func (s *Sim) Steps() int { return s.step }

// Time returns the current time t = alpha * steps.
func (s *Sim) Time() float64 { return s.cfg.Alpha * float64(s.step) }

// TotalSteps returns the number of steps to reach T.
func (s *Sim) TotalSteps() int { return s.total }

// Done reports whether the simulation reached T.
func (s *Sim) Done() bool { return s.step >= s.total }

// Status returns the divergence status of track i.
func (s *Sim) Status(i int) Status {
	tr := s.tracks[i]
	var st Status
	first := -1
	for _, at := range tr.DivergedAt {
		// A replica that diverged in a step partly done counts once the
		// step is complete.
		if at >= 0 && at <= s.step {
			st.Reps++
			if first < 0 || at < first {
				first = at
			}
		}
	}
	if st.Reps > 0 {
		st.Diverged = true
		st.At = s.cfg.Alpha * float64(first)
	}
	return st
}

// Step advances every method by one SGD step: one step of SGD, K substeps
// of h = alpha/K of the continuous-time models. A step partly done by
// StepPart is completed.
func (s *Sim) Step() { s.StepPart(nil) }

// partWork is the work (in particle-data evaluations, see partCost) done
// between two calls of StepPart's stop function.
const partWork = 4096

// A cursor is the position of a step taken in parts: track tr, replica r,
// substep sub (the next part to do).
type cursor struct{ tr, r, sub int }

// StepPart advances the current step part by part, in the order Step takes
// them: for SGD one replica's step, for a continuous-time model one substep
// of one replica. Every time about partWork particle-data evaluations were
// done since its last call (counted across calls), it calls stop; when stop
// returns true, StepPart returns false, leaving the step partly done
// (Partial), and the next call of StepPart or Step goes on from there. It
// returns true when the step is complete (Steps has grown by one). A nil
// stop never stops. A step taken in parts is identical to Step: every
// replica has its own random stream.
//
// While a step is partly done, some replicas are one step ahead of Steps:
// complete the step (Step or StepPart(nil)) before reading the state as a
// whole (Hash, an export, a picture).
func (s *Sim) StepPart(stop func() bool) bool {
	c := &s.cur
	for ; c.tr < len(s.tracks); c.tr, c.r = c.tr+1, 0 {
		tr := s.tracks[c.tr]
		w := s.worker(tr, 0)
		subs := 1
		if tr.Method != SGD {
			subs = s.cfg.K
		}
		cost := s.partCost(tr)
		for c.r < tr.Reps {
			b := subs
			if subs > 1 && stop != nil {
				b = c.sub + 1 // one substep at a time
			}
			s.part(tr, c.r, w, s.step, c.sub, b)
			s.since += cost * (b - c.sub)
			if b == subs {
				c.r, c.sub = c.r+1, 0
			} else {
				c.sub = b
			}
			if s.since >= partWork && stop != nil {
				s.since = 0
				if stop() && (c.tr+1 < len(s.tracks) || c.r < tr.Reps) {
					return false
				}
			}
		}
	}
	s.cur = cursor{}
	s.step++
	return true
}

// Partial reports whether a step is partly done (see StepPart).
func (s *Sim) Partial() bool { return s.cur != cursor{} }

// partCost estimates the work of one part of tr in particle-data
// evaluations: N*D for an SGD step (one datum), N*D*nData for a substep of a
// continuous-time model (the full gradient and the noise of every datum).
func (s *Sim) partCost(tr *Track) int {
	c := tr.N * tr.D
	if tr.Method != SGD {
		c *= max(s.model.NumData(), 1)
	}
	return c + 8
}

// RunTo advances every method to step target (at most TotalSteps is not
// enforced), running replicas on up to workers goroutines. The result is
// identical to calling Step repeatedly. progress, if not nil, is called from
// the calling goroutine with the fraction of work done.
func (s *Sim) RunTo(target, workers int, progress func(float64)) {
	if s.Partial() && target > s.step {
		s.Step()
	}
	if target <= s.step {
		return
	}
	workers = max(workers, 1)
	type job struct{ tr, r int }
	var jobs []job
	for i, tr := range s.tracks {
		for r := 0; r < tr.Reps; r++ {
			jobs = append(jobs, job{i, r})
		}
	}
	ch := make(chan job)
	done := make(chan struct{}, len(jobs))
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for j := range ch {
				tr := s.tracks[j.tr]
				s.advance(tr, j.r, s.worker(tr, g), s.step, target)
				done <- struct{}{}
			}
		}(g)
	}
	go func() {
		for _, j := range jobs {
			ch <- j
		}
		close(ch)
	}()
	for i := range jobs {
		<-done
		if progress != nil {
			progress(float64(i+1) / float64(len(jobs)))
		}
	}
	wg.Wait()
	s.step = target
}

// worker returns the scratch space of goroutine g for track tr.
func (s *Sim) worker(tr *Track, g int) *worker {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for len(tr.work) <= g {
		tr.work = append(tr.work, nil)
	}
	if tr.work[g] == nil {
		d, n := tr.D, tr.N
		ev := s.model.NewEval(n)
		w := &worker{eval: ev, grad: make([]float64, n*d), save: make([]float64, n*d)}
		if tr.Method != SGD {
			h := s.cfg.Alpha / float64(s.cfg.K)
			w.integ = newIntegrator(ev, tr.Method, s.cfg.Scheme, s.cfg.Alpha, h, n, d, s.model.NumData())
		}
		tr.work[g] = w
	}
	return tr.work[g]
}

// advance moves replica r of tr from step from to step to.
func (s *Sim) advance(tr *Track, r int, w *worker, from, to int) {
	subs := 1
	if tr.Method != SGD {
		subs = s.cfg.K
	}
	for i := from; i < to && tr.DivergedAt[r] < 0; i++ {
		s.part(tr, r, w, i, 0, subs)
	}
}

// part takes substeps a to b-1 of step i of replica r of tr (SGD has the
// one substep 0). The state is saved at substep 0; after the last substep
// a replica that left the finite numbers is put back to its last finite
// state and frozen (DivergedAt = i+1). A frozen replica does not move.
func (s *Sim) part(tr *Track, r int, w *worker, i, a, b int) {
	if tr.DivergedAt[r] >= 0 {
		return
	}
	z := tr.Replica(r)
	rng := tr.rngs[r]
	if a == 0 {
		copy(w.save, z)
	}
	if tr.Method == SGD {
		j := rng.IntN(s.model.NumData())
		w.eval.SampleGrad(w.grad, z, j)
		for q := range z {
			z[q] -= s.cfg.Alpha * w.grad[q]
		}
	} else {
		for sub := a; sub < b; sub++ {
			w.integ.step(z, rng)
		}
		if b < s.cfg.K {
			return
		}
	}
	if !finite(z) {
		copy(z, w.save)
		tr.DivergedAt[r] = i + 1
	}
}

func finite(z []float64) bool {
	for _, v := range z {
		if v-v != 0 { // NaN or Inf
			return false
		}
	}
	return true
}

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
