package sim_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"smflow/sim"
)

// shardSlices runs shard k of n of the experiment of cfg at every learning
// rate and returns its slices, by rate.
func shardSlices(t *testing.T, cfg sim.Config, alphas []float64, obs sim.Observable, opts sim.MCOptions, k, n int) [][]sim.OrderSlice {
	t.Helper()
	o, err := sim.NewOrderRunMC(cfg, alphas, obs, opts)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]sim.OrderSlice
	for !o.Done() {
		sl, err := o.RunShard(k, n, 2, nil)
		if err != nil {
			t.Fatalf("shard %d/%d: %v", k, n, err)
		}
		out = append(out, sl)
	}
	if len(o.Points()) != 0 {
		t.Errorf("shard %d/%d recorded %d points", k, n, len(o.Points()))
	}
	return out
}

// mergeShards merges the slices of shards (by shard, then rate) into a new
// experiment of cfg, the shards' slices given in reverse order.
func mergeShards(cfg sim.Config, alphas []float64, obs sim.Observable, opts sim.MCOptions, shards [][][]sim.OrderSlice) ([]sim.WeakPoint, error) {
	o, err := sim.NewOrderRunMC(cfg, alphas, obs, opts)
	if err != nil {
		return nil, err
	}
	for rate := 0; !o.Done(); rate++ {
		var all []sim.OrderSlice
		for k := len(shards) - 1; k >= 0; k-- {
			all = append(all, shards[k][rate]...)
		}
		if err := o.MergeRate(all); err != nil {
			return nil, err
		}
	}
	return o.Points(), nil
}

// samePoints fails unless got and want are equal bit for bit (%#v prints
// every float64 with the digits that tell it apart, -0 included).
func samePoints(t *testing.T, name string, got, want []sim.WeakPoint) {
	t.Helper()
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%s: %d points, want %d", name, len(got), len(want))
	}
	for i := range want {
		if g, w := fmt.Sprintf("%#v", got[i]), fmt.Sprintf("%#v", want[i]); g != w || got[i] != want[i] {
			t.Errorf("%s: point %d\n got %s\nwant %s", name, i, g, w)
		}
	}
}

// The slices of 3 shards (and of 7, more shards than some tracks have
// pairs), merged, give the weak points of WeakErrorsMC bit for bit: on quad
// with SGD's side exact and with SGD's ensemble and its control variates,
// on tanh2 and on a small network with antithetic pairs and the quadratic
// control variate, and with plain Monte Carlo.
func TestOrderShardsMerge(t *testing.T) {
	for _, c := range []struct {
		query, obs string
		alphas     []float64
		opts       sim.MCOptions
		by         sim.Sampling // the noisy continuous model's sampling
	}{
		{"problem=quad&T=1&n=2&reps=10&methods=sgd,gf,smf", "sq", []float64{0.25, 0.125}, sim.MCOptions{}, sim.SampleAntitheticControl},
		{"problem=quad&T=1&n=2&reps=10&methods=sgd,gf,smf", "risk", []float64{0.25, 0.125}, sim.MCOptions{NoExactSGD: true, SGDReps: 23}, sim.SampleAntitheticControl},
		{"problem=quad&T=1&n=2&reps=9&methods=sgd,smf", "sq", []float64{0.25, 0.125}, sim.MCOptions{NoAntithetic: true, NoExactSGD: true}, sim.SampleControl},
		{"problem=tanh2&T=1&reps=12&methods=sgd,smf", "risk", []float64{0.25, 0.125}, sim.MCOptions{}, sim.SampleAntitheticControl},
		{"problem=tanh2&T=1&reps=12&methods=sgd,smf", "risk", []float64{0.25, 0.125}, sim.MCOptions{Plain: true}, sim.SamplePlain},
		{"scene=fluct&n=4&N=8&T=1&k=2&reps=10", "risk", []float64{0.5, 0.25}, sim.MCOptions{}, sim.SampleAntitheticControl},
	} {
		name := fmt.Sprintf("%s f=%s %+v", c.query, c.obs, c.opts)
		cfg := mcConfig(t, c.query)
		obs, err := sim.ObservableByName(c.obs)
		if err != nil {
			t.Fatal(err)
		}
		want, err := sim.WeakErrorsMC(cfg, c.alphas, obs, c.opts, 2, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		noisy := false
		for _, p := range want {
			noisy = noisy || p.ValueBy == c.by
		}
		if !noisy {
			t.Errorf("%s: no point sampled by %v: %+v", name, c.by, want)
		}
		for _, n := range []int{3, 7} {
			var shards [][][]sim.OrderSlice
			for k := 0; k < n; k++ {
				shards = append(shards, shardSlices(t, cfg, c.alphas, obs, c.opts, k, n))
			}
			got, err := mergeShards(cfg, c.alphas, obs, c.opts, shards)
			if err != nil {
				t.Fatalf("%s, %d shards: %v", name, n, err)
			}
			samePoints(t, fmt.Sprintf("%s, %d shards", name, n), got, want)
		}
	}
}

// ShardRange covers every replica exactly once, in order, and never splits
// an antithetic pair.
func TestOrderShardRange(t *testing.T) {
	cfg := mcConfig(t, "problem=quad&T=1&n=2&reps=10&methods=sgd,gf,smf")
	obs, _ := sim.ObservableByName("sq")
	o, err := sim.NewOrderRunMC(cfg, []float64{0.25, 0.125}, obs, sim.MCOptions{NoExactSGD: true, SGDReps: 23})
	if err != nil {
		t.Fatal(err)
	}
	_, s := o.Current()
	for i, tr := range s.Tracks() {
		for _, n := range []int{1, 2, 3, 4, 7, 40} {
			next := 0
			for k := 0; k < n; k++ {
				lo, hi := o.ShardRange(i, k, n)
				if lo != next || hi < lo {
					t.Fatalf("%s shard %d/%d: [%d, %d) after %d", tr.Method, k, n, lo, hi, next)
				}
				if tr.Method == sim.SMF && lo < hi && (lo%2 != 0 || hi%2 != 0) {
					t.Errorf("%s shard %d/%d: [%d, %d) splits a pair", tr.Method, k, n, lo, hi)
				}
				next = hi
			}
			if next != tr.Reps {
				t.Errorf("%s in %d shards: up to %d of %d replicas", tr.Method, n, next, tr.Reps)
			}
		}
	}
	if _, err := o.Shard(3, 3); err == nil {
		t.Error("shard 3 of 3 accepted")
	}
}

// MergeRate refuses replicas missing or given twice, slices of another
// learning rate, wrong sizes, a split antithetic pair and a rate that is
// done; a refused merge can be retried with the right slices.
func TestOrderShardMergeErrors(t *testing.T) {
	cfg := mcConfig(t, "problem=tanh2&T=1&reps=8&methods=sgd,gf,smf")
	obs, _ := sim.ObservableByName("risk")
	alphas := []float64{0.25, 0.125}
	opts := sim.MCOptions{}
	var shards [][][]sim.OrderSlice
	for k := 0; k < 3; k++ {
		shards = append(shards, shardSlices(t, cfg, alphas, obs, opts, k, 3))
	}
	first := append(append(append([]sim.OrderSlice{}, shards[0][0]...), shards[1][0]...), shards[2][0]...)
	smf := -1
	for i, v := range first {
		if v.Method == sim.SMF && v.Hi > v.Lo {
			smf = i
			break
		}
	}
	if smf < 0 || len(first[smf].C2) == 0 {
		t.Fatalf("no SMF slice with a quadratic control variate: %+v", first)
	}
	drop := func(i int) []sim.OrderSlice {
		return append(append([]sim.OrderSlice{}, first[:i]...), first[i+1:]...)
	}
	edit := func(f func(v *sim.OrderSlice)) []sim.OrderSlice {
		s := append([]sim.OrderSlice{}, first...)
		f(&s[smf])
		return s
	}
	for _, c := range []struct {
		name   string
		slices []sim.OrderSlice
		want   string
	}{
		{"missing", drop(smf), "missing"},
		{"twice", append(append([]sim.OrderSlice{}, first...), first[smf]), "given twice"},
		{"other rate", append(drop(smf), shards[0][1]...), "learning rate 1"},
		{"short", edit(func(v *sim.OrderSlice) { v.F = v.F[1:] }), "values"},
		{"no c2", edit(func(v *sim.OrderSlice) { v.C2 = nil }), "control variates"},
		{"split pair", edit(func(v *sim.OrderSlice) {
			v.Lo++
			v.F, v.C1, v.C2, v.DivergedAt = v.F[1:], v.C1[1:], v.C2[1:], v.DivergedAt[1:]
		}), "split an antithetic pair"},
		{"method", edit(func(v *sim.OrderSlice) { v.Method = sim.SME1 }), "the slice says"},
		{"track", edit(func(v *sim.OrderSlice) { v.Track = 9 }), "no track 9"},
	} {
		o, err := sim.NewOrderRunMC(cfg, alphas, obs, opts)
		if err != nil {
			t.Fatal(err)
		}
		err = o.MergeRate(c.slices)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one with %q", c.name, err, c.want)
			continue
		}
		t.Logf("%s: %v", c.name, err)
		if err := o.MergeRate(first); err != nil {
			t.Errorf("%s: the right slices after a refused merge: %v", c.name, err)
		}
	}
	want, err := sim.WeakErrorsMC(cfg, alphas, obs, opts, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := mergeShards(cfg, alphas, obs, opts, shards)
	if err != nil {
		t.Fatal(err)
	}
	samePoints(t, "tanh2 with gf", got, want)
	o, _ := sim.NewOrderRunMC(cfg, alphas, obs, opts)
	for !o.Done() {
		o.NextRate()
	}
	if err := o.MergeRate(first); err == nil || !strings.Contains(err.Error(), "done") {
		t.Errorf("merge after the end: %v", err)
	}
}

// An OrderSlice's JSON form holds every value bit for bit (NaN, the
// infinities, -0 and the last digit included), so slices sent between
// processes or workers as JSON merge into the weak points of the unsharded
// run; a value that is not a number is an error.
func TestOrderSliceJSON(t *testing.T) {
	v := sim.OrderSlice{Rate: 1, Alpha: 0.125, Track: 2, Method: sim.SMF, Reps: 8, Lo: 2, Hi: 8,
		F:          sim.JSONFloats{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0.1 + 0.2, math.SmallestNonzeroFloat64},
		C1:         sim.JSONFloats{1, 2, 3, 4, 5, math.MaxFloat64},
		DivergedAt: []int{-1, -1, 3, -1, -1, -1}}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var w sim.OrderSlice
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if fmt.Sprintf("%#v", w) != fmt.Sprintf("%#v", v) || w.C2 != nil {
		t.Errorf("JSON %s\nread back %#v\nwant      %#v", b, w, v)
	}
	for q := range v.F {
		if math.Float64bits(v.F[q]) != math.Float64bits(w.F[q]) && !math.IsNaN(v.F[q]) {
			t.Errorf("value %d: %v read back as %v", q, v.F[q], w.F[q])
		}
	}
	if err := json.Unmarshal([]byte(`{"f": [1, "many"]}`), &w); err == nil {
		t.Error(`"many" read as a number`)
	}

	cfg := mcConfig(t, "scene=fluct&n=4&N=8&T=1&k=2&reps=6")
	obs, _ := sim.ObservableByName("risk")
	alphas := []float64{0.5, 0.25}
	want, err := sim.WeakErrorsMC(cfg, alphas, obs, sim.MCOptions{}, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	var shards [][][]sim.OrderSlice
	for k := 0; k < 2; k++ {
		sl := shardSlices(t, cfg, alphas, obs, sim.MCOptions{}, k, 2)
		b, err := json.Marshal(sl)
		if err != nil {
			t.Fatal(err)
		}
		var back [][]sim.OrderSlice
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, back)
	}
	got, err := mergeShards(cfg, alphas, obs, sim.MCOptions{}, shards)
	if err != nil {
		t.Fatal(err)
	}
	samePoints(t, "network through JSON", got, want)
}
