package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shardParts runs smf order -shard k/n -out for k = 0 .. n-1 with args
// (workers alternating 1 and 2) and returns the part files.
func shardParts(t *testing.T, dir string, n int, args ...string) []string {
	t.Helper()
	var names []string
	for k := 0; k < n; k++ {
		name := filepath.Join(dir, fmt.Sprintf("part%d.json", k))
		a := append([]string{"order", "-shard", fmt.Sprintf("%d/%d", k, n), "-out", name, "-workers", fmt.Sprint(1 + k%2)}, args...)
		out, stderr, err := runSmf(a...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", a, err, stderr)
		}
		if out != "" {
			t.Fatalf("%v printed %q; the part goes to -out", a, out)
		}
		names = append(names, name)
	}
	return names
}

// smf merge of the 3 parts of smf order -shard k/3 prints byte for byte what
// the unsharded smf order prints (its table, -csv, -exact, -plain, without
// antithetic pairs or control variates, on a network with its note), and so
// does a merge of 5 parts given in reverse order; a part written to
// standard output is the same file.
func TestMergeEqualsOrder(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "xi.csv")
	if err := os.WriteFile(data, []byte("xi\n0.5\n1.5\n0.7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tanh2 := "problem=tanh2&T=1&reps=10&methods=sgd,gf,smf"
	for i, args := range [][]string{
		{"-alphas", "0.25,0.125", tanh2},
		{"-alphas", "0.25,0.125", "-csv", tanh2},
		{"-alphas", "0.25,0.125", "-plain", "-f", "z1", tanh2},
		{"-alphas", "0.25,0.125", "-antithetic=false", "-sgdreps", "17", tanh2},
		{"-alphas", "0.25,0.125", "-control=false", "-csv", tanh2},
		{"-alphas", "0.25,0.125", "-data", data, "-f", "pair", "problem=quad&dim=2&T=1&n=2&reps=6&methods=sgd,gf,sme1,smf"},
		{"-exact", "-alphas", "0.25,0.125,0.1", "-data", data, "problem=quad&dim=2&T=1&points=1,0.5&methods=sgd,gf,sme2,smf"},
		{"-exact", "-csv", "-alphas", "0.25,0.125", "problem=quad&dim=2&T=1&points=1,0.5&methods=sgd,gf,smf"},
		{"-alphas", "0.5,0.25", "-f", "risk", "scene=fluct&n=4&N=8&T=1&k=2&reps=6"},
		{"-alphas", "0.5,0.25", "-csv", "-reps", "4", "scene=fluct&n=4&N=8&T=1&k=2"},
	} {
		want, wantErr, err := runSmf(append([]string{"order", "-workers", "2"}, args...)...)
		if err != nil {
			t.Fatalf("order %v: %v\n%s", args, err, wantErr)
		}
		sub := filepath.Join(dir, fmt.Sprint(i))
		os.Mkdir(sub, 0o755)
		parts := shardParts(t, sub, 3, args...)
		got, gotErr, err := runSmf(append([]string{"merge"}, parts...)...)
		if err != nil {
			t.Fatalf("merge of %v: %v\n%s", args, err, gotErr)
		}
		if got != want {
			t.Errorf("merge of %v prints\n%s\nwant (order)\n%s", args, got, want)
		}
		// The warnings and notes of order -csv go to standard error alike
		// (the progress bar aside).
		for _, line := range strings.Split(wantErr, "\n") {
			if strings.HasPrefix(line, "smf: ") && !strings.Contains(gotErr, line) {
				t.Errorf("merge of %v: standard error lacks %q", args, line)
			}
		}
		if i == 1 || i == 8 {
			five := shardParts(t, t.TempDir(), 5, args...)
			for l, r := 0, len(five)-1; l < r; l, r = l+1, r-1 {
				five[l], five[r] = five[r], five[l]
			}
			if got, _, err := runSmf(append([]string{"merge"}, five...)...); err != nil || got != want {
				t.Errorf("merge of 5 shards of %v: %v\n%s", args, err, got)
			}
			a := append([]string{"order", "-shard", "1/3", "-workers", "2"}, args...)
			out, _, err := runSmf(a...)
			file, _ := os.ReadFile(parts[1])
			if err != nil || out != string(file) {
				t.Errorf("%v to standard output: %v, differs from -out: %v", a, err, out != string(file))
			}
		}
	}
}

// smf merge refuses parts that are not the N shards of one experiment, and
// smf order its bad -shard and -out flags, each with a message that says
// what is wrong.
func TestMergeErrors(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "xi.csv")
	if err := os.WriteFile(data, []byte("xi\n0.5\n1.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-alphas", "0.25,0.125", "-data", data, "problem=quad&T=1&reps=6&methods=sgd,smf"}
	parts := shardParts(t, dir, 3, args...)
	other := shardParts(t, t.TempDir(), 3, append([]string{"-plain"}, args...)...)
	four := filepath.Join(dir, "four.json")
	if _, stderr, err := runSmf(append([]string{"order", "-shard", "3/4", "-out", four}, args...)...); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// edit writes a copy of part 1 changed by f.
	edit := func(name string, f func(p map[string]any)) string {
		b, err := os.ReadFile(parts[1])
		if err != nil {
			t.Fatal(err)
		}
		var p map[string]any
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		f(p)
		b, _ = json.Marshal(p)
		name = filepath.Join(dir, name)
		os.WriteFile(name, b, 0o644)
		return name
	}
	slice := func(p map[string]any) map[string]any {
		return p["rates"].([]any)[0].([]any)[1].(map[string]any)
	}
	garbage := filepath.Join(dir, "garbage.json")
	os.WriteFile(garbage, []byte("{\"format\": \"smflow-order-part\", \"version\": 1, \"rates\": [[{]]}"), 0o644)
	for _, c := range []struct {
		name  string
		files []string
		want  string
	}{
		{"none", nil, "no part files"},
		{"missing", parts[:2], "missing shard(s) 2 of 3"},
		{"twice", []string{parts[0], parts[1], parts[1], parts[2]}, "shard 1/3 given twice"},
		{"other experiment", []string{parts[0], other[1], parts[2]}, "shards of different experiments"},
		{"other N", []string{parts[0], parts[1], parts[2], four}, "of 3 shards"},
		{"not there", []string{parts[0], filepath.Join(dir, "nope.json")}, "nope.json"},
		{"garbage", []string{parts[0], garbage, parts[2]}, "not a part file"},
		{"not json", []string{parts[0], data, parts[2]}, "not a part file"},
		{"format", []string{parts[0], edit("f.json", func(p map[string]any) { p["format"] = "csv" }), parts[2]}, "format \"csv\""},
		{"version", []string{parts[0], edit("v.json", func(p map[string]any) { p["version"] = 99 }), parts[2]}, "version 99"},
		{"shard out of range", []string{edit("s.json", func(p map[string]any) { p["shard"] = 3 })}, "malformed part file"},
		{"unknown field", []string{parts[0], edit("u.json", func(p map[string]any) { p["extra"] = 1 }), parts[2]}, "unknown field"},
		{"fingerprint", []string{parts[0], edit("fp.json", func(p map[string]any) { p["fingerprint"] = "0" }), parts[2]}, "different configurations"},
		{"rates", []string{parts[0], edit("r.json", func(p map[string]any) { p["rates"] = p["rates"].([]any)[:1] }), parts[2]}, "holds 1 learning rates, want 2"},
		{"values", []string{parts[0], edit("n.json", func(p map[string]any) { s := slice(p); s["f"] = s["f"].([]any)[1:] }), parts[2]}, "values"},
		{"overlap", []string{parts[0], edit("o.json", func(p map[string]any) { s := slice(p); s["lo"] = 0.0; s["hi"] = 2.0 }), parts[2]}, "given twice"},
		{"method", []string{parts[0], edit("m.json", func(p map[string]any) { slice(p)["method"] = "nope" }), parts[2]}, "nope"},
		{"value", []string{parts[0], edit("x.json", func(p map[string]any) { slice(p)["f"].([]any)[0] = "many" }), parts[2]}, "\"many\" is not a number"},
	} {
		_, _, err := runSmf(append([]string{"merge"}, c.files...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one with %q", c.name, err, c.want)
		} else {
			t.Logf("%s: %v", c.name, err)
		}
	}
	// Parts of another smf build merge, with a warning.
	odd := edit("b.json", func(p map[string]any) { p["build"] = "go0 plan9/mips" })
	if out, stderr, err := runSmf("merge", parts[0], odd, parts[2]); err != nil || !strings.Contains(stderr, "warning: "+odd+` was written by smf "go0 plan9/mips"`) || !strings.Contains(out, "order smf") {
		t.Errorf("another build: %v\n%s\n%s", err, stderr, out)
	}
	// The data file changed between the shards and the merge.
	os.WriteFile(data, []byte("xi\n0.5\n1.25\n"), 0o644)
	if _, _, err := runSmf(append([]string{"merge"}, parts...)...); err == nil || !strings.Contains(err.Error(), "another configuration") {
		t.Errorf("changed data: %v", err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-shard", "3/3"}, "0 <= K < N"},
		{[]string{"-shard", "1"}, "want K/N"},
		{[]string{"-shard", "-1/2"}, "want K/N"},
		{[]string{"-shard", "a/b"}, "want K/N"},
		{[]string{"-out", filepath.Join(dir, "x.json")}, "needs -shard"},
	} {
		_, _, err := runSmf(append(append([]string{"order"}, c.args...), args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("order %v: error %v, want one with %q", c.args, err, c.want)
		}
	}
}
