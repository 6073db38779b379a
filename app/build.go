//go:build js

package app

import (
	"errors"
	"fmt"
	"math"
	"reflect"

	"smflow/catalog"
	"smflow/scene"
	"smflow/sim"
	"smflow/sim/param"
)

// Set replaces the values by those of query (see param.Resolve), rebuilds the
// simulation if its configuration changed, and returns the warnings.
func (g *Game) Set(query string) []param.Warning {
	v, warns := param.Resolve(query)
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
		q = param.With("", "scene", value)
	case "preset":
		q = param.With(param.With("", "scene", g.values.Scene), "preset", value)
		if value == "" {
			q = param.Canonical(g.withoutPreset())
		}
	default:
		q = param.With(g.query, key, value)
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
	d, source, wait, derr := g.dataFor(&v)
	g.pending = nil // a newer change replaces one that waited for its file
	if wait {
		g.pending = &pendingData{v, warns}
		if g.opt.OnData != nil {
			g.opt.OnData(v.Data)
		}
		if g.sim != nil { // the previous state runs until the file arrives
			return
		}
		source = "loading " + v.Data + "; showing generated data until it arrives"
	}
	if derr != nil {
		var ce *sim.CSVError
		if errors.As(derr, &ce) && g.sim != nil && v.Data != g.values.Data {
			// A malformed file or inline data: the previous state keeps running.
			g.warnings = append(warns, param.Warning{Key: "data", Message: derr.Error() + "; the previous state keeps running"})
			g.dirty = true
			return
		}
		warns = append(warns, param.Warning{Key: "data", Message: derr.Error() + "; showing generated data"})
		d, source = nil, "data generated from the seed (the data set could not be read)"
	}
	cfg, cw := g.configFrom(&v, d)
	warns = append(warns, cw...)
	rebuild = rebuild || !reflect.DeepEqual(source, g.source)
	g.source = source
	built := rebuild || g.sim == nil || v.Scene != g.scene || !reflect.DeepEqual(cfg, g.cfg)
	if built {
		var err error
		v, cfg, err = g.build(v, cfg)
		if err != nil {
			warns = append(warns, param.Warning{Message: err.Error()})
		}
	} else if v.Speed != g.values.Speed {
		g.runner.Reset()
	}
	if v.Workers != g.values.Workers && !built && g.sim != nil && g.task != nil {
		g.settle()
		g.task, g.workersNote = workersFor(taskFor(g.sim, g.view), g.sim, g.view, v)
	}
	g.values = v
	g.query = param.Canonical(v)
	if g.view != nil {
		caption := ""
		if p, ok := catalog.Lookup(v.Scene); ok && v.Preset != "" {
			p, _ := p.Preset(v.Preset)
			caption = p.Caption
		}
		scene.SetCaption(g.view, caption)
		scene.SetValues(g.view, v)
		scene.SetTextScale(g.view, v.TextScale)
		warns = append(warns, scene.WarningsOf(g.view)...)
	}
	g.warnings = warns
	g.dirty = true
	if g.opt.OnChange != nil {
		g.opt.OnChange(g.query)
	}
}

// configFrom returns the simulation configuration of v on the data set d
// (nil: generated data; param.Config, which
// may drop rows of v.Points that do not fit the problem), with an error as a
// warning.
func (g *Game) configFrom(v *param.Values, d *sim.Data) (sim.Config, []param.Warning) {
	cfg, warns, err := param.Config(v, d)
	if err != nil {
		warns = append(warns, param.Warning{Message: err.Error()})
	}
	return cfg, warns
}

// build makes the simulation of cfg and the Task of it and the scene's
// View (taskFor). When that fails it falls back to the defaults of v's
// scene, then of the default scene, and returns the values used and an
// error that says what happened.
func (g *Game) build(v param.Values, cfg sim.Config) (param.Values, sim.Config, error) {
	g.endCSV(errors.New("the simulation was rebuilt during the export"))
	s, err := sim.New(cfg)
	var report error
	if err != nil {
		report = fmt.Errorf("cannot build the simulation (%v); showing the defaults of scene %s", err, v.Scene)
		view := v
		v = param.Defaults(v.Scene)
		v.Workers = view.Workers
		v.Speed, v.Autoplay, v.Embed, v.DPR, v.Hide = view.Speed, view.Autoplay, view.Embed, view.DPR, view.Hide
		v.Loop, v.Overlay = view.Loop, view.Overlay
		v.TextScale, v.View = view.TextScale, view.View
		cfg, _ = g.configFrom(&v, nil)
		g.source = param.DataSource(v)
		s, err = sim.New(cfg)
		if err != nil {
			g.sim, g.err = nil, "cannot build the simulation: "+err.Error()
			g.task = nil
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
	g.task = taskFor(s, g.view)
	g.task, g.workersNote = workersFor(g.task, s, g.view, v)
	g.runner.Reset()
	g.loop = Looper{}
	g.ffTo = 0
	if v.Start > 0 {
		g.ffTo = min(int(math.Round(v.Start/cfg.Alpha)), s.TotalSteps())
	}
	return v, cfg, report
}

// taskFor returns the Task the host advances for the View v built on s: the
// view's own sweep when it offers one (a scene.Sweeper, the order scene),
// else the stepped simulation s, which v observes. This is the one place
// where the host asks what kind of work a view has; the order scene plugs
// in only by being a scene.Sweeper.
func taskFor(s *sim.Sim, v View) Task {
	if w := scene.SweepOf(v); w != nil {
		return SweepTask(w)
	}
	return StepTask(s, v)
}

// Reset rebuilds the simulation from the same values: the same numbers as
// after loading the page's URL.
func (g *Game) Reset() {
	g.apply(g.values, g.warnings, true)
}

// QueryWith returns the canonical query of the current values with some
// parameters changed (pairs of key and unescaped value, a key without a
// value is ignored), without applying it: for links such as the embed
// snippet (embed=1&autoplay=1) or the full app (embed=0).
func (g *Game) QueryWith(kv ...string) string {
	q := g.query
	for i := 0; i+1 < len(kv); i += 2 {
		q = param.With(q, kv[i], kv[i+1])
	}
	v, _ := param.Resolve(q)
	return param.Canonical(v)
}

// Values returns the current values.
func (g *Game) Values() param.Values { return g.values }

// Query returns the canonical query string of the current values.
func (g *Game) Query() string { return g.query }

// Presets returns the presets of a scene (catalog.Scene's Presets).
func (g *Game) Presets(sceneKey string) []catalog.Preset {
	sc, _ := catalog.Lookup(sceneKey)
	return sc.Presets
}
