package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"smflow/sim"
)

// Sweeps on many machines: `smf order -shard K/N -out part.json` runs the
// K-th (0 <= K < N) of N disjoint slices of the replicas of every method at
// every learning rate (sim.OrderRun.RunShard: antithetic pairs stay whole)
// and writes their per-replica values to a part file; `smf merge
// part*.json` checks that the parts are the N shards of one experiment,
// merges their values in replica order (sim.OrderRun.MergeRate) and prints
// what the unsharded `smf order` with the same other flags prints, to the
// last digit (the estimates are computed from the same values in the same
// order).

// partFormat and partVersion name the part files' format; a merge refuses
// any other.
const (
	partFormat  = "smflow-order-part"
	partVersion = 1
)

// A partFile is what `smf order -shard K/N -out F` writes to F.
type partFile struct {
	// Format and Version name the format (partFormat, partVersion).
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Args are the order command's arguments without -shard, -out and
	// -workers (flags as -name=value, sorted by name, then the query): the
	// merge builds the experiment from them again.
	Args []string `json:"args"`
	// Fingerprint is sim.OrderRun.Fingerprint of the experiment; every part
	// and the merge's own experiment must have the same.
	Fingerprint string `json:"fingerprint"`
	// Build names the smf that wrote the part (buildID); a merge of parts
	// of different builds warns.
	Build string `json:"build"`
	// Shard is K, Shards is N.
	Shard  int `json:"shard"`
	Shards int `json:"shards"`
	// Rates holds the slices of every learning rate, one per method (none
	// with -exact: exact expectations have no replicas).
	Rates [][]partSlice `json:"rates"`
}

// partSlice is a sim.OrderSlice with its method by name.
type partSlice struct {
	Rate       int            `json:"rate"`
	Alpha      float64        `json:"alpha"`
	Track      int            `json:"track"`
	Method     string         `json:"method"`
	Reps       int            `json:"reps"`
	Lo         int            `json:"lo"`
	Hi         int            `json:"hi"`
	F          sim.JSONFloats `json:"f"`
	C1         sim.JSONFloats `json:"c1,omitempty"`
	C2         sim.JSONFloats `json:"c2,omitempty"`
	DivergedAt []int          `json:"diverged_at"`
}

// toPart returns v as JSON holds it.
func toPart(v sim.OrderSlice) partSlice {
	return partSlice{Rate: v.Rate, Alpha: v.Alpha, Track: v.Track, Method: v.Method.String(), Reps: v.Reps,
		Lo: v.Lo, Hi: v.Hi, F: v.F, C1: v.C1, C2: v.C2, DivergedAt: v.DivergedAt}
}

// fromPart returns the slice p holds.
func fromPart(p partSlice) (sim.OrderSlice, error) {
	m, err := sim.ParseMethod(p.Method)
	if err != nil {
		return sim.OrderSlice{}, err
	}
	return sim.OrderSlice{Rate: p.Rate, Alpha: p.Alpha, Track: p.Track, Method: m, Reps: p.Reps,
		Lo: p.Lo, Hi: p.Hi, F: p.F, C1: p.C1, C2: p.C2, DivergedAt: p.DivergedAt}, nil
}

// parseShard reads -shard K/N: 0 <= K < N.
func parseShard(s string) (k, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 0 || k >= n {
		return 0, 0, fmt.Errorf("-shard %q: want K/N with 0 <= K < N (K counts from 0, as a Kubernetes completion index or a Slurm array --array=0-(N-1))", s)
	}
	if n > maxShards {
		return 0, 0, fmt.Errorf("-shard %q: at most %d shards", s, maxShards)
	}
	return k, n, nil
}

// buildID names this smf: the Go version, the target and, where the build
// recorded them, GOAMD64 and the version control revision.
func buildID() string {
	id := runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "GOAMD64", "vcs.revision", "vcs.modified":
				id += " " + kv.Key + "=" + kv.Value
			}
		}
	}
	return id
}

// maxShards bounds N of -shard K/N.
const maxShards = 1 << 20

// canonicalArgs returns the order command's arguments that determine its
// output: the flags set, but -shard, -out and -workers, as -name=value in
// the order of their names, then the query.
func canonicalArgs(fs *flag.FlagSet) []string {
	var args []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "shard", "out", "workers":
			return
		}
		args = append(args, "-"+f.Name+"="+f.Value.String())
	})
	return append(args, fs.Args()...)
}

// writePart writes the part file of shard k of n to name (through a
// temporary file renamed when complete), or to w when name is "".
func writePart(w io.Writer, name string, p *partFile) error {
	p.Build = buildID()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // the query's & as it is
	if err := enc.Encode(p); err != nil {
		return err
	}
	b := buf.Bytes()
	if name == "" {
		_, err := w.Write(b)
		return err
	}
	af, err := createAtomic(name)
	if err != nil {
		return err
	}
	defer af.abort()
	if _, err := af.f.Write(b); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return af.commit()
}

// A mergeInput is the parts of one sharded experiment, checked: all N
// shards once each, with the same arguments and fingerprint.
type mergeInput struct {
	args        []string
	fingerprint string
	build       string      // the build of the first part
	warnings    []string    // builds that differ
	names       []string    // the files, by shard
	parts       []*partFile // by shard
}

// readParts reads and checks the part files names.
func readParts(names []string) (*mergeInput, error) {
	if len(names) == 0 {
		return nil, usageError{"merge: no part files (smf merge part*.json)"}
	}
	var in *mergeInput
	var first string
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var p partFile
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("%s: not a part file of smf order -shard: %v", name, err)
		}
		if p.Format != partFormat {
			return nil, fmt.Errorf("%s: not a part file of smf order -shard (format %q, want %q)", name, p.Format, partFormat)
		}
		if p.Version != partVersion {
			return nil, fmt.Errorf("%s: part file version %d; this smf reads version %d (shard and merge with the same smf)", name, p.Version, partVersion)
		}
		if p.Shards < 1 || p.Shards > maxShards || p.Shard < 0 || p.Shard >= p.Shards || len(p.Args) == 0 || p.Fingerprint == "" {
			return nil, fmt.Errorf("%s: malformed part file (shard %d of %d, %d arguments, fingerprint %q)", name, p.Shard, p.Shards, len(p.Args), p.Fingerprint)
		}
		if in == nil {
			in = &mergeInput{args: p.Args, fingerprint: p.Fingerprint, build: p.Build, names: make([]string, p.Shards), parts: make([]*partFile, p.Shards)}
			first = name
		}
		if p.Shards != len(in.parts) {
			return nil, fmt.Errorf("%s is shard %d/%d but %s is of %d shards", name, p.Shard, p.Shards, first, len(in.parts))
		}
		if strings.Join(p.Args, "\x00") != strings.Join(in.args, "\x00") {
			return nil, fmt.Errorf("%s and %s are shards of different experiments:\n  %s\n  %s", first, name, strings.Join(in.args, " "), strings.Join(p.Args, " "))
		}
		if p.Fingerprint != in.fingerprint {
			return nil, fmt.Errorf("%s and %s ran different configurations (fingerprints %s and %s: another data file or another smf?)", first, name, in.fingerprint, p.Fingerprint)
		}
		if p.Build != in.build {
			in.warnings = append(in.warnings, fmt.Sprintf("%s was written by smf %q, %s by %q: the numbers agree only where both compute alike", name, p.Build, first, in.build))
		}
		if prev := in.names[p.Shard]; prev != "" {
			return nil, fmt.Errorf("shard %d/%d given twice: %s and %s", p.Shard, p.Shards, prev, name)
		}
		in.names[p.Shard], in.parts[p.Shard] = name, &p
	}
	var missing []string
	for k, name := range in.names {
		if name == "" {
			missing = append(missing, strconv.Itoa(k))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("missing shard(s) %s of %d (shards count from 0)", strings.Join(missing, ", "), len(in.parts))
	}
	if b := buildID(); in.build != b {
		in.warnings = append(in.warnings, fmt.Sprintf("the parts were written by smf %q, this is %q: the numbers agree only where both compute alike", in.build, b))
	}
	return in, nil
}

// rates returns the slices of learning rate i of every shard, or an error
// for a part without it.
func (in *mergeInput) rate(i, rates int) ([]sim.OrderSlice, error) {
	var out []sim.OrderSlice
	for k, p := range in.parts {
		if len(p.Rates) != rates {
			return nil, fmt.Errorf("%s holds %d learning rates, want %d", in.names[k], len(p.Rates), rates)
		}
		for _, ps := range p.Rates[i] {
			v, err := fromPart(ps)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", in.names[k], err)
			}
			out = append(out, v)
		}
	}
	return out, nil
}

// mergeRun merges the parts into the experiment o (built from their
// arguments) and returns its weak points.
func (in *mergeInput) mergeRun(o *sim.OrderRun, rates int) ([]sim.WeakPoint, error) {
	if fp := o.Fingerprint(); fp != in.fingerprint {
		return nil, fmt.Errorf("the shards ran another configuration than %s builds here (fingerprints %s and %s: another data file or another smf?)", strings.Join(in.args, " "), in.fingerprint, fp)
	}
	for i := 0; !o.Done(); i++ {
		slices, err := in.rate(i, rates)
		if err != nil {
			return nil, err
		}
		if err := o.MergeRate(slices); err != nil {
			return nil, fmt.Errorf("merging %s: %w", strings.Join(in.names, ", "), err)
		}
	}
	return o.Points(), nil
}

// checkExact checks the parts of an exact experiment (-exact): they hold
// no values, and their fingerprint is fp, the one built here.
func (in *mergeInput) checkExact(fp string) error {
	if fp != in.fingerprint {
		return fmt.Errorf("the shards ran another configuration than %s builds here (fingerprints %s and %s: another data file or another smf?)", strings.Join(in.args, " "), in.fingerprint, fp)
	}
	for k, p := range in.parts {
		if len(p.Rates) != 0 {
			return fmt.Errorf("%s: an exact experiment's part holds %d learning rates of values, want none", in.names[k], len(p.Rates))
		}
	}
	return nil
}

// cmdMerge is smf merge PART...: it prints what the unsharded smf order
// with the parts' arguments prints.
func cmdMerge(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	in, err := readParts(fs.Args())
	if err != nil {
		return err
	}
	for _, w := range in.warnings {
		fmt.Fprintln(stderr, "smf: warning:", w)
	}
	return orderCommand(in.args, in, stdout, stderr)
}
