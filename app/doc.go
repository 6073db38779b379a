// Package app is the Ebiten game that hosts a scene in the browser: it holds
// the parameter values, the simulation and the scene's View, advances the
// simulation inside Update at the requested speed within a time budget per
// frame, and offers what the page needs (play, pause, step, reset, set a new
// query, state, statistics, hash, PNG and CSV export).
//
// The files, one job each:
//
//	game.go    the game loop: Update, Draw, Layout (Options, Game, New)
//	build.go   building and rebuilding from values: Set, SetParam, Reset,
//	           the simulation and the View; the values and query
//	play.go    play controls: Play, Pause, Toggle, Step, SetVisible
//	export.go  PNG, Hash and CSV exports
//	state.go   the page's data objects: State, MethodState, Stats
//	runner.go  Runner: how much work a tick does
//	pacer.go   Pacer: how often the canvas is painted
//	stats.go   Stats and Meter
//	csv.go     the CSV writers
//
// The files that import Ebiten build only for GOOS=js (a native build of
// Ebiten needs cgo and X11 headers); the rest (Runner, Meter, the CSV
// writers and the query helpers) is plain Go and tested natively.
package app
