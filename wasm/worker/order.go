//go:build js

package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"smflow/sim"
	"smflow/sim/param"
	"smflow/wasm/worker/proto"
)

// orderState is the worker's weak-error experiment and its shard.
type orderState struct {
	run  *sim.OrderRun
	gen  int
	rate int // the index of the run's current learning rate
	k, n int // this worker runs shard k of n
}

var ost orderState

// configureOrder builds the experiment of an "order" message: the
// simulation of the canonical query and data with the experiment's
// methods, replicas, flow particles and antithetic pairs, its learning
// rates and observable; it checks the fingerprint against the page's.
func configureOrder(self, msg js.Value) error {
	ost = orderState{gen: msg.Get("gen").Int()}
	var d *sim.Data
	if data := msg.Get("data"); data.Type() == js.TypeString && data.String() != "" {
		var err error
		if d, err = sim.ReadCSV(strings.NewReader(data.String())); err != nil {
			return fmt.Errorf("reading the data: %v", err)
		}
	}
	s, _, _, err := param.FromQuery(msg.Get("query").String(), d)
	if err != nil {
		return err
	}
	cfg := s.Config()
	cfg.Methods = cfg.Methods[:0:0]
	for _, m := range proto.IntList(msg.Get("methods")) {
		cfg.Methods = append(cfg.Methods, sim.Method(m))
	}
	cfg.Reps, cfg.NFlow = msg.Get("reps").Int(), msg.Get("nflow").Int()
	cfg.Antithetic = msg.Get("antithetic").Bool()
	obs, err := sim.ObservableByName(msg.Get("obs").String())
	if err != nil {
		return err
	}
	run, err := sim.NewOrderRun(cfg, proto.Floats(nil, msg.Get("alphas")), obs)
	if err != nil {
		return err
	}
	if fp := msg.Get("fingerprint").String(); run.Fingerprint() != fp {
		return fmt.Errorf("the worker's experiment (%s) differs from the page's (%s)", run.Fingerprint(), fp)
	}
	ost.run, ost.k, ost.n = run, msg.Get("k").Int(), msg.Get("n").Int()
	post(self, map[string]any{"type": "ready", "gen": ost.gen, "hash0": run.Fingerprint()}, nil)
	return nil
}

// progressEvery is the least time between two progress messages of a
// worker running a rate.
const progressEvery = 100 * time.Millisecond

// runRate runs this worker's shard of learning rate msg.rate (passing
// over the rates before it) and posts its slices as JSON text
// (sim.OrderSlice keeps every value exactly). Meanwhile it posts, at most
// every progressEvery, the fraction of its experiment done (its run's
// Progress: the rates before counted whole, this one by its shard's work),
// so that the page's progress moves while a rate runs on the workers.
func runRate(self, msg js.Value) error {
	gen, rate := msg.Get("gen").Int(), msg.Get("rate").Int()
	if ost.run == nil || gen != ost.gen {
		return fmt.Errorf("rate of generation %d, configured %d", gen, ost.gen)
	}
	if rate < ost.rate {
		return fmt.Errorf("rate %d asked, at rate %d", rate, ost.rate)
	}
	for ost.rate < rate {
		if err := ost.run.NextRate(); err != nil {
			return err
		}
		ost.rate++
	}
	last := time.Now()
	slices, err := ost.run.RunShard(ost.k, ost.n, 1, func(f float64) {
		if time.Since(last) >= progressEvery {
			last = time.Now()
			post(self, map[string]any{"type": "progress", "gen": gen, "fraction": f}, nil)
		}
	})
	if err != nil {
		return err
	}
	ost.rate++
	b, err := json.Marshal(slices)
	if err != nil {
		return err
	}
	post(self, map[string]any{"type": "slices", "gen": gen, "rate": rate, "json": string(b)}, nil)
	return nil
}
