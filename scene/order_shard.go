//go:build js

package scene

import "smflow/sim"

// A ShardedSweep is a sweep whose stages, the learning rates of a
// weak-error experiment (sim.OrderRun), can run elsewhere (the page's Web
// Workers): another process builds the same experiment from the recipe
// (ShardRecipe), runs a shard of the replicas of a rate
// (sim.OrderRun.RunShard) and hands back its per-replica values; the
// sweep merges the shards of its current rate (MergeRate), bit for bit
// what running the rate here gives.
type ShardedSweep interface {
	Sweep
	// ShardRecipe returns what another process needs to build the same
	// experiment: the configuration (its methods those of the
	// experiment), the learning rates, the observable's name and the
	// experiment's fingerprint (sim.OrderRun.Fingerprint); ok is false
	// when there is no experiment.
	ShardRecipe() (cfg sim.Config, alphas []float64, obs, fingerprint string, ok bool)
	// Rate returns the index of the current learning rate and whether
	// none of its work was done here (only then can it be merged).
	Rate() (i int, fresh bool)
	// MergeRate records the current learning rate from the slices of all
	// shards (sim.OrderRun.MergeRate) and moves to the next.
	MergeRate(slices []sim.OrderSlice) error
}

// ShardedSweepOf returns the sweep of v when its stages can run elsewhere,
// else nil.
func ShardedSweepOf(v View) ShardedSweep {
	if w, ok := SweepOf(v).(ShardedSweep); ok {
		return w
	}
	return nil
}

// ShardRecipe implements ShardedSweep.
func (e *orderExp) ShardRecipe() (cfg sim.Config, alphas []float64, obs, fingerprint string, ok bool) {
	if e.run == nil || e.err != nil {
		return cfg, nil, "", "", false
	}
	return e.run.Config(), append([]float64(nil), e.alphas...), e.obs, e.run.Fingerprint(), true
}

// Rate implements ShardedSweep: the learning rates finished so far, and
// whether no run of the current one was done here
// (sim.OrderRun.RateUntouched).
func (e *orderExp) Rate() (int, bool) {
	return e.finished(), e.run != nil && e.run.RateUntouched()
}

// MergeRate implements ShardedSweep.
func (e *orderExp) MergeRate(slices []sim.OrderSlice) error {
	if !e.Busy() {
		return nil
	}
	err := e.run.MergeRate(slices)
	e.update()
	return err
}
