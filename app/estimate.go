package app

import (
	"fmt"
	"math"

	"smflow/sim"
	"smflow/sim/param"
)

// PageEvalsPerSec is the work the page does in a second of wall time, in
// particle-data evaluations (StepWork's unit), with its budget of half a
// frame: measured here (Chromium, 2 cores shared) at about 3-4 x 10^7 per
// second of computing for the mean-field methods, half of it per second of
// wall time. An estimate for warnings, not a promise.
const PageEvalsPerSec = 2e7

// fewSeconds is the work the warnings allow an operation: what the page
// does in about this many seconds.
const fewSeconds = 5

// StepWork estimates the work of one step of s in particle-data
// evaluations: the sum over its tracks of
//
//	reps x N x D x (1 for SGD, K x max(nData, 1) for a continuous model)
//
// (an SGD step touches one datum; a substep of h = alpha/K of a
// continuous-time model evaluates the full gradient and the noise of every
// datum).
func StepWork(s *sim.Sim) float64 {
	nData := float64(max(s.Model().NumData(), 1))
	k := float64(max(s.Config().K, 1))
	w := 0.0
	for _, tr := range s.Tracks() {
		c := float64(tr.Reps) * float64(tr.N) * float64(tr.D)
		if tr.Method != sim.SGD {
			c *= k * nData
		}
		w += c
	}
	return w
}

// WorkWarnings returns the warnings of work beyond what the page does in a
// few seconds (PageEvalsPerSec): a fast-forward to the start time of
// ffSteps steps, and a single step (which the page shows whole, so at most
// one picture per step). A sweep (stepped false) has none here: its
// progress shows.
func WorkWarnings(s *sim.Sim, ffSteps int, stepped bool) []param.Warning {
	if s == nil || !stepped {
		return nil
	}
	per := StepWork(s) / PageEvalsPerSec // seconds per step in the page
	var ws []param.Warning
	if ff := per * float64(ffSteps); ff > fewSeconds {
		ws = append(ws, param.Warning{Key: "start", Message: fmt.Sprintf(
			"reaching the start time takes %d steps, about %s of work in this page (a progress bar with Cancel shows it)",
			ffSteps, duration(ff))})
	}
	if per > fewSeconds/2.0 {
		ws = append(ws, param.Warning{Key: "n", Message: fmt.Sprintf(
			"one step of this configuration is about %s of work in this page: the picture changes once a step", duration(per))})
	}
	return ws
}

// duration formats an estimate of s seconds: "40 s", "12 min", "5 hours".
func duration(s float64) string {
	switch {
	case s < 90:
		return fmt.Sprintf("%.0f s", math.Ceil(s))
	case s < 90*60:
		return fmt.Sprintf("%.0f min", s/60)
	}
	return fmt.Sprintf("%.0f hours", s/3600)
}
