//go:build js

package app

import (
	"syscall/js"

	"smflow/wasm/worker/proto"
)

// maxWorkers bounds the pool (workers=N asks for N).
const maxWorkers = 8

// A workerPool is the page's pool of Web Workers (window.smflowPool of
// web/app.js, each running web/worker.js and the sim-only program
// wasm/worker). JavaScript only creates the workers and relays messages;
// this side decides what they say. The pool lives as long as the page:
// tasks come and go (a reset makes a new one), and a message of an older
// task (an older generation) is dropped. Messages arrive from JavaScript
// between frames, never during Update or Draw.
type workerPool struct {
	v      js.Value
	auto   int    // workers by default: navigator.hardwareConcurrency - 1, at least 1
	loaded []bool // worker i has loaded its program
	err    string // why the pool cannot be used (a load error), or ""
	gen    int    // the last generation handed out
	task   poolTask
	fn     js.Func
}

// thePool is the page's pool, made on first use (getPool).
var thePool *workerPool

// getPool returns the page's pool, or nil and why there is none.
func getPool() (*workerPool, string) {
	if thePool != nil {
		return thePool, ""
	}
	v := js.Global().Get("smflowPool")
	if v.Type() != js.TypeObject || !v.Get("available").Truthy() {
		return nil, "unavailable"
	}
	p := &workerPool{v: v, auto: max(v.Get("auto").Int(), 1)}
	p.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		p.receive(args[0].Int(), args[1])
		return nil
	})
	v.Set("onmessage", p.fn)
	thePool = p
	return p, ""
}

// ensure starts workers up to n (after the page's first frame only, so
// that loading them does not delay it) and reports how many exist.
func (p *workerPool) ensure(n int) int {
	if !p.v.Get("afterFirstFrame").Truthy() {
		return len(p.loaded)
	}
	n = min(n, maxWorkers)
	if len(p.loaded) < n {
		got := p.v.Call("ensure", n).Int()
		for len(p.loaded) < got {
			p.loaded = append(p.loaded, false)
		}
		if got < n && p.err == "" && len(p.loaded) == 0 {
			if e := p.v.Get("error"); e.Type() == js.TypeString {
				p.err = e.String()
			} else {
				p.err = "unavailable"
			}
		}
	}
	return len(p.loaded)
}

// ready reports whether the first n workers have loaded their program.
func (p *workerPool) ready(n int) bool {
	if len(p.loaded) < n {
		return false
	}
	for _, ok := range p.loaded[:n] {
		if !ok {
			return false
		}
	}
	return true
}

// A poolTask is a Task that takes the pool's messages of its generation.
type poolTask interface {
	generation() int
	receive(i int, m workerMsg)
	fail(why string)
}

// next returns a new generation for the task t (nil: none), which from now
// on receives the pool's messages of that generation.
func (p *workerPool) next(t poolTask) int {
	p.gen++
	p.task = t
	return p.gen
}

// post posts msg to worker i, moving the buffers of transfer.
func (p *workerPool) post(i int, msg map[string]any, transfer ...js.Value) {
	tr := make([]any, len(transfer))
	for k, b := range transfer {
		tr[k] = b
	}
	p.v.Call("post", i, js.ValueOf(msg), js.ValueOf(tr))
}

// A workerMsg is a message of a worker (package proto).
type workerMsg struct {
	typ      string
	gen      int
	from, k  int
	z        []float64
	div      []int
	rng      []uint64
	ms       float64 // "steps": the worker's time
	fraction float64 // "progress": the fraction of its experiment done
	hash0    string
	message  string
}

// receive reads message data of worker i: the pool's own (loaded, a load
// error) or one for the current task's generation.
func (p *workerPool) receive(i int, data js.Value) {
	m := workerMsg{typ: data.Get("type").String(), gen: data.Get("gen").Int()}
	switch m.typ {
	case "loaded":
		if i < len(p.loaded) {
			p.loaded[i] = true
		}
		return
	case "error":
		m.message = data.Get("message").String()
		if m.gen < 0 {
			p.err = m.message
			if p.task != nil {
				p.task.fail(m.message)
			}
			return
		}
	case "ready":
		m.hash0 = data.Get("hash0").String()
	case "slices":
		m.from, m.message = data.Get("rate").Int(), data.Get("json").String()
	case "progress":
		m.fraction = data.Get("fraction").Float()
	case "steps":
		m.from, m.k, m.ms = data.Get("from").Int(), data.Get("k").Int(), data.Get("ms").Float()
		m.z = proto.Floats(nil, data.Get("z"))
		m.div = proto.Ints(nil, data.Get("div"))
		m.rng = proto.ReadWords(nil, data.Get("rng"))
	}
	if p.task != nil && m.gen == p.task.generation() {
		p.task.receive(i, m)
	}
}

// A crew is what both tasks on workers (workersTask, orderWorkersTask)
// keep of their workers: the pool, how many they asked for and use, their
// phase (phaseWait, ...), why none is used, the generation of their
// messages and which workers answered "ready".
type crew struct {
	pool  *workerPool
	want  int // workers asked for
	n     int // workers in use (0: one thread)
	phase int
	note  string // why no worker is used
	gen   int
	ready []bool
}

// Workers returns the number of workers in use and, when none is, why.
func (c *crew) Workers() (int, string) {
	if c.phase == phaseRun {
		return c.n, ""
	}
	return 0, c.note
}

func (c *crew) generation() int { return c.gen }

// live reports whether the task still may use workers: not switched to
// one thread for good, and the pool not failed (then fail is called).
func (c *crew) live(fail func(string)) bool {
	if c.phase == phaseOff {
		return false
	}
	if c.pool.err != "" {
		fail(c.pool.err)
		return false
	}
	return true
}

// loaded returns the number of workers to configure once the pool has
// loaded them (0 while it loads; fail is called when it cannot).
func (c *crew) loaded(fail func(string)) int {
	p := c.pool
	if got := p.ensure(c.want); got == 0 {
		if p.err != "" {
			fail(p.err)
		}
		return 0
	}
	n := min(c.want, len(p.loaded))
	if !p.ready(n) {
		c.note = "loading the workers"
		return 0
	}
	return n
}

// greet takes an "error" or "ready" message m of worker i: an error, or a
// worker whose check (a hash or a fingerprint of what it built) is not
// want, fails the task (differs says how); it reports whether every
// worker is ready now.
func (c *crew) greet(i int, m workerMsg, want, differs string, fail func(string)) bool {
	if m.typ == "error" {
		fail("worker: " + m.message)
		return false
	}
	if m.hash0 != want {
		fail(differs)
		return false
	}
	c.ready[i] = true
	for _, ok := range c.ready {
		if !ok {
			return false
		}
	}
	return true
}
