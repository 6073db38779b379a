package sim

import "sync"

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
		subs := s.subSteps(tr)
		cost := s.partCost(tr)
		for c.r < tr.Reps {
			b := partEnd(c.sub, subs, stop != nil)
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

// subSteps returns the parts of one step of tr: 1 for SGD, the K substeps
// of h = alpha/K for a continuous-time model.
func (s *Sim) subSteps(tr *Track) int {
	if tr.Method == SGD {
		return 1
	}
	return s.cfg.K
}

// partEnd returns the substep at which the next part of a replica at
// substep sub of subs ends: the end of the step, or, when the work may be
// cut (StepPart, AdvancePart with a stop function), one substep at a time.
func partEnd(sub, subs int, cut bool) int {
	if cut && subs > 1 {
		return sub + 1
	}
	return subs
}

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
	n, i := s.replicas(), 0
	s.runReplicas(s.step, target, workers, func(int) {
		i++
		if progress != nil {
			progress(float64(i) / float64(n))
		}
	})
	s.step = target
}

// replicas returns the number of replicas of all tracks together.
func (s *Sim) replicas() int {
	n := 0
	for _, tr := range s.tracks {
		n += tr.Reps
	}
	return n
}

// runReplicas advances every replica of every track from step from to step
// to on up to workers goroutines; done, if not nil, is called from the
// calling goroutine with the track's index after each replica.
func (s *Sim) runReplicas(from, to, workers int, done func(tr int)) {
	var jobs []replicaJob
	for i, tr := range s.tracks {
		for r := 0; r < tr.Reps; r++ {
			jobs = append(jobs, replicaJob{i, r})
		}
	}
	s.runJobs(jobs, from, to, workers, done)
}

// A replicaJob is replica r of track tr.
type replicaJob struct{ tr, r int }

// runJobs advances the replicas jobs from step from to step to on up to
// workers goroutines (each replica has its own stream, so the order does
// not matter); done, if not nil, is called from the calling goroutine with
// the track's index after each replica.
func (s *Sim) runJobs(jobs []replicaJob, from, to, workers int, done func(tr int)) {
	workers = max(workers, 1)
	ch := make(chan replicaJob)
	finished := make(chan int, len(jobs))
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for j := range ch {
				tr := s.tracks[j.tr]
				s.advance(tr, j.r, s.worker(tr, g), from, to)
				finished <- j.tr
			}
		}(g)
	}
	go func() {
		for _, j := range jobs {
			ch <- j
		}
		close(ch)
	}()
	for range jobs {
		if tr := <-finished; done != nil {
			done(tr)
		}
	}
	wg.Wait()
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
	subs := s.subSteps(tr)
	for i := from; i < to && tr.DivergedAt[r] < 0; i++ {
		s.part(tr, r, w, i, 0, subs)
	}
}

// part takes substeps a to b-1 of step i of replica r of tr (SGD has the
// one substep 0). The state is saved at substep 0; after the last substep
// a replica that left the finite numbers (a coordinate beyond divergeBound,
// see bounded) is put back to its last state within them and frozen
// (DivergedAt = i+1). A frozen replica does not move.
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
		if tr.cv != nil {
			tr.cv.addIndex(r, i, j)
		}
		w.eval.SampleGrad(w.grad, z, j)
		for q := range z {
			z[q] -= s.cfg.Alpha * w.grad[q]
		}
	} else {
		neg := s.cfg.Antithetic && r&1 == 1
		for sub := a; sub < b; sub++ {
			w.integ.step(z, rng, neg)
			if tr.cv != nil {
				tr.cv.addWeights(r, i*s.cfg.K+sub, w.integ.w)
			}
		}
		if b < s.cfg.K {
			return
		}
	}
	if !bounded(z) {
		copy(z, w.save)
		tr.DivergedAt[r] = i + 1
	}
}

// divergeBound is the largest |z_i| of a state that has not diverged. The
// statistics of a state are polynomials of degree up to 4 in its
// coordinates and the data (second moments z_k . z_l, losses (x . z - y)^2,
// and their variances), summed over up to about 1e12 terms: with |z_i| <=
// 1e50 and data within 1e6 (the query's limits) they stay below
// 1e12 * (1e6 * 1e50)^4 = 1e236, within float64 (MaxFloat64 ~ 1.8e308).
// Only a method past its stability limit gets there (SGD then grows by a
// fixed factor per step, and would overflow soon after): reporting it as
// diverged there replaces statistics that would be Inf or NaN while the
// method still said ok.
const divergeBound = 1e50

// bounded reports whether every |z_i| <= divergeBound (false for NaN).
func bounded(z []float64) bool {
	for _, v := range z {
		if !(v <= divergeBound && v >= -divergeBound) {
			return false
		}
	}
	return true
}

func finite(z []float64) bool {
	for _, v := range z {
		if v-v != 0 { // NaN or Inf
			return false
		}
	}
	return true
}
