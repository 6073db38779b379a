package app

import (
	"fmt"
	"time"
)

// Stats are the page's performance statistics, averaged over the last
// window (about a second).
type Stats struct {
	// StepsPerSec is the number of simulation (SGD) steps per second of
	// wall time while playing: over the last window with play, or, until
	// the play since the last pause has been measured over a window, over
	// the play so far. Measured reports that it is a measurement of the
	// current play (false before a step has finished since play started).
	StepsPerSec float64
	Measured    bool
	// Speed is the requested number of steps per second.
	Speed float64
	// Behind is true when the requested speed could not be held.
	Behind bool
	// MsUpdate and MsDraw are the mean milliseconds per call of Update and
	// per painted Draw (Draw only records the commands; the GPU work is not
	// included).
	MsUpdate, MsDraw float64
	// MaxMsUpdate is the longest Update in milliseconds.
	MaxMsUpdate float64
	// MaxBlockMs is the longest gap between two Updates in milliseconds:
	// the longest block of the main thread (by the game, a JavaScript call
	// into it, or the browser), which Update alone does not see. It is
	// that of the last window, or of the window a long block ended.
	MaxBlockMs float64
	// LongestUpdateMs and LongestDrawMs are the longest Update and Draw
	// since the page loaded, in milliseconds: the longest piece of work
	// the budget could not cut (a substep of one replica is not cut).
	LongestUpdateMs, LongestDrawMs float64
	// PaintsPerSec is the number of frames per second that painted the
	// canvas (the others kept the last picture).
	PaintsPerSec float64
	// PaceMs is the minimum interval between paints that the Pacer asks
	// for (0: every frame may paint).
	PaceMs float64
	// MsFrame is the mean interval between frames over the Pacer's last
	// window (half a second).
	MsFrame float64
	// MsStep is the mean milliseconds per simulation step.
	MsStep float64
	// FPS and TPS are Ebiten's measured frames and ticks per second.
	FPS, TPS float64
	// Frames is the number of frames drawn since the page loaded.
	Frames int
	// FirstFrameMs is the wall time in milliseconds from the start of the
	// program to the end of the first Draw.
	FirstFrameMs float64
	// AllocsPerUpdate and AllocsPerDraw are the mean numbers of heap
	// allocations per call of Update and of Draw (0 in steady state).
	AllocsPerUpdate, AllocsPerDraw float64
	// Workers is the number of Web Workers stepping the replicas (0: one
	// thread), and WorkersNote says why there are none ("" when there are).
	Workers     int
	WorkersNote string
}

// Meter accumulates timings and publishes Stats once per window. It does not
// allocate.
type Meter struct {
	// Window is the averaging window (a second when zero).
	Window time.Duration

	start                time.Time
	steps                int
	stepTime             time.Duration
	updates, draws       int
	updateTime, drawTime time.Duration
	maxUpdate            time.Duration
	maxGap               time.Duration
	updateAllocs         uint64
	drawAllocs           uint64
	last                 Stats

	// The rate of steps while playing: the steps finished while playing
	// and the wall time spent playing since the last published rate. A
	// window without a finished step extends the measurement (up to
	// rateMax windows) instead of publishing 0.
	rateSteps  int
	ratePlay   time.Duration
	wasPlaying bool // the last Update was playing
	fresh      bool // a rate was published since play started
}

// rateMax is the longest measurement of the rate of steps, in windows.
const rateMax = 10

// Update records one call of Update that took d and ran steps simulation
// steps in stepTime; playing says whether the simulation was playing, dt is
// the wall time since the previous Update.
func (m *Meter) Update(now time.Time, d time.Duration, steps int, stepTime time.Duration, playing bool, dt time.Duration) {
	m.updates++
	m.updateTime += d
	m.maxUpdate = max(m.maxUpdate, d)
	m.last.LongestUpdateMs = max(m.last.LongestUpdateMs, d.Seconds()*1e3)
	m.steps += steps
	m.stepTime += stepTime
	if playing {
		if !m.wasPlaying {
			// Play (re)starts: the published rate is of an earlier play.
			m.fresh = false
			m.rateSteps, m.ratePlay = 0, 0
		}
		m.rateSteps += steps
		m.ratePlay += dt
	}
	m.wasPlaying = playing
	m.roll(now)
}

// Gap records the wall time gap between the previous Update and this one
// (a gap while the page was hidden is not recorded by the caller).
func (m *Meter) Gap(gap time.Duration) { m.maxGap = max(m.maxGap, gap) }

// Allocs records heap allocations made by one call of Update (draw false)
// or Draw (draw true).
func (m *Meter) Allocs(n uint64, draw bool) {
	if draw {
		m.drawAllocs += n
	} else {
		m.updateAllocs += n
	}
}

// Draw records one call of Draw that painted, in d.
func (m *Meter) Draw(d time.Duration) {
	m.draws++
	m.drawTime += d
	m.last.LongestDrawMs = max(m.last.LongestDrawMs, d.Seconds()*1e3)
	m.last.Frames++
}

// roll publishes the averages when the window is over.
func (m *Meter) roll(now time.Time) {
	w := m.Window
	if w <= 0 {
		w = time.Second
	}
	if m.start.IsZero() {
		m.start = now
		return
	}
	el := now.Sub(m.start)
	if el < w {
		return
	}
	s := &m.last
	// Publish the rate once play was measured over a quarter window with
	// a finished step (or over rateMax windows without one).
	if m.ratePlay >= w/4 && (m.rateSteps > 0 || m.ratePlay >= rateMax*w) {
		s.StepsPerSec = float64(m.rateSteps) / m.ratePlay.Seconds()
		m.fresh = true
		m.rateSteps, m.ratePlay = 0, 0
	}
	s.MsUpdate = ms(m.updateTime, m.updates)
	s.MaxMsUpdate = ms(m.maxUpdate, 1)
	s.MaxBlockMs = ms(m.maxGap, 1)
	m.maxGap = 0
	s.PaintsPerSec = float64(m.draws) / el.Seconds()
	s.MsDraw = ms(m.drawTime, m.draws)
	s.MsStep = ms(m.stepTime, m.steps)
	s.AllocsPerUpdate = per(m.updateAllocs, m.updates)
	s.AllocsPerDraw = per(m.drawAllocs, m.draws)
	m.updateAllocs, m.drawAllocs = 0, 0
	m.start = now
	m.steps, m.updates, m.draws = 0, 0, 0
	m.stepTime, m.updateTime, m.drawTime, m.maxUpdate = 0, 0, 0, 0
}

// Stats returns the last published averages. Until the rate of steps of
// the current play has been published, StepsPerSec is that of the play so
// far (Measured when a step finished in it).
func (m *Meter) Stats() Stats {
	s := m.last
	s.Measured = m.fresh
	if !m.fresh {
		s.StepsPerSec, s.Measured = 0, false
		if m.rateSteps > 0 && m.ratePlay > 0 {
			s.StepsPerSec, s.Measured = float64(m.rateSteps)/m.ratePlay.Seconds(), true
		}
	}
	return s
}

// Message returns the speed warning ("" when the speed is held): the
// measured steps per second of the requested, or only the requested speed
// before a step of the current play has finished.
func (s Stats) Message() string {
	switch {
	case !s.Behind:
		return ""
	case s.Measured:
		return fmt.Sprintf("can't hold the requested speed: %.4g of %.4g steps/s", s.StepsPerSec, s.Speed)
	}
	return fmt.Sprintf("can't hold the requested speed of %.4g steps/s", s.Speed)
}

// SetFirstFrame records the time to the first frame.
func (m *Meter) SetFirstFrame(d time.Duration) {
	if m.last.FirstFrameMs == 0 {
		m.last.FirstFrameMs = float64(d) / 1e6
	}
}

func ms(d time.Duration, n int) float64 {
	if n == 0 {
		return 0
	}
	return d.Seconds() * 1e3 / float64(n)
}

func per(n uint64, calls int) float64 {
	if calls == 0 {
		return 0
	}
	return float64(n) / float64(calls)
}
