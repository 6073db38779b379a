//go:build js

package app

import (
	"fmt"
	"strings"

	"smflow/catalog"
	"smflow/scene"
	"smflow/sim"
	"smflow/sim/param"
	"smflow/wasm/worker/proto"
)

// The phases of a workersTask.
const (
	phaseWait   = iota // the pool is starting: one thread meanwhile
	phaseConfig        // the workers are given the simulation and its state
	phaseRun           // the workers step, the host copies their states in
	phaseOff           // one thread for good (note says why)
)

// jobMs is the aimed length of one job of a worker, in ms: long enough
// that a message's cost does not count, short enough that the host sees
// steps often.
const jobMs = 30

// maxBuffered bounds the values of the states received ahead of the host
// (steps ahead times the state's length).
const maxBuffered = 4 << 20

// A workersTask is the stepped simulation (StepTask) with its replicas
// advanced on the page's Web Workers: the replicas are split into one
// slice a worker (sim.Sim.Split), each worker holds its own copy of the
// simulation (built from the canonical query and the data) and advances
// only its slice (sim.Sim.StepSlice), and the host copies the slices'
// states and their random streams' states after every step into its own
// simulation (sim.Sim.SetSlice, SetSliceRands) and lets the View observe
// that step. Every replica has its own random stream, so the states, and
// the hash, are those of one thread, bit for bit. Until the workers are
// loaded (and for good when they cannot be, or one fails), the task steps
// on one thread from the host's state; the step button copies a step the
// workers sent ahead, or else steps on one thread and gives the workers
// the new state (streams included) before they go on.
type workersTask struct {
	stepTask
	crew
	slices []sim.Slice
	query  string
	data   string
	hash0  string // HashReport of the simulation before any step

	asked    []int // per worker: the step its last job ends at
	inflight []int
	chunks   [][]workerMsg // per worker: states received, in order of steps
	k        int           // steps per job
	stateLen int
}

// workersFor returns the Task t (taskFor's, of s and view) with its work on
// the page's Web Workers: a workersTask for a stepped simulation (its
// tracks' replicas split between the workers; a track of one replica, as
// in the flow and meanfield scenes, goes whole to one worker, so the
// page's thread never runs a step, however long), an orderWorkersTask for
// the order scene's sweep;
// else, or when workers are disabled (v.Workers) or unavailable, t with a
// note why no worker is used.
func workersFor(t Task, s *sim.Sim, view View, v param.Values) (Task, string) {
	st, stepped := t.(*stepTask)
	var shard scene.ShardedSweep
	swt, swept := t.(*sweepTask)
	if swept && v.Scene == catalog.Order {
		shard = scene.ShardedSweepOf(view)
	}
	if !stepped && shard == nil {
		return t, "this scene runs on one thread"
	}
	if v.Workers == "0" {
		return t, "disabled by workers=0"
	}
	pool, why := getPool()
	if pool == nil {
		return t, why
	}
	if pool.err != "" {
		return t, pool.err
	}
	want := pool.auto
	if v.Workers != "auto" && v.Workers != "" {
		fmt.Sscan(v.Workers, &want)
	}
	query, data := param.Canonical(v), ""
	if d := s.Config().Data; d != nil {
		var b strings.Builder
		if err := sim.WriteCSV(&b, d); err != nil {
			return t, "the data cannot be handed to the workers: " + err.Error()
		}
		data = b.String()
	}
	if shard != nil {
		return orderWorkersFor(swt, shard, pool, max(want, 1), query, data)
	}
	w := &workersTask{stepTask: *st, crew: crew{pool: pool, want: max(want, 1)}, k: 1, query: query, data: data}
	if s.Steps() == 0 && !s.Partial() {
		w.hash0 = sim.HashReport(s)
	} else if s0, err := sim.New(s.Config()); err == nil {
		w.hash0 = sim.HashReport(s0)
	}
	w.gen = pool.next(w)
	w.note = "starting"
	return w, ""
}

// fail switches to one thread for good, with the reason.
func (t *workersTask) fail(why string) {
	t.phase, t.n, t.note = phaseOff, 0, why
	t.chunks = nil
}

// poll moves from one phase to the next when the pool allows.
func (t *workersTask) poll() {
	if !t.live(t.fail) {
		return
	}
	if t.phase != phaseWait || t.s.Partial() || t.s.Done() {
		return
	}
	if n := t.loaded(t.fail); n > 0 {
		t.configure(n)
	}
}

// configure gives the first n workers the simulation and the state of
// their slices at the host's step (a new generation: messages of the
// earlier ones are dropped).
func (t *workersTask) configure(n int) {
	s := t.s
	t.n = n
	t.gen = t.pool.next(t)
	t.slices = s.Split(n)
	t.ready = make([]bool, n)
	t.asked = make([]int, n)
	t.inflight = make([]int, n)
	t.chunks = make([][]workerMsg, n)
	t.stateLen = 0
	for i, sl := range t.slices {
		z, div := s.SliceState(sl, nil, nil)
		t.stateLen += len(z)
		za, da, ra := proto.Float64Array(z), proto.IntArray(div), proto.Words(s.SliceRands(sl, nil))
		t.pool.post(i, map[string]any{
			"type": "config", "gen": t.gen, "query": t.query, "data": t.data,
			"lo": proto.List(sl.Lo), "hi": proto.List(sl.Hi), "step": s.Steps(), "z": za, "div": da, "rng": ra,
		}, za.Get("buffer"), da.Get("buffer"), ra.Get("buffer"))
		t.asked[i] = s.Steps()
	}
	t.phase = phaseConfig
	t.note = "configuring the workers"
}

// receive takes message m of worker i of the current generation.
func (t *workersTask) receive(i int, m workerMsg) {
	if t.phase == phaseOff || i >= t.n {
		return
	}
	switch m.typ {
	case "error", "ready":
		if t.greet(i, m, t.hash0, "the workers' simulation differs from the page's", t.fail) {
			t.phase, t.note = phaseRun, ""
			t.feed()
		}
	case "steps":
		t.inflight[i]--
		t.chunks[i] = append(t.chunks[i], m)
		if m.k > 0 && m.ms > 0 {
			per := m.ms / float64(m.k)
			t.k = max(1, min(256, int(jobMs/per)))
		}
		t.feed()
	}
}

// feed asks every worker for more steps while few are in flight and the
// states received ahead of the host stay within maxBuffered. It runs when
// a worker's message arrives (between frames: a message allocates), and
// from Advance only for a worker with nothing in flight (idle).
func (t *workersTask) feed() {
	s := t.s
	ahead := max(2, min(4*t.k, maxBuffered/max(t.stateLen, 1)))
	for i := range t.asked {
		for t.inflight[i] < 2 && t.asked[i] < s.TotalSteps() && t.asked[i]-s.Steps() < ahead {
			k := min(t.k, s.TotalSteps()-t.asked[i])
			t.pool.post(i, map[string]any{"type": "run", "gen": t.gen, "from": t.asked[i], "k": k})
			t.asked[i] += k
			t.inflight[i]++
		}
	}
}

// apply copies the workers' states of the next step into the host's
// simulation and lets the View observe it; false when a worker has not
// sent that step yet.
func (t *workersTask) apply() bool {
	s := t.s
	step := s.Steps()
	for i := range t.chunks {
		if len(t.chunks[i]) == 0 || t.chunks[i][0].from+t.chunks[i][0].k <= step {
			return false
		}
	}
	for i, sl := range t.slices {
		c := t.chunks[i][0]
		j := step - c.from
		m, w := len(c.z)/c.k, len(c.rng)/c.k
		s.SetSlice(sl, c.z[j*m:(j+1)*m], c.div, step+1)
		s.SetSliceRands(sl, c.rng[j*w:(j+1)*w])
		if j == c.k-1 {
			t.chunks[i] = t.chunks[i][1:]
		}
	}
	s.SetSteps(step + 1)
	t.obs.Observe(s)
	return true
}

// Advance copies in up to max steps that the workers finished, while the
// budget lasts, and asks them for more; on one thread it is StepTask's.
func (t *workersTask) Advance(max int, b *Budget) (int, bool) {
	t.poll()
	switch t.phase {
	case phaseWait, phaseOff:
		return t.stepTask.Advance(max, b)
	case phaseConfig:
		return 0, !t.s.Done()
	}
	n := 0
	for n < max && !t.s.Done() && !b.Out() {
		if n > 0 && b.Stop() {
			break
		}
		if !t.apply() {
			break
		}
		n++
	}
	for _, f := range t.inflight {
		if f == 0 {
			t.feed()
			break
		}
	}
	return n, !t.s.Done()
}

// Step does the next step: copied from the workers when they have sent
// it, else on one thread, after which the workers are given the new state
// (by the next Advance: a run of steps of the step button gives it once).
func (t *workersTask) Step() {
	if t.phase == phaseRun && t.apply() {
		return
	}
	t.stepTask.Step()
	if t.phase == phaseRun || t.phase == phaseConfig {
		t.gen = t.pool.next(t) // the workers' states are out of date
		t.phase, t.chunks, t.note = phaseWait, nil, "giving the workers the new state"
	}
}
