package app

import (
	"bytes"
	"testing"
)

// The CSV built a replica at a time, stopped after every few replicas,
// equals AppendStateCSV byte for byte.
func TestStateCSVBuild(t *testing.T) {
	for _, q := range []string{"scene=ensemble&reps=37", "scene=meanfield&n=16&M=64&N=32", "scene=flow"} {
		s := simOf(t, q)
		for i := 0; i < 3; i++ {
			s.Step()
		}
		want := AppendStateCSV(nil, s)
		b := NewStateCSVBuild(s)
		k, calls := 0, 0
		for !b.Build(func() bool { k++; return k%3 == 0 }) {
			calls++
		}
		if got := b.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("%q: the CSV built in %d parts differs from AppendStateCSV (%d and %d bytes)", q, calls+1, len(got), len(want))
		}
		if d, all := b.Rows(); d != all || all == 0 {
			t.Errorf("%q: rows %d of %d", q, d, all)
		}
		if q == "scene=ensemble&reps=37" && calls < 5 {
			t.Errorf("%q: built in %d parts: the test does not cut it", q, calls+1)
		}
	}
}
