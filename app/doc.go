// Package app is the Ebiten game that hosts a scene in the browser. The
// Game holds the parameter values, the simulation, the scene's View, which
// draws, and a Task, the work it advances inside Update at the requested
// speed within a time budget per frame: the stepped simulation, or the
// View's own computation (the order scene's weak-error sweep). It offers
// what the page needs (play, pause, step, reset, set a new query, state,
// statistics, hash, PNG and CSV export).
//
// The files, one job each:
//
//	game.go    the game loop: Update, Draw, Layout (Options, Game, New)
//	build.go   building and rebuilding from values: Set, SetParam, Reset,
//	           the simulation, the View and its Task; the values and query
//	play.go    play controls: Play, Pause, Toggle, Step, SetVisible
//	task.go    Task and Budget, the stepped simulation and the sweep
//	export.go  PNG, Hash and CSV exports
//	state.go   the page's data objects: State, MethodState, Stats
//	runner.go  Runner: how much work a tick does
//	pacer.go   Pacer: how often the canvas is painted
//	stats.go   Stats and Meter
//	csv.go     the CSV writers
//	input.go   the pointer: Ebiten's mouse, wheel, touches and shift key
//	           fed to the input package, its actions applied (HoverState)
//
// The files that import Ebiten build only for GOOS=js (a native build of
// Ebiten needs cgo and X11 headers); the rest (Task, Runner, Pacer, Meter,
// the CSV writers and the query helpers) is plain Go and tested natively.
package app
