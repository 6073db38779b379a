//go:build js && browser

package app

import (
	"strings"
	"syscall/js"
	"testing"
	"time"

	"smflow/sim"
	"smflow/sim/param"
	"smflow/wasm/worker/proto"
)

// fakePool installs window.smflowPool with n workers played by Go (the
// protocol of wasm/worker, its answers delivered by setTimeout, between
// Updates as a real worker's are) and returns a function that removes it.
func fakePool(t *testing.T, n int) func() {
	t.Helper()
	type worker struct {
		s   *sim.Sim
		sl  sim.Slice
		gen int
	}
	ws := make([]worker, n)
	pool := js.Global().Get("Object").New()
	var fns []js.Func
	deliver := func(i int, msg map[string]any) {
		var f js.Func
		f = js.FuncOf(func(js.Value, []js.Value) any {
			f.Release()
			pool.Call("onmessage", i, js.ValueOf(msg))
			return nil
		})
		js.Global().Call("setTimeout", f, 0)
	}
	// ensure and post are JavaScript, as the page's are: a call of the
	// pool does not run Go (which could let another goroutine in).
	loaded := js.FuncOf(func(js.Value, []js.Value) any {
		for i := 0; i < n; i++ {
			deliver(i, map[string]any{"type": "loaded", "gen": -1})
		}
		return nil
	})
	js.Global().Set("smflowFakeLoaded", loaded)
	ensure := js.Global().Get("Function").New("n", "setTimeout(() => smflowFakeLoaded(), 0); return this.auto;")
	handle := func(i int, m js.Value) {
		w := &ws[i]
		gen := m.Get("gen").Int()
		switch m.Get("type").String() {
		case "config":
			s, _, _, err := param.FromQuery(m.Get("query").String(), nil)
			if err != nil {
				t.Error(err)
				return
			}
			hash0 := sim.HashReport(s)
			w.s, w.sl, w.gen = s, sim.Slice{Lo: proto.IntList(m.Get("lo")), Hi: proto.IntList(m.Get("hi"))}, gen
			step := m.Get("step").Int()
			s.SetSlice(w.sl, proto.Floats(nil, m.Get("z")), proto.Ints(nil, m.Get("div")), step)
			s.SetSliceRands(w.sl, proto.ReadWords(nil, m.Get("rng")))
			s.SetSteps(step)
			deliver(i, map[string]any{"type": "ready", "gen": gen, "hash0": hash0})
		case "run":
			if gen != w.gen { // a job of an older configuration: the page dropped it
				deliver(i, map[string]any{"type": "error", "gen": gen, "message": "old generation"})
				return
			}
			from, k := m.Get("from").Int(), m.Get("k").Int()
			if from != w.s.Steps() {
				t.Errorf("worker %d asked to run from step %d at step %d", i, from, w.s.Steps())
			}
			var z []float64
			var rng []uint64
			for j := 0; j < k; j++ {
				w.s.StepSlice(w.sl)
				z, _ = w.s.SliceState(w.sl, z, nil)
				rng = w.s.SliceRands(w.sl, rng)
			}
			_, div := w.s.SliceState(w.sl, nil, nil)
			deliver(i, map[string]any{"type": "steps", "gen": gen, "from": from, "k": k,
				"z": proto.Float64Array(z), "div": proto.IntArray(div), "rng": proto.Words(rng), "ms": 100.0})
		}
	}
	// post hands the message to handle later, as a worker takes it (in
	// order).
	handleFn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		handle(args[0].Int(), args[1])
		return nil
	})
	js.Global().Set("smflowFakeHandle", handleFn)
	post := js.Global().Get("Function").New("i", "m", "setTimeout(() => smflowFakeHandle(i, m), 0);")
	fns = append(fns, loaded, handleFn)
	pool.Set("available", true)
	pool.Set("auto", n)
	pool.Set("afterFirstFrame", true)
	pool.Set("ensure", ensure)
	pool.Set("post", post)
	js.Global().Set("smflowPool", pool)
	thePool = nil
	return func() {
		js.Global().Delete("smflowPool")
		js.Global().Delete("smflowFakeLoaded")
		js.Global().Delete("smflowFakeHandle")
		thePool = nil
		for _, f := range fns {
			f.Release()
		}
	}
}

// The fluct scene on two (fake) workers: the stats say 2, the step button
// beyond the steps sent ahead (the fake workers say a step takes 100 ms,
// so they are asked for a step at a time, a few ahead) steps on the page's
// thread and gives the workers its state, and the end has the hash of one
// thread.
func TestWorkersTask(t *testing.T) {
	defer fakePool(t, 2)()
	const q = "scene=fluct&T=3&reps=5&n=4"
	g := New(q+"&autoplay=1&speed=100", Options{})
	if _, ok := g.task.(*workersTask); !ok {
		t.Fatalf("the task is a %T, want a workersTask", g.task)
	}
	run := func(until func() bool) {
		for i := 0; i < 2000 && !until(); i++ {
			g.Update()
			g.frameUsed = 0
			time.Sleep(time.Millisecond) // the workers' answers arrive
		}
	}
	run(func() bool { return g.Stats().Workers == 2 })
	if st := g.Stats(); st.Workers != 2 || st.WorkersNote != "" {
		t.Fatalf("stats workers %d, note %q; want 2 workers", st.Workers, st.WorkersNote)
	}
	s0 := g.State().Steps
	run(func() bool { return g.State().Steps >= s0+3 })
	g.Pause()
	g.Step(8) // more than the workers sent ahead: steps on the page's thread
	if st := g.Stats(); st.Workers != 0 || !strings.Contains(st.WorkersNote, "new state") {
		t.Errorf("after the step button: stats workers %d, note %q", st.Workers, st.WorkersNote)
	}
	s1 := g.State().Steps
	g.Play()
	run(func() bool { return g.Stats().Workers == 2 && g.State().Steps >= s1+3 })
	if g.State().Done {
		t.Fatal("the run ended before the workers went on")
	}
	run(func() bool { return g.State().Done })
	ref := New(q, Options{})
	ref.Step(ref.sim.TotalSteps())
	if g.Hash() != ref.Hash() {
		t.Errorf("with workers:\n%s\none thread:\n%s", g.Hash(), ref.Hash())
	}
	if st := g.Stats(); st.Workers != 2 {
		t.Errorf("at the end: stats workers %d, note %q", st.Workers, st.WorkersNote)
	}
}

// Without a pool (no window.smflowPool; every stepped scene would use it)
// and with workers=0 the task is the one-thread one, and stats() says why.
func TestWorkersNotes(t *testing.T) {
	for _, c := range []struct{ q, note string }{
		{"scene=fluct&T=0.2", "unavailable"},
		{"scene=flow&T=0.2", "unavailable"},
		{"scene=meanfield&T=0.2", "unavailable"},
	} {
		if st := New(c.q, Options{}).Stats(); st.Workers != 0 || !strings.Contains(st.WorkersNote, c.note) {
			t.Errorf("%s: workers %d, note %q; want 0 and %q", c.q, st.Workers, st.WorkersNote, c.note)
		}
	}
	defer fakePool(t, 2)()
	if st := New("scene=fluct&T=0.2&workers=0", Options{}).Stats(); st.Workers != 0 || !strings.Contains(st.WorkersNote, "workers=0") {
		t.Errorf("workers=0: workers %d, note %q", st.Workers, st.WorkersNote)
	}
}
