//go:build js

// Package app is the Ebiten game that hosts a scene in the browser: it holds
// the parameter values, the simulation and the scene's View, advances the
// simulation inside Update at the requested speed within a time budget per
// frame, and offers what the page needs (play, pause, step, reset, set a new
// query, state, statistics, hash, PNG and CSV export).
//
// The files that import Ebiten build only for GOOS=js (a native build of
// Ebiten needs cgo and X11 headers); the rest (Runner, Meter, the CSV
// writers and the query helpers) is plain Go and tested natively.
package app

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"reflect"
	"runtime"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/preset"
	"smflow/scene"
	"smflow/sim"
	"smflow/sim/param"
)

// Options configure a Game.
type Options struct {
	// NewView returns the View of a scene (scene.New when nil).
	NewView func(scene string) View
	// Presets lists the presets of a scene (preset.For when nil).
	Presets preset.Lister
	// ConfigFrom turns parameter values into a simulation configuration
	// (sim.ConfigFrom); its warnings are shown with the parse warnings.
	ConfigFrom func(param.Values) (sim.Config, []param.Warning)
	// OnChange, if not nil, is called with the canonical query after every
	// change of the values (to update the page's URL).
	OnChange func(query string)
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

// A Game is the ebiten.Game of the page. Its methods other than Update,
// Draw and LayoutF are called from JavaScript callbacks; on GOOS=js those
// run only while the game loop waits for the next frame, so they never
// interleave with Update or Draw.
type Game struct {
	opt Options

	values   param.Values
	query    string
	warnings []param.Warning
	cfg      sim.Config
	sim      *sim.Sim
	view     View
	scene    string

	playing bool
	visible bool
	dirty   bool // the picture changed since the last Draw
	ffTo    int  // fast-forward to this step (start time) before playing

	runner    *Runner
	pacer     Pacer
	meter     Meter
	frameUsed time.Duration // simulation time spent since the last Draw
	last      time.Time     // time of the last Update
	workFn    Work          // g.work, bound once
	stopFn    func() bool   // g.runner.Stop, bound once
	relayout  bool          // the canvas changed size: paint even mid-step
	notified  time.Time     // last call of OnPaint

	outW, outH float64 // outside size in CSS pixels
	scale      float64 // device pixels per CSS pixel used by LayoutF
	drawn      bool

	mem runtime.MemStats // read around Update and Draw to count allocations

	pngReqs []func([]byte, error)
	rp      repaint // paints forced by Repaint
	err     string  // set when no simulation could be built at all
}

// New returns a Game showing the scene that query describes (see
// preset.Resolve).
func New(query string, opt Options) *Game {
	if opt.NewView == nil {
		opt.NewView = scene.New
	}
	if opt.Presets == nil {
		opt.Presets = preset.For
	}
	if opt.Start.IsZero() {
		opt.Start = time.Now()
	}
	g := &Game{opt: opt, runner: NewRunner(), visible: true, scale: 1}
	g.workFn = g.work
	g.stopFn = g.runner.Stop
	g.Set(query)
	g.playing = g.values.Autoplay
	return g
}

// Set replaces the values by those of query (see preset.Resolve), rebuilds the
// simulation if its configuration changed, and returns the warnings.
func (g *Game) Set(query string) []param.Warning {
	v, warns := preset.Resolve(query, g.opt.Presets)
	g.apply(v, warns, false)
	return g.warnings
}

// SetParam sets one parameter (key=value, value unescaped) on top of the
// current values. Setting the scene starts from that scene's defaults;
// setting the preset starts from the preset.
func (g *Game) SetParam(key, value string) []param.Warning {
	var q string
	switch key {
	case "scene":
		q = preset.With("", "scene", value)
	case "preset":
		q = preset.With(preset.With("", "scene", g.values.Scene), "preset", value)
		if value == "" {
			q = preset.Canonical(g.withoutPreset(), g.opt.Presets)
		}
	default:
		q = preset.With(g.query, key, value)
	}
	return g.Set(q)
}

func (g *Game) withoutPreset() param.Values {
	v := g.values
	v.Preset = ""
	return v
}

// apply installs new values: a new simulation when its configuration
// changed (or always when rebuild is set).
func (g *Game) apply(v param.Values, warns []param.Warning, rebuild bool) {
	cfg, cw := g.configFrom(v)
	warns = append(warns, cw...)
	if rebuild || g.sim == nil || v.Scene != g.scene || !reflect.DeepEqual(cfg, g.cfg) {
		var err error
		v, cfg, err = g.build(v, cfg)
		if err != nil {
			warns = append(warns, param.Warning{Message: err.Error()})
		}
	} else if v.Speed != g.values.Speed {
		g.runner.Reset()
	}
	g.values = v
	g.warnings = warns
	g.query = preset.Canonical(v, g.opt.Presets)
	if g.view != nil {
		caption := ""
		if p, ok := preset.Find(g.Presets(v.Scene), v.Preset); ok && v.Preset != "" {
			caption = p.Caption
		}
		scene.SetCaption(g.view, caption)
	}
	g.dirty = true
	if g.opt.OnChange != nil {
		g.opt.OnChange(g.query)
	}
}

func (g *Game) configFrom(v param.Values) (sim.Config, []param.Warning) {
	if g.opt.ConfigFrom == nil {
		return sim.Config{}, []param.Warning{{Message: "no configuration builder"}}
	}
	return g.opt.ConfigFrom(v)
}

// build makes the simulation of cfg. When that fails it falls back to the
// defaults of v's scene, then of the default scene, and returns the values
// used and an error that says what happened.
func (g *Game) build(v param.Values, cfg sim.Config) (param.Values, sim.Config, error) {
	s, err := sim.New(cfg)
	var report error
	if err != nil {
		report = fmt.Errorf("cannot build the simulation (%v); showing the defaults of scene %s", err, v.Scene)
		view := v
		v = param.Defaults(v.Scene)
		v.Speed, v.Autoplay, v.Embed, v.DPR, v.Hide = view.Speed, view.Autoplay, view.Embed, view.DPR, view.Hide
		cfg, _ = g.configFrom(v)
		s, err = sim.New(cfg)
		if err != nil {
			g.sim, g.err = nil, "cannot build the simulation: "+err.Error()
			return v, cfg, fmt.Errorf("%s", g.err)
		}
	}
	g.err = ""
	g.sim, g.cfg = s, cfg
	if g.view == nil || v.Scene != g.scene {
		g.view = g.opt.NewView(v.Scene)
		g.scene = v.Scene
	}
	g.view.Reset(s)
	g.runner.Reset()
	g.ffTo = 0
	if v.Start > 0 {
		g.ffTo = min(int(math.Round(v.Start/cfg.Alpha)), s.TotalSteps())
	}
	return v, cfg, report
}

// Reset rebuilds the simulation from the same values: the same numbers as
// after loading the page's URL.
func (g *Game) Reset() {
	g.apply(g.values, g.warnings, true)
}

// Play starts playing (from the start again when the run is over).
func (g *Game) Play() {
	if g.sim != nil && g.sim.Done() {
		g.Reset()
	}
	g.playing = true
	g.runner.Reset()
}

// Pause stops playing, completing a step partly done: the paused picture
// and state are those of a whole step.
func (g *Game) Pause() {
	g.playing = false
	g.settle()
}

// Toggle plays or pauses.
func (g *Game) Toggle() {
	if g.playing {
		g.Pause()
	} else {
		g.Play()
	}
}

// Step pauses and advances the simulation by n steps (at most to T); a
// step partly done counts as one.
func (g *Game) Step(n int) {
	g.playing = false
	for i := 0; i < n && g.more(); i++ {
		g.step()
	}
}

// settle completes a step partly done, so that the state is read whole.
func (g *Game) settle() {
	if g.sim != nil && g.sim.Partial() {
		g.step()
	}
}

// SetVisible tells the game whether its canvas is on screen; while it is
// not, the simulation does not advance and nothing is drawn.
func (g *Game) SetVisible(v bool) {
	if v && !g.visible {
		g.runner.Reset()
		g.dirty = true
	}
	g.visible = v
}

// step takes one whole step of the simulation (completing a step partly
// done), or one piece of the view's own computation for a view that is a
// scene.Worker (the order scene).
func (g *Game) step() {
	g.dirty = true
	if w, ok := g.view.(scene.Worker); ok {
		w.Work()
		return
	}
	g.sim.Step()
	g.view.Observe(g.sim)
}

// work is the Runner's Work: it takes up to max steps in parts
// (sim.Sim.StepPart) until the runner's budget is used up. Once it has
// finished a step, and the pacer lets the coming frame paint, it starts no
// step that would not be complete by then: the views draw the simulation's
// state, which must not be caught halfway through a step (Draw does not
// paint a step partly done).
func (g *Game) work(max int) (int, bool) {
	if w, ok := g.view.(scene.Worker); ok {
		n := 0
		for n < max && w.Busy() && !g.runner.Stop() {
			w.Work()
			g.dirty = true
			n++
		}
		return n, w.Busy()
	}
	s := g.sim
	n := 0
	for n < max && !s.Done() && !g.runner.Out() {
		if n > 0 && !g.runner.Fits() && g.pacer.Ready(time.Now()) { // one clock read when the step fits
			break
		}
		if !s.StepPart(g.stopFn) {
			break
		}
		n++
		g.view.Observe(s)
		g.dirty = true
	}
	return n, !s.Done()
}

func (g *Game) more() bool {
	if w, ok := g.view.(scene.Worker); ok {
		return g.sim != nil && w.Busy()
	}
	return g.sim != nil && !g.sim.Done()
}

// Update advances the simulation: first to the start time, then, while
// playing and visible, at the requested speed within the budget.
func (g *Game) Update() error {
	a0 := g.allocCount()
	now := time.Now()
	if g.last.IsZero() && g.opt.OnFirstUpdate != nil {
		g.opt.OnFirstUpdate()
	}
	dt := now.Sub(g.last)
	if g.last.IsZero() || dt > 100*time.Millisecond {
		dt = 0
	}
	g.last = now
	if len(g.pngReqs) > 0 {
		g.servePNG()
	}
	steps := 0
	var spent time.Duration
	playing := false
	if g.visible && g.sim != nil {
		switch {
		case g.sim.Steps() < g.ffTo:
			steps, _, spent = g.runner.Run(g.runner.Budget-g.frameUsed, g.ffTo-g.sim.Steps(), g.workFn)
		case g.playing && g.more():
			playing = true
			steps, spent = g.runner.Tick(g.values.Speed, float64(ebiten.TPS()), g.frameUsed, g.workFn)
			if !g.more() {
				g.playing = false
			}
		}
	}
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

// Draw paints the view when the picture changed, a whole step is there to
// draw and the pacer lets it; the screen is not cleared between frames
// (ebiten.SetScreenClearedEveryFrame(false)), so a frame that paints
// nothing keeps the last picture and costs nothing. A new canvas size is
// painted at once (completing a step partly done).
func (g *Game) Draw(screen *ebiten.Image) {
	g.frameUsed = 0
	if g.rp.left > 0 {
		g.drawRepaint(screen)
		return
	}
	t0 := time.Now()
	must := !g.drawn || g.relayout
	if !must && (!g.visible || !g.dirty || g.sim != nil && g.sim.Partial() || !g.pacer.Ready(t0)) {
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

// RequestPNG asks for a PNG of the view at the current canvas size; done is
// called from the next Update with the encoded image.
func (g *Game) RequestPNG(done func([]byte, error)) {
	g.pngReqs = append(g.pngReqs, done)
}

// servePNG draws the view into an offscreen image, reads its pixels and
// encodes them (the WebGL canvas does not keep its buffer, so the canvas
// itself cannot be read reliably).
func (g *Game) servePNG() {
	g.settle()
	reqs := g.pngReqs
	g.pngReqs = nil
	var out []byte
	var err error
	w, h := int(math.Ceil(g.outW*g.scale)), int(math.Ceil(g.outH*g.scale))
	switch {
	case g.sim == nil:
		err = fmt.Errorf("no simulation to draw")
	case w <= 0 || h <= 0:
		err = fmt.Errorf("the canvas has no size yet")
	default:
		img := ebiten.NewImage(w, h)
		g.view.Draw(img, g.sim, g.scale)
		pix := make([]byte, 4*w*h)
		img.ReadPixels(pix)
		img.Deallocate()
		// ReadPixels gives premultiplied alpha, as image.RGBA holds.
		rgba := &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
		var buf bytes.Buffer
		if err = png.Encode(&buf, rgba); err == nil {
			out = buf.Bytes()
		}
	}
	for _, done := range reqs {
		done(out, err)
	}
}

// MethodState is the state of one method for the page.
type MethodState struct {
	Name, Label  string
	Diverged     bool
	DivergedAt   float64
	DivergedReps int
	Reps         int
}

// State is what the page shows and the tests read.
type State struct {
	Query      string
	Scene      string
	Preset     string
	T          float64 // current time
	TEnd       float64 // final time
	Steps      int
	TotalSteps int
	Done       bool
	// Progress is the fraction of the scene's work done: steps of
	// TotalSteps, or of the order scene's sweep.
	Progress float64
	Playing  bool
	Visible  bool
	Error    string
	Methods  []MethodState
	Warnings []param.Warning
}

// State returns the current state.
func (g *Game) State() State {
	st := State{
		Query: g.query, Scene: g.values.Scene, Preset: g.values.Preset,
		TEnd: g.values.T, Playing: g.playing, Visible: g.visible,
		Error: g.err, Warnings: g.warnings,
	}
	if s := g.sim; s != nil {
		st.T, st.Steps, st.TotalSteps, st.Done = s.Time(), s.Steps(), s.TotalSteps(), s.Done()
		st.Progress = 1
		if s.TotalSteps() > 0 {
			st.Progress = float64(s.Steps()) / float64(s.TotalSteps())
		}
		if w, ok := g.view.(scene.Worker); ok {
			st.Progress = w.Progress()
		}
		for i, tr := range s.Tracks() {
			ss := s.Status(i)
			st.Methods = append(st.Methods, MethodState{
				Name: tr.Method.String(), Label: tr.Method.Label(),
				Diverged: ss.Diverged, DivergedAt: ss.At, DivergedReps: ss.Reps, Reps: tr.Reps,
			})
		}
	}
	return st
}

// Stats returns the performance statistics.
func (g *Game) Stats() Stats {
	s := g.meter.Stats()
	s.Speed = g.values.Speed
	s.Behind = g.runner.Behind() && g.playing
	s.FPS, s.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	s.PaceMs = g.pacer.Interval().Seconds() * 1e3
	s.MsFrame = g.pacer.MeanFrame().Seconds() * 1e3
	return s
}

// Hash returns sim.HashReport: one line "method hash" per track and a line
// "steps n", as `smf hash` prints. A step partly done is completed first.
func (g *Game) Hash() string {
	if g.sim == nil {
		return ""
	}
	g.settle()
	return sim.HashReport(g.sim)
}

// StateCSV returns the state of every track as CSV (AppendStateCSV),
// completing a step partly done first.
func (g *Game) StateCSV() []byte {
	if g.sim == nil {
		return nil
	}
	g.settle()
	return AppendStateCSV(nil, g.sim)
}

// SeriesCSV returns the view's plotted series as CSV (AppendSeriesCSV).
func (g *Game) SeriesCSV() []byte {
	if g.view == nil {
		return nil
	}
	return AppendSeriesCSV(nil, g.view.Series())
}

// QueryWith returns the canonical query of the current values with one
// parameter changed (value unescaped), without applying it: for links such
// as the embed snippet (embed=1) or the full app (embed=0).
func (g *Game) QueryWith(key, value string) string {
	v, _ := preset.Resolve(preset.With(g.query, key, value), g.opt.Presets)
	return preset.Canonical(v, g.opt.Presets)
}

// Values returns the current values.
func (g *Game) Values() param.Values { return g.values }

// Query returns the canonical query string of the current values.
func (g *Game) Query() string { return g.query }

// Presets returns the presets of a scene.
func (g *Game) Presets(sceneKey string) []preset.Preset {
	if g.opt.Presets == nil {
		return nil
	}
	return g.opt.Presets(sceneKey)
}
