// Command benchtable runs the simulation step benchmarks of sim
// (BenchmarkStep, BenchmarkMathTanh) natively and as WebAssembly under Node
// in one run, takes the median of -count rounds of each, and prints a
// Markdown table with both sides: ns per step, and for the networks ns per
// (particle x datum x evaluation) (see netEvals in sim/bench_test.go), also
// in units of one math.Tanh call of the same platform. `make bench` runs
// it. The figures are reported, not asserted.
//
//	go run ./cmd/benchtable [-count 3] [-benchtime 1s]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	count := flag.Int("count", 3, "rounds per platform (medians are printed)")
	benchtime := flag.String("benchtime", "1s", "go test -benchtime")
	flag.Parse()
	native, err := run(nil, *count, *benchtime)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable: native:", err)
		os.Exit(1)
	}
	wasm, err := run([]string{"GOOS=js", "GOARCH=wasm"}, *count, *benchtime)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable: wasm:", err)
		os.Exit(1)
	}
	fmt.Print(table(native, wasm))
}

// results maps a benchmark's name (without the -GOMAXPROCS suffix) and a
// unit ("ns/op", "ns/(particle*datum*eval)", ...) to its values, one per
// round; names lists the names in the order they first ran.
type results struct {
	vals  map[string]map[string][]float64
	names []string
}

// run runs the benchmarks with the extra environment env and parses them.
func run(env []string, count int, benchtime string) (*results, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^Benchmark(Step|MathTanh)$",
		"-count", strconv.Itoa(count), "-benchtime", benchtime, "./sim/")
	cmd.Env = append(os.Environ(), env...)
	if len(env) > 0 {
		root, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			return nil, err
		}
		cmd.Env = append(cmd.Env, "PATH="+os.Getenv("PATH")+string(os.PathListSeparator)+
			filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm"))
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v\n%s", err, out)
	}
	return parse(out), nil
}

// parse reads go test -bench output: "BenchmarkX-2  N  v unit  v unit ...".
func parse(out []byte) *results {
	res := &results{vals: map[string]map[string][]float64{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		if res.vals[name] == nil {
			res.vals[name] = map[string][]float64{}
			res.names = append(res.names, name)
		}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				res.vals[name][f[i+1]] = append(res.vals[name][f[i+1]], v)
			}
		}
	}
	return res
}

// median returns the median of the values of name and unit, or 0.
func (r *results) median(name, unit string) float64 {
	v := slices.Clone(r.vals[name][unit])
	if len(v) == 0 {
		return 0
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// table formats the medians of both platforms.
func table(native, wasm *results) string {
	var names []string
	for _, name := range native.names {
		if strings.HasPrefix(name, "Step/") {
			names = append(names, name)
		}
	}
	tn, tw := native.median("MathTanh", "ns/op"), wasm.median("MathTanh", "ns/op")
	var b strings.Builder
	fmt.Fprintf(&b, "| method | problem, size | ns per step: native | WASM | ns per (particle x datum x evaluation): native | WASM | in math.Tanh calls: native | WASM | WASM / native |\n")
	fmt.Fprintf(&b, "|---|---|---|---|---|---|---|---|---|\n")
	for _, name := range names {
		parts := strings.Split(name, "/")
		if len(parts) != 3 {
			continue
		}
		n, w := native.median(name, "ns/op"), wasm.median(name, "ns/op")
		size := "64 points, N = 64"
		if parts[1] == "network" {
			size = "256 neurons, N = 64"
			if parts[2] != "sgd" {
				size = "256 particles, N = 64, k = 4"
			}
		}
		cells := []string{"-", "-", "-", "-"}
		if en, ew := native.median(name, "ns/(particle*datum*eval)"), wasm.median(name, "ns/(particle*datum*eval)"); en > 0 && ew > 0 {
			cells = []string{fmt.Sprintf("%.1f", en), fmt.Sprintf("%.1f", ew), units(en, tn), units(ew, tw)}
		}
		fmt.Fprintf(&b, "| %s | %s, %s | %s | %s | %s | %s | %s | %s | %.2f |\n",
			parts[2], parts[1], size, thousands(n), thousands(w), cells[0], cells[1], cells[2], cells[3], w/n)
	}
	fmt.Fprintf(&b, "\nOne math.Tanh call: %.2f ns native, %.2f ns WASM (Node). Medians of %d rounds.\n", tn, tw, len(native.vals["MathTanh"]["ns/op"]))
	return b.String()
}

// units returns ns in units of one tanh call t.
func units(ns, t float64) string {
	if t <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", ns/t)
}

// thousands formats v rounded to an integer with thousands separators.
func thousands(v float64) string {
	s := strconv.FormatInt(int64(v+0.5), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
