package sim

// AdvancePart runs the current learning rate part by part, in the order
// Advance takes its replicas: for SGD one step of a replica, for a
// continuous-time model one substep of h = alpha/K. Every time about
// partWork particle-data evaluations were done since its last call
// (counted across calls, as Sim.StepPart counts them), it calls stop; when
// stop returns true, AdvancePart returns (false, nil), leaving a replica
// partly done, and the next call of AdvancePart, Advance or RunRate goes on
// from there. When every replica of the rate is done it records the weak
// errors, moves to the next learning rate and returns (true, nil). A nil
// stop never stops. The results equal those of WeakErrors bit for bit:
// a replica's parts are those of Sim.advance, with its own random stream
// and control-variate record indexed by step and substep.
//
// The pieces that are not cut: recording the weak errors of a finished
// rate and building the control variates of the next (OrderRun.prepare).
func (o *OrderRun) AdvancePart(stop func() bool) (bool, error) {
	if o.Done() {
		return false, nil
	}
	s := o.sim
	for o.track < len(s.tracks) {
		if !o.replica(stop) {
			return false, nil
		}
	}
	s.step = s.total
	return true, o.finish()
}

// replica runs the rest of the replica at the cursor from its step and
// substep to step T/alpha (a track without replicas is passed over),
// calling stop as AdvancePart does, and moves the cursor to the next
// replica. It reports false when stop ended it with the replica partly
// done. The work of a replica counts in rateWork as it runs: subs x
// partCost per step; the steps a diverged (frozen) replica skips count
// when it is passed.
func (o *OrderRun) replica(stop func() bool) bool {
	s := o.sim
	tr := s.tracks[o.track]
	if o.rep < tr.Reps {
		o.prepare(o.track)
		w := s.worker(tr, 0)
		subs := s.subSteps(tr)
		cost := s.partCost(tr)
		for o.step < s.total && tr.DivergedAt[o.rep] < 0 {
			b := partEnd(o.sub, subs, stop != nil)
			s.part(tr, o.rep, w, o.step, o.sub, b)
			n := cost * (b - o.sub)
			o.since += n
			o.rateWork += float64(n)
			if b == subs {
				o.step, o.sub = o.step+1, 0
			} else {
				o.sub = b
			}
			if o.since >= partWork && stop != nil {
				o.since = 0
				if o.step < s.total && stop() {
					return false
				}
			}
		}
		o.rateWork += float64((s.total-o.step)*subs-o.sub) * float64(cost)
		o.rep, o.step, o.sub = o.rep+1, 0, 0
	}
	if o.rep >= tr.Reps {
		o.track, o.rep = o.track+1, 0
	}
	return true
}

// Cursor returns the replicas of the current learning rate finished so
// far and their number (a replica partly done by AdvancePart is not
// finished).
func (o *OrderRun) Cursor() (done, all int) {
	if o.Done() {
		return 0, 0
	}
	for i, tr := range o.sim.tracks {
		all += tr.Reps
		if i < o.track {
			done += tr.Reps
		}
	}
	if o.track < len(o.sim.tracks) {
		done += o.rep
	}
	return done, all
}
