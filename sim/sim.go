package sim

import (
	"errors"
	"fmt"
	"math"

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
	// Antithetic pairs the replicas of every noisy continuous-time model:
	// replica 2m+1 takes the Brownian increments of replica 2m with the
	// opposite sign (W and -W), so each has the law of the model and the
	// odd orders of the noise cancel in the pair's mean. SGD's data indices
	// are not paired. The weak-error experiment (OrderRun) sets it; the
	// default, false, gives every replica a stream of its own.
	Antithetic bool
}

// Random stream purposes (the first label of xmath.Stream).
const (
	streamData = iota + 1
	streamInit
	streamSGD
	streamNoise
)

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
				rr := r
				if cfg.Antithetic {
					rr = r &^ 1 // replica 2m+1 draws what replica 2m draws
				}
				tr.rngs[r] = xmath.Stream(cfg.Seed, streamNoise, uint64(m), uint64(rr))
			}
		}
		s.tracks = append(s.tracks, tr)
	}
	return s, nil
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
