//go:build js

// Command worker is the sim-only WebAssembly program of the page's Web
// Workers (web/worker.js loads it; GOOS=js GOARCH=wasm, no Ebitengine): it
// holds a simulation built from the page's canonical query, advances only
// its slice of the replicas (sim.Sim.StepSlice) and posts their states back
// after every step. Every replica has its own random stream, so the page
// that copies the slices into its own simulation (sim.Sim.SetSlice) has
// the state one thread would have, bit for bit. The messages are those of
// package proto; web/worker.js hands each to smflowWorkerHandle.
package main

import (
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"smflow/sim"
	"smflow/sim/param"
	"smflow/wasm/worker/proto"
)

// state is the worker's simulation and slice.
type state struct {
	key   string // query and data the simulation was built from
	s     *sim.Sim
	hash0 string // HashReport before any step
	sl    sim.Slice
	gen   int
	z     []float64 // scratch
	div   []int
	rng   []uint64
}

var st state

func main() {
	self := js.Global()
	handle := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := args[0]
		gen := msg.Get("gen").Int()
		defer func() {
			if r := recover(); r != nil {
				post(self, errorMsg(gen, fmt.Sprint(r)), nil)
			}
		}()
		var err error
		switch t := msg.Get("type").String(); t {
		case "config":
			err = configure(self, msg)
		case "run":
			err = run(self, msg)
		case "order":
			err = configureOrder(self, msg)
		case "rate":
			err = runRate(self, msg)
		default:
			err = fmt.Errorf("unknown message type %q", t)
		}
		if err != nil {
			post(self, errorMsg(gen, err.Error()), nil)
		}
		return nil
	})
	self.Set("smflowWorkerHandle", handle)
	if f := self.Get("smflowWorkerReady"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
	select {}
}

// configure builds (or reuses) the simulation of the message's query and
// data and sets its slice's state.
func configure(self, msg js.Value) error {
	query, data := msg.Get("query").String(), ""
	if d := msg.Get("data"); d.Type() == js.TypeString {
		data = d.String()
	}
	key := query + "\x00" + data
	if st.s == nil || key != st.key {
		var d *sim.Data
		if data != "" {
			var err error
			if d, err = sim.ReadCSV(strings.NewReader(data)); err != nil {
				return fmt.Errorf("reading the data: %v", err)
			}
		}
		st.s = nil
		s, _, _, err := param.FromQuery(query, d)
		if err != nil {
			return err
		}
		st.s, st.key, st.hash0 = s, key, sim.HashReport(s)
	}
	s := st.s
	sl := sim.Slice{Lo: proto.IntList(msg.Get("lo")), Hi: proto.IntList(msg.Get("hi"))}
	if err := s.CheckSlice(sl); err != nil {
		return err
	}
	step := msg.Get("step").Int()
	st.z = proto.Floats(st.z, msg.Get("z"))
	st.div = proto.Ints(st.div, msg.Get("div"))
	s.SetSlice(sl, st.z, st.div, step)
	st.rng = proto.ReadWords(st.rng, msg.Get("rng"))
	s.SetSliceRands(sl, st.rng)
	s.SetSteps(step)
	st.sl, st.gen = sl, msg.Get("gen").Int()
	post(self, map[string]any{"type": "ready", "gen": st.gen, "hash0": st.hash0}, nil)
	return nil
}

// run advances the slice k steps from step from and posts the states after
// every step.
func run(self, msg js.Value) error {
	s := st.s
	gen, from, k := msg.Get("gen").Int(), msg.Get("from").Int(), msg.Get("k").Int()
	if s == nil || gen != st.gen {
		return fmt.Errorf("run of generation %d, configured %d", gen, st.gen)
	}
	if from != s.Steps() {
		return fmt.Errorf("run from step %d, at step %d", from, s.Steps())
	}
	t0 := time.Now()
	z, rng := st.z[:0], st.rng[:0]
	for j := 0; j < k; j++ {
		s.StepSlice(st.sl)
		z, _ = s.SliceState(st.sl, z, nil)
		rng = s.SliceRands(st.sl, rng)
	}
	st.rng = rng
	ms := float64(time.Since(t0)) / 1e6
	st.z = z
	_, st.div = s.SliceState(st.sl, nil, st.div[:0])
	za, da, ra := proto.Float64Array(z), proto.IntArray(st.div), proto.Words(rng)
	post(self, map[string]any{"type": "steps", "gen": gen, "from": from, "k": k, "z": za, "div": da, "rng": ra, "ms": ms},
		[]any{za.Get("buffer"), da.Get("buffer"), ra.Get("buffer")})
	return nil
}

func errorMsg(gen int, m string) map[string]any {
	return map[string]any{"type": "error", "gen": gen, "message": m}
}

// post posts msg to the page, moving the buffers of transfer.
func post(self js.Value, msg map[string]any, transfer []any) {
	m := js.ValueOf(msg)
	if transfer != nil {
		self.Call("postMessage", m, js.ValueOf(transfer))
	} else {
		self.Call("postMessage", m)
	}
}
