//go:build js

package app

import (
	"encoding/json"
	"fmt"

	"smflow/scene"
	"smflow/sim"
	"smflow/wasm/worker/proto"
)

// An orderWorkersTask is the order scene's sweep (SweepTask) with its
// learning rates run on the page's Web Workers: worker k of n builds the
// same experiment (scene.ShardedSweep's recipe, checked by its
// fingerprint), runs shard k of the replicas of a rate
// (sim.OrderRun.RunShard) and sends back their values, and the host merges
// the n shards of its current rate (sim.OrderRun.MergeRate): the weak
// points are those of one thread, bit for bit. A rate the host has begun
// on one thread (while the workers loaded) it finishes itself; the workers
// start at the next. Until they are loaded, and for good when they cannot
// be, the sweep runs on one thread.
type orderWorkersTask struct {
	*sweepTask
	sw scene.ShardedSweep
	crew

	query, data string
	cfg         sim.Config
	alphas      []float64
	obs, fp     string

	asked  []int                      // per worker: the next rate to ask for
	done   []float64                  // per worker: the fraction of its experiment done, as of the last Advance
	latest []float64                  // per worker: the fraction it reported last
	slices map[int][][]sim.OrderSlice // by rate: the slices received, per worker
	got    map[int]int                // by rate: the workers that sent theirs
}

func (t *orderWorkersTask) fail(why string) {
	t.phase, t.n, t.note = phaseOff, 0, why
	t.slices, t.got = nil, nil
}

func (t *orderWorkersTask) poll() {
	if !t.live(t.fail) {
		return
	}
	if t.phase != phaseWait || !t.sw.Busy() {
		return
	}
	n := t.loaded(t.fail)
	if n == 0 {
		return
	}
	t.n = n
	p := t.pool
	t.gen = p.next(t)
	t.ready = make([]bool, n)
	t.asked = make([]int, n)
	t.done, t.latest = make([]float64, n), make([]float64, n)
	t.slices, t.got = map[int][][]sim.OrderSlice{}, map[int]int{}
	ms := make([]int, len(t.cfg.Methods))
	for i, m := range t.cfg.Methods {
		ms[i] = int(m)
	}
	for k := 0; k < n; k++ {
		p.post(k, map[string]any{
			"type": "order", "gen": t.gen, "query": t.query, "data": t.data,
			"methods": proto.List(ms), "reps": t.cfg.Reps, "nflow": t.cfg.NFlow, "antithetic": t.cfg.Antithetic,
			"alphas": proto.Float64Array(t.alphas), "obs": t.obs, "fingerprint": t.fp, "k": k, "n": n,
		})
	}
	t.phase, t.note = phaseConfig, "configuring the workers"
}

// receive takes message m of worker i of the current generation.
func (t *orderWorkersTask) receive(i int, m workerMsg) {
	if t.phase == phaseOff || i >= t.n {
		return
	}
	switch m.typ {
	case "error", "ready":
		if !t.greet(i, m, t.fp, "the workers' experiment differs from the page's", t.fail) {
			return
		}
		t.phase, t.note = phaseRun, ""
		// The workers start at the first rate the host has not begun.
		r, fresh := t.sw.Rate()
		if !fresh {
			r++
		}
		for k := range t.asked {
			t.asked[k] = r
		}
	case "slices":
		var sl []sim.OrderSlice
		if err := json.Unmarshal([]byte(m.message), &sl); err != nil {
			t.fail("worker: " + err.Error())
			return
		}
		if t.slices[m.from] == nil {
			t.slices[m.from] = make([][]sim.OrderSlice, t.n)
		}
		t.slices[m.from][i] = sl
		t.got[m.from]++
	case "progress":
		t.latest[i] = m.fraction
	}
}

// Progress is the sweep's, or, while the workers run a rate, the mean of
// their fractions done when it is larger: each worker runs a shard of
// every rate, so the mean counts the work that ran on all of them. The
// fractions are taken when the sweep advances, so that a paused sweep's
// progress holds still while the workers finish what they were given.
func (t *orderWorkersTask) Progress() float64 {
	p := t.sweepTask.Progress()
	if t.phase != phaseRun || len(t.done) == 0 {
		return p
	}
	mean := 0.0
	for _, f := range t.done {
		mean += f
	}
	return max(p, min(mean/float64(len(t.done)), 1))
}

// feed asks every worker for the rates up to one beyond the host's.
func (t *orderWorkersTask) feed() {
	r, _ := t.sw.Rate()
	for k := range t.asked {
		for t.asked[k] <= r+1 && t.asked[k] < len(t.alphas) {
			t.pool.post(k, map[string]any{"type": "rate", "gen": t.gen, "rate": t.asked[k]})
			t.asked[k]++
		}
	}
}

// merge merges the current rate when every worker has sent its shard.
func (t *orderWorkersTask) merge() bool {
	r, fresh := t.sw.Rate()
	if !fresh || t.got[r] < t.n {
		return false
	}
	var all []sim.OrderSlice
	for _, sl := range t.slices[r] {
		all = append(all, sl...)
	}
	delete(t.slices, r)
	delete(t.got, r)
	if err := t.sw.MergeRate(all); err != nil {
		t.fail(fmt.Sprintf("merging the workers' rate %d: %v", r, err))
	}
	return true
}

// Advance merges the rates the workers finished; a rate begun here (and
// the whole sweep on one thread) goes on as SweepTask's.
func (t *orderWorkersTask) Advance(max int, b *Budget) (int, bool) {
	t.poll()
	copy(t.done, t.latest)
	if t.phase != phaseRun {
		return t.sweepTask.Advance(max, b)
	}
	if _, fresh := t.sw.Rate(); !fresh {
		n, more := t.sweepTask.Advance(max, b)
		t.feed()
		return n, more
	}
	n := 0
	for n < max && t.sw.Busy() && !t.stepped() && t.merge() {
		n++
	}
	t.stepped()
	t.feed()
	return n, t.sw.Busy()
}

// Step merges the current rate when the workers have sent it, else does
// a piece of the sweep here.
func (t *orderWorkersTask) Step() {
	if t.phase == phaseRun && t.merge() {
		return
	}
	t.sweepTask.Step()
}

// orderWorkersFor returns the orderWorkersTask of the sharded sweep sw,
// or nil and why not.
func orderWorkersFor(st *sweepTask, sw scene.ShardedSweep, pool *workerPool, want int, query, data string) (Task, string) {
	cfg, alphas, obs, fp, ok := sw.ShardRecipe()
	if !ok {
		return st, "no experiment to run on workers"
	}
	w := &orderWorkersTask{sweepTask: st, sw: sw, crew: crew{pool: pool, want: want, note: "starting"}, query: query, data: data,
		cfg: cfg, alphas: alphas, obs: obs, fp: fp}
	w.gen = pool.next(w)
	return w, ""
}
