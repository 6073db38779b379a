package main

import (
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
// and fits their order (the slope on log-log axes).
func cmdOrder(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("order", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	alphaList := fs.String("alphas", "0.25,0.125,0.0625,0.03125", "comma list of learning rates")
	obsName := fs.String("f", "sq", "observable: sq, z1, pair or risk")
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
	p := newProgress(stderr, 100)
	points, err := sim.WeakErrors(s.Config(), alphas, obs, c.workers, func(f float64) { p.update(int(100 * f)) })
	p.done()
	if err != nil {
		return err
	}
	writeOrder(stdout, obs, points)
	return nil
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
