package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"smflow/catalog"
	"smflow/sim"
	"smflow/sim/param"
	"smflow/sim/stat"
)

// cmdOrder estimates weak errors against SGD over a list of learning rates
// and fits their order (the slope on log-log axes). With -exact it computes
// them exactly for the problems with exact expectations (sim.HasExact)
// instead of by Monte Carlo; with -csv it prints one CSV row
// per method and learning rate:
//
//	method,alpha,value,sgd,error,se,resolved           (Monte Carlo)
//	method,alpha,value,sgd,error,scheme,scheme_error   (-exact)
//
// value is E f(Z_T) of the method, sgd is E f(z_T) of SGD after T/alpha
// steps and error = value - sgd. Under Monte Carlo value is the mean of the
// method's ensemble (its integrator), se the standard error of error and
// resolved 1 when |error| >= 2 se (and nothing diverged), else 0; the
// fitted slopes use the resolved points only. With -exact value belongs to
// the continuous model itself, scheme is E f under its integrator (the
// configuration's k and scheme) and scheme_error = scheme - value is the
// integrator's share of the error.
//
// The Monte Carlo reduces its variance (sim.MCOptions, MATH.md section 7):
// SGD's side exact where it can be, antithetic Brownian increments, the
// control variates of the linearised noise and more replicas of SGD than
// of the continuous models; -plain, -antithetic=false, -control=false and
// -sgdreps change that. A network (problem=network; methods mfode and ddsmf
// against mean-field SGD) runs with M = n: the flow particles of the MF ODE
// and the DD-SMF are the network's own initial neurons. Without a scene in
// the query, problem=network takes the scene fluct.
//
// With -shard K/N it runs only the K-th (0 <= K < N) of N disjoint slices of
// the replicas and writes their values to the part file -out (merge.go);
// smf merge prints from the N parts what the unsharded run prints.
func cmdOrder(args []string, stdout, stderr io.Writer) error {
	return orderCommand(args, nil, stdout, stderr)
}

// orderCommand is smf order with args; with parts (smf merge) it merges
// their values instead of running the replicas.
func orderCommand(args []string, parts *mergeInput, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("order", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	alphaList := fs.String("alphas", "0.25,0.125,0.0625,0.03125", "comma list of learning rates")
	obsName := fs.String("f", "sq", "observable: sq, z1, pair or risk")
	exact := fs.Bool("exact", false, "exact expectations instead of Monte Carlo (problems "+exactProblems()+")")
	asCSV := fs.Bool("csv", false, "print CSV rows method,alpha,value,sgd,error,... instead of a table")
	plain := fs.Bool("plain", false, "plain Monte Carlo, without any variance reduction (for comparison)")
	anti := fs.Bool("antithetic", true, "antithetic Brownian increments (replica pairs W and -W) for the continuous models")
	control := fs.Bool("control", true, "control variates of the linearised noise (its linear and quadratic response)")
	sgdReps := fs.Int("sgdreps", 0, fmt.Sprintf("replicas of SGD's ensemble where its side is not exact (0: %d x reps)", sim.SGDRepsFactor))
	shard := fs.String("shard", "", "run only shard K/N (0 <= K < N) of the replicas and write their values to -out, for smf merge")
	out := fs.String("out", "", "with -shard: the part file to write (default standard output)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	sharded := *shard != ""
	var shardK, shardN int
	if sharded {
		var err error
		if shardK, shardN, err = parseShard(*shard); err != nil {
			return err
		}
	} else if *out != "" {
		return fmt.Errorf("-out names the part file of a shard; it needs -shard K/N")
	}
	if parts != nil && (sharded || *out != "") {
		return fmt.Errorf("merge: the parts' arguments hold -shard or -out")
	}
	canon := canonicalArgs(fs)
	var alphas []float64
	for _, f := range strings.Split(*alphaList, ",") {
		a, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || !(a > 0) || math.IsInf(a, 0) || a > 2 {
			return fmt.Errorf("-alphas: %q is not a learning rate in (0, 2]", f)
		}
		alphas = append(alphas, a)
	}
	if len(alphas) < 2 {
		return fmt.Errorf("-alphas: need at least two learning rates to fit an order")
	}
	if *sgdReps < 0 || *sgdReps > maxReps() {
		return fmt.Errorf("-sgdreps %d must be between 0 and %d (the limit of reps)", *sgdReps, maxReps())
	}
	obs, err := sim.ObservableByName(*obsName)
	if err != nil {
		return err
	}
	networkScene(fs)
	s, err := c.build(fs, stderr)
	if err != nil {
		return err
	}
	if *exact {
		cfg := s.Config()
		if !sim.HasExact(cfg.Problem) {
			return fmt.Errorf("problem %s has no exact expectations; use Monte Carlo (drop -exact)", cfg.Problem.Name)
		}
		if sharded || parts != nil {
			// Exact expectations have no replicas to share out: a part
			// holds the arguments only and the merge computes them.
			fo, err := sim.NewOrderRunMC(cfg, alphas, obs, sim.MCOptions{Plain: true})
			if err != nil {
				return err
			}
			if sharded {
				return writePart(stdout, *out, &partFile{Format: partFormat, Version: partVersion, Args: canon, Fingerprint: fo.Fingerprint(), Shard: shardK, Shards: shardN})
			}
			if err := parts.checkExact(fo.Fingerprint()); err != nil {
				return err
			}
		}
		points, err := sim.ExactWeakErrors(cfg, alphas, obs)
		if err != nil {
			return err
		}
		if *asCSV {
			return writeExactCSV(stdout, points)
		}
		writeExactOrder(stdout, obs, cfg, points)
		return nil
	}
	opts := sim.MCOptions{Plain: *plain, NoAntithetic: !*anti, NoControl: !*control, SGDReps: *sgdReps}
	run, err := sim.NewOrderRunMC(s.Config(), alphas, obs, opts)
	if err != nil {
		return err
	}
	if sharded {
		pf := &partFile{Format: partFormat, Version: partVersion, Args: canon, Fingerprint: run.Fingerprint(), Shard: shardK, Shards: shardN}
		p := newProgress(stderr, 100)
		for i := 0; !run.Done(); i++ {
			slices, err := run.RunShard(shardK, shardN, c.workers, func(f float64) { p.update(int(100 * f)) })
			if err != nil {
				p.done()
				return err
			}
			pf.Rates = append(pf.Rates, nil)
			for _, v := range slices {
				pf.Rates[i] = append(pf.Rates[i], toPart(v))
			}
		}
		p.done()
		return writePart(stdout, *out, pf)
	}
	var points []sim.WeakPoint
	if parts != nil {
		points, err = parts.mergeRun(run, len(alphas))
	} else {
		p := newProgress(stderr, 100)
		points, err = runOrder(run, c.workers, func(f float64) { p.update(int(100 * f)) })
		p.done()
	}
	if err != nil {
		return err
	}
	if *asCSV {
		for _, pt := range points {
			if pt.Diverged {
				fmt.Fprintf(stderr, "smf: warning: %s or SGD diverged at alpha = %g\n", pt.Method, pt.Alpha)
			}
		}
		if note := networkNote(s, run); note != "" {
			fmt.Fprintln(stderr, "smf:", note)
		}
		return writeWeakCSV(stdout, points)
	}
	writeOrder(stdout, obs, s, run, points)
	return nil
}

// runOrder runs the experiment to its end on workers goroutines.
func runOrder(o *sim.OrderRun, workers int, progress func(float64)) ([]sim.WeakPoint, error) {
	for !o.Done() {
		if err := o.RunRate(workers, progress); err != nil {
			return nil, err
		}
	}
	return o.Points(), nil
}

// networkScene sets the flag -scene to the order scene when the query (or
// the flag -problem) asks for a network problem and neither names a scene
// (the default scene shows point problems only; the order scene takes
// both).
func networkScene(fs *flag.FlagSet) {
	if fs.NArg() != 1 {
		return
	}
	query := fs.Arg(0)
	if i := strings.IndexByte(query, '?'); i >= 0 {
		query = query[i+1:]
	}
	q := param.SplitQuery(query)
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	problem, _ := q.Get("problem")
	if set["problem"] {
		problem = fs.Lookup("problem").Value.String()
	}
	if _, ok := q.Get("scene"); ok || set["scene"] {
		return
	}
	if p, err := sim.LookupProblem(problem); err == nil && p.Network {
		fs.Set("scene", catalog.Order)
	}
}

// networkNote returns the line that says how a network's experiment starts
// (M = n, the same initial neurons), or "" for a point problem.
func networkNote(s *sim.Sim, o *sim.OrderRun) string {
	cfg := s.Config()
	if p, err := sim.LookupProblem(cfg.Problem.Name); err != nil || !p.Network {
		return ""
	}
	start, _ := s.Start()
	n := len(start) / s.Model().Dim()
	note := fmt.Sprintf("network: M = n = %d: mean-field SGD, the MF ODE and the DD-SMF start from the same %d neurons, so the W2(mu_0, mu_0^n) term of the bound is zero", n, n)
	if cfg.NFlow != 0 && cfg.NFlow != n && len(cfg.Points) == 0 {
		note += fmt.Sprintf(" (M = %d of the query replaced by n)", cfg.NFlow)
	}
	return note
}

// csvFloat formats v for CSV, with all the digits of a float64.
func csvFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// byMethod returns the indices of n points ordered by method (in the order
// of the methods) and, within a method, as they come.
func byMethod(n int, method func(i int) sim.Method) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return method(idx[a]) < method(idx[b]) })
	return idx
}

// writeWeakCSV prints the Monte Carlo weak errors as CSV rows
// method,alpha,value,sgd,error,se,resolved, grouped by method.
func writeWeakCSV(w io.Writer, points []sim.WeakPoint) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"method", "alpha", "value", "sgd", "error", "se", "resolved"})
	for _, i := range byMethod(len(points), func(i int) sim.Method { return points[i].Method }) {
		p := points[i]
		res := "0"
		if p.Resolved {
			res = "1"
		}
		cw.Write([]string{p.Method.String(), csvFloat(p.Alpha), csvFloat(p.Value.Mean), csvFloat(p.SGD.Mean), csvFloat(p.Err.Mean), csvFloat(p.Err.SE), res})
	}
	cw.Flush()
	return cw.Error()
}

// writeExactCSV prints the exact weak errors as CSV rows
// method,alpha,value,sgd,error,scheme,scheme_error, grouped by method.
func writeExactCSV(w io.Writer, points []sim.ExactPoint) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"method", "alpha", "value", "sgd", "error", "scheme", "scheme_error"})
	for _, i := range byMethod(len(points), func(i int) sim.Method { return points[i].Method }) {
		p := points[i]
		cw.Write([]string{p.Method.String(), csvFloat(p.Alpha), csvFloat(p.Value), csvFloat(p.SGD), csvFloat(p.Error), csvFloat(p.Scheme), csvFloat(p.Scheme - p.Value)})
	}
	cw.Flush()
	return cw.Error()
}

// writeExactOrder prints the exact weak errors with their local slopes
// log(e(a')/e(a)) / log(a'/a) between consecutive learning rates a' and a of
// the list, and the slope fitted to all of them.
func writeExactOrder(w io.Writer, obs sim.Observable, cfg sim.Config, points []sim.ExactPoint) {
	fmt.Fprintf(w, "exact weak error E f(Z_T) - E f(z_T) against SGD, f = %s (%s), T = %g\n", obs.Name, obs.Doc, cfg.T)
	fmt.Fprintf(w, "scheme: E f under the integrator (%s, k = %d); scheme - value is its share of the error\n", cfg.Scheme, cfg.K)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "method\talpha\tvalue\tSGD\terror\tlocal slope\tscheme - value\t")
	idx := byMethod(len(points), func(i int) sim.Method { return points[i].Method })
	for n, i := range idx {
		p := points[i]
		slope := ""
		if n > 0 {
			if q := points[idx[n-1]]; q.Method == p.Method {
				slope = fmt.Sprintf("%.3f", math.Log(math.Abs(q.Error/p.Error))/math.Log(q.Alpha/p.Alpha))
			}
		}
		fmt.Fprintf(tw, "%s\t%g\t%.10g\t%.10g\t%.4e\t%s\t%.2e\t\n", p.Method, p.Alpha, p.Value, p.SGD, p.Error, slope, p.Scheme-p.Value)
	}
	tw.Flush()
	for n := 0; n < len(idx); {
		m := points[idx[n]].Method
		var a, e []float64
		for ; n < len(idx) && points[idx[n]].Method == m; n++ {
			if p := points[idx[n]]; p.Error != 0 && !math.IsNaN(p.Error) && !math.IsInf(p.Error, 0) {
				a = append(a, p.Alpha)
				e = append(e, math.Abs(p.Error))
			}
		}
		fit, err := stat.FitLogLog(a, e, nil)
		if err != nil {
			fmt.Fprintf(w, "order %-6s: no fit (%v)\n", m, err)
			continue
		}
		fmt.Fprintf(w, "order %-6s: fitted slope %.3f\n", m, fit.Slope)
	}
}

// writeOrder prints the weak errors, how each side was estimated, whether
// each is resolved, and the slopes fitted to the resolved points.
func writeOrder(w io.Writer, obs sim.Observable, s *sim.Sim, o *sim.OrderRun, points []sim.WeakPoint) {
	cfg := o.Config()
	fmt.Fprintf(w, "weak error E f(Z_T) - E f(z_T) against SGD, f = %s (%s), T = %g, k = %d\n", obs.Name, obs.Doc, cfg.T, cfg.K)
	if note := networkNote(s, o); note != "" {
		fmt.Fprintln(w, note)
	}
	fmt.Fprintf(w, "Monte Carlo: %s\n", mcSummary(o, points))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "alpha\tmethod\terror\tse\tmethod side\tSGD side\tresolved\t")
	var order []sim.Method
	seen := map[sim.Method]bool{}
	for _, p := range points {
		side := p.SGDBy.String()
		if p.Diverged {
			side += ", diverged"
		}
		res := "yes"
		if !p.Resolved {
			res = "no"
		}
		fmt.Fprintf(tw, "%g\t%s\t%.3e\t%.1e\t%s\t%s\t%s\t\n", p.Alpha, p.Method, p.Err.Mean, p.Err.SE, p.ValueBy, side, res)
		if !seen[p.Method] {
			seen[p.Method] = true
			order = append(order, p.Method)
		}
	}
	tw.Flush()
	sort.SliceStable(order, func(i, j int) bool { return order[i] < order[j] })
	for _, m := range order {
		fit, used, left, err := sim.FitWeakOrder(points, m)
		note := ""
		if left > 0 {
			note = fmt.Sprintf("  (%d point(s) unresolved or diverged, left out: |error| < 2 se needs more replicas)", left)
		}
		if err != nil {
			fmt.Fprintf(w, "order %-6s: no fit on %d resolved point(s)%s\n", m, used, note)
			continue
		}
		fmt.Fprintf(w, "order %-6s: slope %.2f ± %.2g from %d resolved points%s\n", m, fit.Slope, fit.SlopeSE, used, note)
	}
}

// mcSummary says how many replicas ran and which variance reductions were
// on.
func mcSummary(o *sim.OrderRun, points []sim.WeakPoint) string {
	cfg, opts := o.Config(), o.Options()
	var parts []string
	parts = append(parts, fmt.Sprintf("%d replicas of each noisy continuous model", cfg.Reps))
	if cfg.Antithetic {
		parts[0] += " (antithetic pairs)"
	}
	sgdExact, sgdRuns := false, false
	for _, p := range points {
		sgdExact = sgdExact || p.Exact
		sgdRuns = sgdRuns || !p.Exact
	}
	if sgdRuns {
		parts = append(parts, fmt.Sprintf("%d of SGD", o.SGDReps()))
	}
	if sgdExact {
		parts = append(parts, "SGD's side exact")
	}
	if opts.Plain {
		parts = append(parts, "no variance reduction (-plain)")
	} else if !opts.NoControl {
		parts = append(parts, "control variates of the linearised noise")
	}
	return strings.Join(parts, ", ")
}

// exactProblems names the problems with exact expectations, e.g. "a, b and c".
func exactProblems() string {
	var names []string
	for _, p := range sim.Problems() {
		if p.Exact {
			names = append(names, p.Name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
