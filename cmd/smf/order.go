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

	"smflow/sim"
	"smflow/sim/stat"
)

// cmdOrder estimates weak errors against SGD over a list of learning rates
// and fits their order (the slope on log-log axes). With -exact it computes
// them exactly for the problems with exact expectations (sim.HasExact)
// instead of by Monte Carlo; with -csv it prints one CSV row
// per method and learning rate:
//
//	method,alpha,value,sgd,error,se                    (Monte Carlo)
//	method,alpha,value,sgd,error,scheme,scheme_error   (-exact)
//
// value is E f(Z_T) of the method, sgd is E f(z_T) of SGD after T/alpha
// steps and error = value - sgd. Under Monte Carlo value is the mean of the
// method's ensemble (its integrator) and se the standard error of error;
// with -exact value belongs to the continuous model itself, scheme is
// E f under its integrator (the configuration's k and scheme) and
// scheme_error = scheme - value is the integrator's share of the error.
func cmdOrder(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("order", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	alphaList := fs.String("alphas", "0.25,0.125,0.0625,0.03125", "comma list of learning rates")
	obsName := fs.String("f", "sq", "observable: sq, z1, pair or risk")
	exact := fs.Bool("exact", false, "exact expectations instead of Monte Carlo (problems "+exactProblems()+")")
	asCSV := fs.Bool("csv", false, "print CSV rows method,alpha,value,sgd,error,... instead of a table")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
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
	obs, err := sim.ObservableByName(*obsName)
	if err != nil {
		return err
	}
	s, err := c.build(fs, stderr)
	if err != nil {
		return err
	}
	if *exact {
		cfg := s.Config()
		if !sim.HasExact(cfg.Problem) {
			return fmt.Errorf("problem %s has no exact expectations; use Monte Carlo (drop -exact)", cfg.Problem.Name)
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
	p := newProgress(stderr, 100)
	points, err := sim.WeakErrors(s.Config(), alphas, obs, c.workers, func(f float64) { p.update(int(100 * f)) })
	p.done()
	if err != nil {
		return err
	}
	if *asCSV {
		for _, pt := range points {
			if pt.Diverged {
				fmt.Fprintf(stderr, "smf: warning: %s or SGD diverged at alpha = %g\n", pt.Method, pt.Alpha)
			}
		}
		return writeWeakCSV(stdout, points)
	}
	writeOrder(stdout, obs, points)
	return nil
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
// method,alpha,value,sgd,error,se, grouped by method.
func writeWeakCSV(w io.Writer, points []sim.WeakPoint) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"method", "alpha", "value", "sgd", "error", "se"})
	for _, i := range byMethod(len(points), func(i int) sim.Method { return points[i].Method }) {
		p := points[i]
		cw.Write([]string{p.Method.String(), csvFloat(p.Alpha), csvFloat(p.Value.Mean), csvFloat(p.SGD.Mean), csvFloat(p.Err.Mean), csvFloat(p.Err.SE)})
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

// writeOrder prints the weak errors and the fitted slopes.
func writeOrder(w io.Writer, obs sim.Observable, points []sim.WeakPoint) {
	fmt.Fprintf(w, "weak error E f(Z_T) - E f(z_T) against SGD, f = %s (%s)\n", obs.Name, obs.Doc)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "alpha\tmethod\terror\tse\tSGD side\t")
	byMethod := map[sim.Method][]sim.WeakPoint{}
	var order []sim.Method
	for _, p := range points {
		side := "ensemble"
		if p.Exact {
			side = "exact"
		}
		if p.Diverged {
			side += ", diverged"
		}
		fmt.Fprintf(tw, "%g\t%s\t%.3e\t%.1e\t%s\t\n", p.Alpha, p.Method, p.Err.Mean, p.Err.SE, side)
		if _, ok := byMethod[p.Method]; !ok {
			order = append(order, p.Method)
		}
		byMethod[p.Method] = append(byMethod[p.Method], p)
	}
	tw.Flush()
	sort.SliceStable(order, func(i, j int) bool { return order[i] < order[j] })
	for _, m := range order {
		var a, e, se []float64
		unresolved := 0
		for _, p := range byMethod[m] {
			if p.Diverged || p.Err.Mean == 0 {
				continue
			}
			if math.Abs(p.Err.Mean) < 2*p.Err.SE {
				unresolved++
			}
			a = append(a, p.Alpha)
			e = append(e, math.Abs(p.Err.Mean))
			se = append(se, p.Err.SE)
		}
		if allZero(se) {
			se = nil
		}
		fit, err := stat.FitLogLog(a, e, se)
		if err != nil {
			fmt.Fprintf(w, "order %-6s: no fit (%v)\n", m, err)
			continue
		}
		note := ""
		if unresolved > 0 {
			note = fmt.Sprintf("  (%d error(s) within 2 standard errors of 0: more replicas needed)", unresolved)
		}
		fmt.Fprintf(w, "order %-6s: slope %.2f ± %.2f%s\n", m, fit.Slope, fit.SlopeSE, note)
	}
}

func allZero(x []float64) bool {
	for _, v := range x {
		if v != 0 {
			return false
		}
	}
	return true
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
