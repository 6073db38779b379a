// Command benchtable runs the simulation step benchmarks of sim
// (BenchmarkStep, BenchmarkMathTanh) natively and as WebAssembly under Node
// in one run and prints a Markdown table with both sides: ns per step, and
// for the networks ns per (particle x datum x evaluation) (netEvals in
// sim/bench_test.go), also in units of one math.Tanh call of the same
// platform. `make bench` runs it. The figures are reported, not asserted.
//
// The time of a benchmark is the CPU time of its process (user + system,
// threads included), not the wall time, so that other work on a shared
// machine does not count: each benchmark runs in its own process once with
// n iterations and once with 2n, and
//
//	ns/op = (cpu(2n) - cpu(n)) / n,
//
// which cancels the start-up and the compilation, n chosen for about
// -target of CPU time. Both run on one thread (GOMAXPROCS=1 natively, as
// WebAssembly does): the Go scheduler's idle threads would count otherwise. Rounds interleave the platforms and
// benchmarks; the table shows the median of -count rounds.
//
//	go run ./cmd/benchtable [-count 3] [-target 400ms]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// benchRegexp selects the benchmarks of the table.
const benchRegexp = "^Benchmark(Step|MathTanh)$"

func main() {
	count := flag.Int("count", 3, "rounds (medians are printed)")
	target := flag.Duration("target", 400*time.Millisecond, "CPU time of one measured run")
	flag.Parse()
	if err := run(*count, *target); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

// platform is a compiled test binary of sim and how to run it.
type platform struct {
	name string
	argv []string
}

// bench is one benchmark on one platform: its CPU ns per op in every round
// and the ratio of its per-element metric to its ns/op (time-free).
type bench struct {
	ns      []float64
	perEval float64 // ns/(particle*datum*eval) divided by ns/op, or 0
}

func run(count int, target time.Duration) error {
	dir, err := os.MkdirTemp("", "benchtable")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	root, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return err
	}
	plats := []platform{
		{"native", []string{filepath.Join(dir, "sim.test")}},
		{"wasm", []string{filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", "go_js_wasm_exec"), filepath.Join(dir, "sim.wasm")}},
	}
	for i, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command("go", "test", "-c", "-o", plats[i].argv[len(plats[i].argv)-1], "./sim/")
		cmd.Env = append(os.Environ(), env...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building %s: %v", plats[i].name, err)
		}
	}
	// The benchmarks' names, one iteration each.
	out, _, err := runBench(plats[0], benchRegexp, 1)
	if err != nil {
		return err
	}
	var names []string
	for name := range parse(out) {
		names = append(names, name)
	}
	names = order(out, names)
	res := map[string]map[string]*bench{}
	for _, p := range plats {
		res[p.name] = map[string]*bench{}
		for _, name := range names {
			res[p.name][name] = &bench{}
		}
	}
	// Iterations per run: from a first timed run.
	iters := map[string]map[string]int{}
	for _, p := range plats {
		iters[p.name] = map[string]int{}
		for _, name := range names {
			n, err := calibrate(p, name, target)
			if err != nil {
				return err
			}
			iters[p.name][name] = n
		}
	}
	for r := 0; r < count; r++ {
		for _, name := range names {
			for _, p := range plats {
				n := iters[p.name][name]
				_, c1, err := runBench(p, exact(name), n)
				if err != nil {
					return err
				}
				out, c2, err := runBench(p, exact(name), 2*n)
				if err != nil {
					return err
				}
				b := res[p.name][name]
				b.ns = append(b.ns, float64(c2-c1)/float64(n))
				if m := parse(out)[name]; m["ns/op"] > 0 && m["ns/(particle*datum*eval)"] > 0 {
					b.perEval = m["ns/(particle*datum*eval)"] / m["ns/op"]
				}
			}
		}
	}
	fmt.Print(table(names, res["native"], res["wasm"], count))
	return nil
}

// calibrate returns the iterations of name on p that take about target of
// CPU time beyond the start-up: it grows a run tenfold until it takes
// target/4 more than one iteration.
func calibrate(p platform, name string, target time.Duration) (int, error) {
	_, c1, err := runBench(p, exact(name), 1)
	if err != nil {
		return 0, err
	}
	for n := 11; ; n = 10*(n-1) + 1 {
		_, c, err := runBench(p, exact(name), n)
		if err != nil {
			return 0, err
		}
		if d := c - c1; d >= target/4 {
			return max(int(float64(target)/(float64(d)/float64(n-1))), 2), nil
		}
	}
}

// exact returns the -test.bench pattern that selects exactly the benchmark
// name ("Step/network/mfode": one pattern per level).
func exact(name string) string {
	parts := strings.Split(name, "/")
	for i, s := range parts {
		parts[i] = "^" + s + "$"
	}
	parts[0] = "^Benchmark" + strings.TrimPrefix(parts[0], "^")
	return strings.Join(parts, "/")
}

// runBench runs the benchmarks matching pattern with n iterations each and
// returns their output and the process's CPU time (user + system).
func runBench(p platform, pattern string, n int) ([]byte, time.Duration, error) {
	args := append(slices.Clone(p.argv[1:]), "-test.run", "^$", "-test.bench", pattern, "-test.benchtime", strconv.Itoa(n)+"x")
	cmd := exec.Command(p.argv[0], args...)
	cmd.Dir = "sim"
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, 0, fmt.Errorf("%s %s: %v\n%s", p.name, pattern, err, out)
	}
	return out, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}

// parse reads go test -bench output ("BenchmarkX-2  N  v unit  v unit ...")
// into the values per benchmark name (without the -GOMAXPROCS suffix) and
// unit.
func parse(out []byte) map[string]map[string]float64 {
	res := map[string]map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := trimProcs(strings.TrimPrefix(f[0], "Benchmark"))
		res[name] = map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				res[name][f[i+1]] = v
			}
		}
	}
	return res
}

// trimProcs removes a -GOMAXPROCS suffix.
func trimProcs(name string) string {
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			return name[:i]
		}
	}
	return name
}

// order sorts names in the order they appear in out.
func order(out []byte, names []string) []string {
	pos := func(n string) int { return bytes.Index(out, []byte("Benchmark"+n)) }
	slices.SortFunc(names, func(a, b string) int { return pos(a) - pos(b) })
	return names
}

// median returns the median of v (NaN for none).
func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// table formats the medians of both platforms.
func table(names []string, native, wasm map[string]*bench, count int) string {
	tn, tw := median(native["MathTanh"].ns), median(wasm["MathTanh"].ns)
	var b strings.Builder
	fmt.Fprintf(&b, "| method | problem, size | ns per step: native | WASM | ns per (particle x datum x evaluation): native | WASM | in math.Tanh calls: native | WASM | WASM / native |\n")
	fmt.Fprintf(&b, "|---|---|---|---|---|---|---|---|---|\n")
	for _, name := range names {
		parts := strings.Split(name, "/")
		if len(parts) != 3 || parts[0] != "Step" {
			continue
		}
		n, w := median(native[name].ns), median(wasm[name].ns)
		size := "64 points, N = 64"
		if parts[1] == "network" {
			size = "256 neurons, N = 64"
			if parts[2] != "sgd" {
				size = "256 particles, N = 64, k = 4"
			}
		}
		cells := []string{"-", "-", "-", "-"}
		if f := native[name].perEval; f > 0 {
			en, ew := n*f, w*f
			cells = []string{fmt.Sprintf("%.1f", en), fmt.Sprintf("%.1f", ew), fmt.Sprintf("%.2f", en/tn), fmt.Sprintf("%.2f", ew/tw)}
		}
		fmt.Fprintf(&b, "| %s | %s, %s | %s | %s | %s | %s | %s | %s | %.2f |\n",
			parts[2], parts[1], size, thousands(n), thousands(w), cells[0], cells[1], cells[2], cells[3], w/n)
	}
	fmt.Fprintf(&b, "\nOne math.Tanh call: %.2f ns native, %.2f ns WASM (Node). CPU time per op, medians of %d rounds.\n", tn, tw, count)
	return b.String()
}

// thousands formats v rounded to an integer with thousands separators.
func thousands(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
