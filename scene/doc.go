// Package scene holds the scenes of the app: for each scene key
// (catalog.Scenes) a View that observes a running
// simulation and draws its panels side by side on one clock, and a few
// named presets (Presets) that a lecturer can link or embed.
//
// The host builds a *sim.Sim, calls Reset, then Observe after every
// simulation step and Draw once per frame. The files that import Ebitengine
// are built for js only; the observation logic (observe_*.go) and the
// presets are pure Go and tested natively (go test ./scene). The drawing is
// tested in a real browser: with github.com/agnivade/wasmbrowsertest
// installed as go_js_wasm_exec on PATH,
//
//	GOOS=js GOARCH=wasm go test -tags browser ./render/ ./scene/
//
// draws every preset, checks the method colours, the allocations and writes
// screenshots to $SMFLOW_SHOTS (default /tmp/smflow-shots). Under Node
// (go_js_wasm_exec of the Go root) these two packages cannot run at all:
// Ebitengine's init needs a DOM.
package scene
