//go:build js

// Command wasm is the browser entry point of smflow (GOOS=js GOARCH=wasm):
// it reads the page's query string, runs the app.Game with Ebiten and
// exposes a small JavaScript API as window.smflow:
//
//	state()          {query, scene, preset, t, T, tRun, loop, steps, totalSteps, done, progress,
//	                  playing, visible, error, methods: [{name, label, status,
//	                  divergedAt, divergedReps, reps}], warnings: [{key, value, message}]}
//	stats()          {stepsPerSec, speed, behind, message, msUpdate, maxMsUpdate, msDraw,
//	                  msStep, paintsPerSec, paceMs, msFrame, fps, tps, frames,
//	                  firstFrameMs, allocsPerUpdate, allocsPerDraw, workers, workersNote}
//	hash()           "method hash\n" per method and "steps n\n", as `smf hash` prints
//	set(query)       replace the whole query; returns the warnings
//	setParam(k, v)   set one parameter; returns the warnings
//	values()         {key: value as text} of every parameter
//	queryWith(k, v, ...) the canonical query with parameters changed (not applied)
//	schema()         the parameter schema as JSON text (param.JSON)
//	presets(scene)   [{key, name, caption, query}] (preset=key in the URL)
//	play(), pause(), toggle(), step(n), reset(), setVisible(bool)
//	seek(t)          go to time t (the nearest whole step): the page's time scrubber
//	exportCSV(kind)  CSV text of the state ("state", default) or the plotted series ("series")
//	exportPNG(s)     a Promise of the PNG bytes (Uint8Array), s times the
//	                 canvas's pixels (1 when omitted; 2 for slides)
//	repaint(k, kind) a Promise of {paints, allocs, allocsPerPaint} of the next k frames,
//	                 forced to paint the view (or, kind "bare", one rectangle: Ebitengine's
//	                 own allocations per paint)
//
// Every change of the values rewrites the URL with history.replaceState.
// When window.smflowReady is a function it is called once the API exists,
// window.smflowFirstFrame once the first frame is drawn, and
// window.smflowPainted after a frame that painted, at most four times a
// second (the page updates its text then).
package main

import (
	"fmt"
	"runtime/debug"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/app"
	"smflow/scene"
)

func main() {
	start := time.Now()
	mark("goMain")
	win := js.Global()
	g := app.New(win.Get("location").Get("search").String(), app.Options{
		NewView:  scene.New,
		OnChange: replaceURL,
		OnData: func(path string) {
			if f := js.Global().Get("smflowFetchData"); f.Type() == js.TypeFunction {
				f.Invoke(path)
			}
		},
		OnFirstUpdate: func() { mark("firstUpdate") },
		OnFirstFrame: func() {
			// The page starts with GOGC=400 (fewer collections while
			// starting); from now on the usual pace.
			debug.SetGCPercent(100)
			if f := js.Global().Get("smflowFirstFrame"); f.Type() == js.TypeFunction {
				f.Invoke()
			}
		},
		OnPaint: onPaint,
		Start:   start,
	})
	theGame = g
	replaceURL(g.Query())
	win.Set("smflow", newBridge(g))
	if f := win.Get("smflowReady"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
	mark("runGame")
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetWindowTitle("smflow")
	opts := &ebiten.RunGameOptions{
		// dpr=1 (or less) at load: render at CSS resolution.
		DisableHiDPI: g.Values().DPR > 0 && g.Values().DPR <= 1,
	}
	if err := ebiten.RunGameWithOptions(g, opts); err != nil {
		js.Global().Get("console").Call("error", fmt.Sprintf("smflow: %v", err))
	}
}

// mark records a start-up milestone in window.smflowTimes (ms since the
// navigation start), for the tests and the performance panel.
func mark(name string) {
	t := js.Global().Get("smflowTimes")
	if t.Type() != js.TypeObject {
		return
	}
	t.Set(name, js.Global().Get("performance").Call("now"))
}

// painted is window.smflowPainted once the page defined it.
var painted js.Value

// onPaint calls window.smflowPainted (without allocating once found).
func onPaint() {
	describeCanvas()
	if painted.Type() != js.TypeFunction {
		if f := js.Global().Get("smflowPainted"); f.Type() == js.TypeFunction {
			painted = f
		} else {
			return
		}
	}
	painted.Invoke()
}
