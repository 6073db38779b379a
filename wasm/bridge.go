//go:build js

package main

import (
	"fmt"
	"math"
	"syscall/js"

	"smflow/app"
	"smflow/render/plot"
	"smflow/scene"
	"smflow/sim"
	"smflow/sim/param"
)

// replaceURL writes the canonical query into the address bar with
// history.replaceState, keeping the path (so a sub-path keeps working) and
// the fragment.
func replaceURL(query string) {
	loc := js.Global().Get("location")
	u := loc.Get("pathname").String()
	if query != "" {
		u += "?" + query
	}
	u += loc.Get("hash").String()
	defer func() {
		// replaceState can throw (e.g. in a sandboxed frame): ignore it.
		recover()
	}()
	js.Global().Get("history").Call("replaceState", js.Null(), "", u)
}

// newBridge returns the window.smflow object.
func newBridge(g *app.Game) js.Value {
	obj := js.Global().Get("Object").New()
	fn := func(name string, f func(args []js.Value) any) {
		obj.Set(name, js.FuncOf(func(this js.Value, args []js.Value) (out any) {
			defer func() {
				if r := recover(); r != nil {
					js.Global().Get("console").Call("error", fmt.Sprintf("smflow.%s: %v", name, r))
					out = nil
				}
			}()
			return f(args)
		}))
	}
	arg := func(args []js.Value, i int) js.Value {
		if i < len(args) {
			return args[i]
		}
		return js.Undefined()
	}
	str := func(v js.Value) string {
		if v.Type() == js.TypeString {
			return v.String()
		}
		if v.IsUndefined() || v.IsNull() {
			return ""
		}
		return js.Global().Get("String").Invoke(v).String()
	}

	fn("state", func([]js.Value) any { return stateJS(g.State()) })
	fn("describe", func([]js.Value) any { return describeJS(g) })
	fn("stats", func([]js.Value) any { return statsJS(g.Stats()) })
	// hash, pause, step and exportCSV return Promises resolved from a
	// coming Update once the state they read is reached: a step partly
	// done is completed within the budget of the coming frames, never at
	// once (app/async.go).
	fn("hash", func([]js.Value) any {
		return promise(func(resolve func(any)) { g.HashAsync(func(h string) { resolve(h) }) })
	})
	fn("set", func(args []js.Value) any { return warningsJS(g.Set(str(arg(args, 0)))) })
	fn("setParam", func(args []js.Value) any {
		return warningsJS(g.SetParam(str(arg(args, 0)), str(arg(args, 1))))
	})
	// Data: the page fetches the file of the key data (dataWanted, or when
	// Go calls window.smflowFetchData) and hands its text to setData, or
	// its failure to dataFailed; a local file (file input, drop) goes to
	// setData under its own name.
	fn("setData", func(args []js.Value) any {
		return warningsJS(g.SetData(str(arg(args, 0)), str(arg(args, 1))))
	})
	fn("dataFailed", func(args []js.Value) any {
		return warningsJS(g.DataFailed(str(arg(args, 0)), str(arg(args, 1))))
	})
	fn("clearData", func([]js.Value) any { return warningsJS(g.ClearLocalData()) })
	fn("dataWanted", func([]js.Value) any { return g.DataWanted() })
	fn("dataSource", func([]js.Value) any {
		local, inline := g.LocalData()
		return map[string]any{"source": g.DataSource(), "local": local, "inline": inline}
	})
	fn("queryWith", func(args []js.Value) any {
		kv := make([]string, len(args))
		for i, a := range args {
			kv[i] = str(a)
		}
		return g.QueryWith(kv...)
	})
	fn("values", func([]js.Value) any {
		m := map[string]any{}
		for k, v := range param.Texts(g.Values()) {
			m[k] = v
		}
		return m
	})
	schema := string(param.JSON())
	fn("schema", func([]js.Value) any { return schema })
	fn("presets", func(args []js.Value) any {
		scene := str(arg(args, 0))
		if scene == "" {
			scene = g.Values().Scene
		}
		var out []any
		for _, p := range g.Presets(scene) {
			out = append(out, map[string]any{"key": p.Key, "name": p.Name, "caption": p.Caption, "query": p.Query})
		}
		return out
	})
	colors := map[string]any{}
	for _, m := range sim.AllMethods() {
		c := plot.MethodColor(m)
		colors[m.String()] = fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	}
	fn("colors", func([]js.Value) any { return colors })
	fn("play", func([]js.Value) any { g.Play(); return nil })
	fn("pause", func([]js.Value) any {
		return promise(func(resolve func(any)) { g.PauseAsync(func() { resolve(nil) }) })
	})
	fn("cancel", func([]js.Value) any { g.Cancel(); return nil })
	fn("toggle", func([]js.Value) any { g.Toggle(); return nil })
	fn("reset", func([]js.Value) any { g.Reset(); return nil })
	fn("step", func(args []js.Value) any {
		n := 1
		if a := arg(args, 0); a.Type() == js.TypeNumber {
			n = max(1, min(a.Int(), 1_000_000))
		}
		return promise(func(resolve func(any)) { g.StepAsync(n, func() { resolve(nil) }) })
	})
	fn("repaint", func(args []js.Value) any {
		k := 1
		if a := arg(args, 0); a.Type() == js.TypeNumber {
			k = a.Int()
		}
		return repaintJS(g, k, str(arg(args, 1)) == "bare")
	})
	fn("seek", func(args []js.Value) any {
		if a := arg(args, 0); a.Type() == js.TypeNumber {
			g.Seek(a.Float())
		}
		return nil
	})
	fn("setVisible", func(args []js.Value) any { g.SetVisible(arg(args, 0).Truthy()); return nil })
	fn("exportCSV", func(args []js.Value) any {
		series := str(arg(args, 0)) == "series"
		return promiseErr(func(resolve func(any), reject func(error)) {
			if series {
				resolve(string(g.SeriesCSV()))
				return
			}
			g.StateCSVAsync(func(b []byte, err error) {
				if err != nil {
					reject(err)
					return
				}
				// (The copy into a JavaScript string is one piece.)
				resolve(string(b))
			})
		})
	})
	fn("exportPNG", func(args []js.Value) any {
		scale := 1.0 // exportPNG(2): twice the canvas's pixels
		if a := arg(args, 0); a.Type() == js.TypeNumber {
			scale = a.Float()
		}
		var exec js.Func
		exec = js.FuncOf(func(this js.Value, args []js.Value) any {
			resolve, reject := args[0], args[1]
			g.RequestPNG(scale, func(b []byte, err error) {
				if err != nil {
					reject.Invoke(js.Global().Get("Error").New(err.Error()))
					return
				}
				arr := js.Global().Get("Uint8Array").New(len(b))
				js.CopyBytesToJS(arr, b)
				resolve.Invoke(arr)
			})
			return nil
		})
		p := js.Global().Get("Promise").New(exec)
		exec.Release()
		return p
	})
	return obj
}

// promise returns a Promise that start resolves, now or from a coming
// Update.
func promise(start func(resolve func(any))) js.Value {
	return promiseErr(func(resolve func(any), _ func(error)) { start(resolve) })
}

// promiseErr returns a Promise that start resolves or rejects (with an
// Error of the message), now or from a coming Update.
func promiseErr(start func(resolve func(any), reject func(error))) js.Value {
	var exec js.Func
	exec = js.FuncOf(func(this js.Value, args []js.Value) any {
		res, rej := args[0], args[1]
		start(func(v any) { res.Invoke(v) }, func(err error) {
			rej.Invoke(js.Global().Get("Error").New(err.Error()))
		})
		return nil
	})
	p := js.Global().Get("Promise").New(exec)
	exec.Release()
	return p
}

// repaintJS returns a Promise of {paints, allocs, allocsPerPaint} of the
// next k paints forced by app.Game.Repaint.
func repaintJS(g *app.Game, k int, bare bool) js.Value {
	var exec js.Func
	exec = js.FuncOf(func(this js.Value, args []js.Value) any {
		resolve, reject := args[0], args[1]
		err := g.Repaint(k, bare, func(r app.RepaintResult) {
			resolve.Invoke(map[string]any{
				"paints": r.Paints, "allocs": float64(r.Allocs),
				"allocsPerPaint": float64(r.Allocs) / float64(r.Paints),
			})
		})
		if err != nil {
			reject.Invoke(js.Global().Get("Error").New(err.Error()))
		}
		return nil
	})
	p := js.Global().Get("Promise").New(exec)
	exec.Release()
	return p
}

func stateJS(s app.State) any {
	ms := make([]any, len(s.Methods))
	for i, m := range s.Methods {
		status := "ok"
		at := js.Null()
		if m.Diverged {
			status = "diverged"
			at = js.ValueOf(m.DivergedAt)
		}
		ms[i] = map[string]any{
			"name": m.Name, "label": m.Label, "status": status,
			"divergedAt": at, "divergedReps": m.DivergedReps, "reps": m.Reps,
		}
	}
	out := map[string]any{
		"query": s.Query, "scene": s.Scene, "preset": s.Preset,
		"t": s.T, "T": s.TEnd, "tRun": s.TRun, "loop": s.Loop, "steps": s.Steps, "totalSteps": s.TotalSteps,
		"done": s.Done, "progress": s.Progress, "playing": s.Playing, "stepping": s.Stepping, "visible": s.Visible, "error": s.Error,
		"methods": ms, "warnings": warningsJS(s.Warnings),
	}
	out["operation"] = js.Null()
	if p := s.Op; p != nil {
		out["operation"] = map[string]any{"what": p.What, "done": p.Done, "total": p.Total, "fraction": p.Fraction}
	}
	if s.Order != nil {
		out["order"] = orderJS(s.Order)
	}
	out["hover"] = hoverJS(s.Hover)
	return out
}

// hoverJS returns the pointer's state: {panel, x, y, values: [{label,
// value}], panels: [{title, x, y, w, h, x0, x1, y0, y1, zoom, edit,
// points}], down}: the readout under the pointer (panel "" and x, y null
// when none), the panels the pointer acts on, in CSS pixels with their
// data windows, and whether a button or finger is down.
func hoverJS(h app.HoverState) any {
	out := map[string]any{"panel": "", "x": js.Null(), "y": js.Null(), "values": []any{}}
	if r := h.Readout; r != nil {
		vs := make([]any, len(r.Values))
		for i, v := range r.Values {
			vs[i] = map[string]any{"label": v.Label, "value": num(v.Value)}
		}
		out["panel"], out["x"], out["y"], out["values"] = r.Panel, num(r.X), num(r.Y), vs
	}
	ps := make([]any, len(h.Panels))
	for i, p := range h.Panels {
		pts := make([]any, len(p.Points))
		for k, v := range p.Points {
			pts[k] = v
		}
		ps[i] = map[string]any{
			"title": p.Title, "x": p.Rect.X, "y": p.Rect.Y, "w": p.Rect.W, "h": p.Rect.H,
			"x0": num(p.Win.X0), "x1": num(p.Win.X1), "y0": num(p.Win.Y0), "y1": num(p.Win.Y1),
			"zoom": p.Zoom, "edit": p.Edit, "points": pts,
		}
	}
	out["panels"], out["down"] = ps, h.Down
	return out
}

// num returns v for JavaScript, null when it is not finite.
func num(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return js.Null()
	}
	return v
}

// orderJS returns the order scene's state: {done, exact, observable, rows:
// [{method, alpha, error, se, exact, scheme?, resolved?, diverged?}],
// slopes: {METHOD: {slope, se}}, mcSlopes, theory, warning, error}.
// Exact rows have se 0 and the integrator's share Scheme - Value as scheme;
// Monte Carlo rows say whether they are resolved (|error| >= 2 se).
func orderJS(o *scene.OrderReport) any {
	rows := make([]any, len(o.Rows))
	for i, r := range o.Rows {
		row := map[string]any{"method": r.Method, "alpha": r.Alpha, "error": num(r.Error), "se": num(r.SE), "exact": r.Exact}
		if r.Exact {
			row["scheme"] = num(r.Scheme)
		} else {
			row["resolved"], row["diverged"] = r.Resolved, r.Diverged
		}
		rows[i] = row
	}
	slopes := func(m map[string]scene.OrderSlope) any {
		out := map[string]any{}
		for k, s := range m {
			out[k] = map[string]any{"slope": num(s.Slope), "se": num(s.SE)}
		}
		return out
	}
	theory := map[string]any{}
	for k, v := range o.Theory {
		theory[k] = v
	}
	return map[string]any{
		"done": o.Done, "exact": o.Exact, "observable": o.Observable, "rows": rows,
		"slopes": slopes(o.Slopes), "mcSlopes": slopes(o.MCSlopes), "theory": theory,
		"warning": o.Warning, "error": o.Error,
	}
}

func statsJS(s app.Stats) any {
	msg := s.Message()
	return map[string]any{
		"stepsPerSec": s.StepsPerSec, "speed": s.Speed, "behind": s.Behind, "message": msg,
		"msUpdate": s.MsUpdate, "maxMsUpdate": s.MaxMsUpdate, "maxBlockMs": s.MaxBlockMs,
		"longestUpdateMs": s.LongestUpdateMs, "longestDrawMs": s.LongestDrawMs, "msDraw": s.MsDraw, "msStep": s.MsStep,
		"paintsPerSec": s.PaintsPerSec, "paceMs": s.PaceMs,
		"msFrame": s.MsFrame,
		"fps":     s.FPS, "tps": s.TPS, "frames": s.Frames, "firstFrameMs": s.FirstFrameMs,
		"allocsPerUpdate": s.AllocsPerUpdate, "allocsPerDraw": s.AllocsPerDraw,
		"workers": s.Workers, "workersNote": s.WorkersNote,
	}
}

func warningsJS(ws []param.Warning) any {
	out := make([]any, len(ws))
	for i, w := range ws {
		out[i] = map[string]any{"key": w.Key, "value": w.Value, "message": w.Message}
	}
	return out
}

// describeJS returns the picture as drawn: {panels: [{title, axes: [{label,
// min, max, log, ticks: [string]}]}], legend: [string], texts: [{text, x,
// y, w, h, size}] (CSS pixels), t, width, height, tickPx, em}; null before the
// first picture.
func describeJS(g *app.Game) any {
	d, ok := g.Describe()
	if !ok {
		return js.Null()
	}
	panels := make([]any, len(d.Panels))
	for i, p := range d.Panels {
		axes := make([]any, len(p.Axes))
		for k, a := range p.Axes {
			ticks := make([]any, len(a.Ticks))
			for j, t := range a.Ticks {
				ticks[j] = t
			}
			axes[k] = map[string]any{"label": a.Label, "min": num(a.Min), "max": num(a.Max), "log": a.Log, "ticks": ticks}
		}
		panels[i] = map[string]any{"title": p.Title, "axes": axes}
	}
	legend := make([]any, len(d.Legend))
	for i, l := range d.Legend {
		legend[i] = l
	}
	texts := make([]any, len(d.Texts))
	for i, t := range d.Texts {
		texts[i] = map[string]any{"text": t.Text, "x": t.Box.X, "y": t.Box.Y, "w": t.Box.W, "h": t.Box.H, "size": t.Size}
	}
	return map[string]any{
		"panels": panels, "legend": legend, "texts": texts,
		"t": d.T, "width": d.Width, "height": d.Height, "tickPx": d.TickPx, "em": d.Em,
	}
}
