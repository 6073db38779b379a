//go:build js

package app

import (
	"math"
	"runtime"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/scene"
	"smflow/sim"
	"smflow/sim/param"
)

// Options configure a Game.
type Options struct {
	// NewView returns the View of a scene (scene.New when nil).
	NewView func(scene string) View
	// OnChange, if not nil, is called with the canonical query after every
	// change of the values (to update the page's URL).
	OnChange func(query string)
	// OnData, if not nil, is called with the path of the key data when the
	// values wait for that CSV file: the page fetches it and hands its text
	// to SetData (or its failure to DataFailed).
	OnData func(path string)
	// OnFirstUpdate, if not nil, is called once at the first Update.
	OnFirstUpdate func()
	// OnFirstFrame, if not nil, is called once after the first Draw.
	OnFirstFrame func()
	// OnPaint, if not nil, is called after a Draw that painted, at most
	// four times a second: the page updates its own text in the same frame,
	// so that the browser composites the page once for both.
	OnPaint func()
	// Start is the time the program started (for the first-frame time).
	Start time.Time
}

// A Game is the ebiten.Game of the page: the host of one scene. It holds a
// View, which draws, and a Task, the work it advances within the budget of
// each frame (see Task); it knows no scene in particular. Its methods other
// than Update, Draw and LayoutF are called from JavaScript callbacks; on
// GOOS=js those run only while the game loop waits for the next frame, so
// they never interleave with Update or Draw.
type Game struct {
	opt Options

	values   param.Values
	query    string
	warnings []param.Warning
	cfg      sim.Config
	sim      *sim.Sim
	view     View
	task     Task // the work on sim and view (nil when sim is)
	scene    string

	playing bool
	visible bool
	dirty   bool // the picture changed since the last Draw
	ffTo    int  // fast-forward to this step (start time) before playing
	loop    Looper

	workersNote string // why the task uses no Web Worker (Stats)

	runner    *Runner
	ticks     TickRate // the measured Updates per second, for runner.Tick
	pacer     Pacer
	meter     Meter
	frameUsed time.Duration // simulation time spent since the last Draw
	last      time.Time     // time of the last Update
	budget    *Budget       // the runner's and the pacer's, for task.Advance
	workFn    Work          // g.work, bound once
	relayout  bool          // the canvas changed size: paint even mid-step
	notified  time.Time     // last call of OnPaint

	outW, outH float64 // outside size in CSS pixels
	scale      float64 // device pixels per CSS pixel used by LayoutF
	drawn      bool

	mem runtime.MemStats // read around Update and Draw to count allocations

	pngReqs []pngReq
	waits   []waiter  // operations waiting for a whole state (async.go)
	csv     *csvBuild // the state CSV being built over frames (export_build.go)
	run     runOp     // the run of steps towards ffTo set by a step (progress.go)
	opSince time.Time // when the long operation shown began (progress.go)
	// wasVisible: the canvas was visible at the last Update (a gap since
	// then counts as a block of the main thread: Meter.Gap).
	wasVisible bool
	rp         repaint // paints forced by Repaint
	err        string  // set when no simulation could be built at all

	files     map[string]dataFile // CSV files fetched for the key data
	pending   *pendingData        // a change waiting for its file
	local     *sim.Data           // data from a local file (file input, drop)
	localName string
	source    string // where the data shown come from (DataSource)

	in pointer // the input layer's state (input.go)
}

// New returns a Game showing the scene that query describes (see
// param.Resolve).
func New(query string, opt Options) *Game {
	if opt.NewView == nil {
		opt.NewView = scene.New
	}
	if opt.Start.IsZero() {
		opt.Start = time.Now()
	}
	g := &Game{opt: opt, runner: NewRunner(), visible: true, scale: 1, files: map[string]dataFile{}}
	g.budget = newBudget(g.runner, &g.pacer)
	g.workFn = g.work
	g.Set(query)
	g.playing = g.values.Autoplay
	return g
}

// work is the Runner's Work: the task's Advance in the budget. The picture
// changed when a unit of work finished.
func (g *Game) work(max int) (int, bool) {
	n, more := g.task.Advance(max, g.budget)
	if n > 0 {
		g.dirty = true
	}
	return n, more
}

// Update advances the task within the budget: it runs steps to ffTo (the
// start time, a seek, a step of many units), a sweep's step button's
// stage, completes a step partly done (paused, or for an operation waiting
// for a whole state: async.go), and while playing and visible advances a
// sweep as fast as the budget allows and the simulation at the requested
// speed (steps per second). Then it serves the operations waiting for the
// state reached. Nothing runs in the first Update.
func (g *Game) Update() error {
	a0 := g.allocCount()
	now := time.Now()
	first := g.last.IsZero()
	if first && g.opt.OnFirstUpdate != nil {
		g.opt.OnFirstUpdate()
	}
	// The wall time since the last Update counts as played (Meter): slow
	// frames too, but not a gap of a second or more (the loop stopped, as
	// in a hidden tab).
	dt := now.Sub(g.last)
	if !first {
		g.ticks.Observe(dt)
	}
	if first || dt >= time.Second {
		dt = 0
	}
	if !first && g.visible && g.wasVisible {
		g.meter.Gap(now.Sub(g.last))
	}
	g.wasVisible = g.visible
	g.last = now
	if len(g.pngReqs) > 0 {
		g.servePNG()
	}
	g.readPointer()
	steps := 0
	var spent time.Duration
	playing := false
	if !g.visible && g.sim != nil && !first && !g.whole() && len(g.waits) > 0 {
		// An operation waits for a whole step: complete it, visible or not.
		steps, _, spent = g.runner.Run(g.runner.Budget-g.frameUsed, 1, g.workFn)
	}
	if g.csv != nil {
		// An export is being built: the state holds still meanwhile.
		t0 := time.Now()
		g.buildCSV(g.runner.Budget - g.frameUsed)
		spent = time.Since(t0)
	} else if g.visible && g.sim != nil && !first {
		// (Nothing runs in the first Update, before the first picture,
		// which so shows a whole step without completing one at once.)
		left := g.runner.Budget - g.frameUsed
		switch {
		case g.ffActive():
			steps, _, spent = g.runner.Run(left, g.ffTo-g.sim.Steps(), g.workFn)
		case !g.playing && g.stepping():
			// The step button's stage of a sweep, within the budget.
			steps, _, spent = g.runner.Run(left, math.MaxInt32, g.workFn)
		case !g.whole() && (!g.playing || len(g.waits) > 0):
			// Complete a step partly done within the budget: paused, or
			// for an operation waiting for a whole state (async.go).
			steps, _, spent = g.runner.Run(left, 1, g.workFn)
		case g.playing && g.more() && !g.stepped():
			// A sweep runs as fast as the budget allows (the speed does
			// not throttle it).
			playing = true
			steps, _, spent = g.runner.Run(left, math.MaxInt32, g.workFn)
			if !g.more() {
				g.playing = false
			}
		case g.playing && g.more():
			playing = true
			steps, spent = g.runner.Tick(g.values.Speed, g.ticks.PerSecond(float64(ebiten.TPS())), g.frameUsed, g.workFn)
			if !g.more() && !g.loops() {
				g.playing = false
			}
		case g.playing && g.loops():
			// The run ended: hold its end, then restart it.
			if g.loop.Due(now, true) {
				g.Reset()
			}
		}
	}
	g.serveWaits()
	g.progress(now) // times the long operation on, if any
	g.frameUsed += spent
	g.meter.Update(now, time.Since(now), steps, spent, playing, dt)
	g.meter.Allocs(g.allocCount()-a0, false)
	return nil
}

// allocCount returns the number of heap allocations so far. It reads
// runtime.MemStats, which counts every allocation at once (runtime/metrics
// counts small objects only when their span is handed back, in bursts); a
// read costs about 40 us in Chromium.
func (g *Game) allocCount() uint64 {
	runtime.ReadMemStats(&g.mem)
	return g.mem.Mallocs
}

// Draw paints the view when the picture changed, no unit of the task is
// partly done and the pacer lets it; the screen is not cleared between frames
// (ebiten.SetScreenClearedEveryFrame(false)), so a frame that paints
// nothing keeps the last picture and costs nothing. A new canvas size is
// painted as soon as the state is whole (a unit partly done is completed
// by Update within the budget, never at once here).
func (g *Game) Draw(screen *ebiten.Image) {
	g.frameUsed = 0
	if g.rp.left > 0 {
		g.drawRepaint(screen)
		return
	}
	t0 := time.Now()
	// A new canvas size is painted as soon as the state is whole (a step
	// partly done is not completed at once).
	must := (!g.drawn || g.relayout) && g.whole()
	if !must && (!g.visible || !g.dirty || g.task != nil && g.task.Partial() || !g.pacer.Ready(t0)) {
		g.pacer.Frame(t0, false)
		return
	}
	g.settle()
	g.relayout = false
	g.pacer.Frame(t0, true)
	a0 := g.allocCount()
	screen.Clear()
	if g.sim != nil {
		g.view.Draw(screen, g.sim, g.scale)
	}
	g.dirty = false
	g.meter.Draw(time.Since(t0))
	g.meter.Allocs(g.allocCount()-a0, true)
	if g.opt.OnPaint != nil && t0.Sub(g.notified) >= 250*time.Millisecond {
		g.notified = t0
		g.opt.OnPaint()
	}
	if !g.drawn {
		g.drawn = true
		g.meter.SetFirstFrame(time.Since(g.opt.Start))
		if g.opt.OnFirstFrame != nil {
			g.opt.OnFirstFrame()
		}
	}
}

// Layout is not used (LayoutF is).
func (g *Game) Layout(w, h int) (int, int) { return w, h }

// LayoutF returns the screen size in device pixels: the outside size times
// the dpr parameter, or the device scale factor when dpr is 0.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	s := g.values.DPR
	if s <= 0 {
		s = ebiten.Monitor().DeviceScaleFactor()
	}
	if s != g.scale || w != g.outW || h != g.outH {
		g.scale, g.outW, g.outH = s, w, h
		g.dirty, g.relayout = true, true
	}
	return math.Ceil(w * s), math.Ceil(h * s)
}
