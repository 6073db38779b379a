//go:build js

package main

import (
	"strings"
	"syscall/js"

	"smflow/app"
)

// theGame is the page's game, for describeCanvas.
var theGame *app.Game

// ariaQuery is the query that the canvas's description was made for.
var ariaQuery = "\x00"

// describeCanvas gives the canvas role="img" and an accessible name made
// from the picture's description (smflow.describe()) after the first paint
// of a new query: the scene, its panels with their axes and ranges, and the
// legend. It does nothing (and allocates nothing) while the query stays.
func describeCanvas() {
	g := theGame
	if g == nil || g.Query() == ariaQuery {
		return
	}
	d, ok := g.Describe()
	if !ok {
		return
	}
	canvas := js.Global().Get("document").Call("querySelector", "canvas")
	if canvas.IsNull() || canvas.IsUndefined() {
		return
	}
	ariaQuery = g.Query()
	var b strings.Builder
	b.WriteString(d.Title)
	if d.Caption != "" {
		b.WriteString(": " + d.Caption)
	}
	b.WriteString(". ")
	for _, p := range d.Panels {
		b.WriteString("Panel ")
		if p.Title != "" {
			b.WriteString(`"` + p.Title + `"`)
		}
		for k, a := range p.Axes {
			name := [2]string{"x", "y"}[k]
			b.WriteString(", " + name)
			if a.Label != "" {
				b.WriteString(" " + a.Label)
			}
			if n := len(a.Ticks); n > 0 {
				b.WriteString(" from " + a.Ticks[0] + " to " + a.Ticks[n-1])
			}
			if a.Log {
				b.WriteString(" (log scale)")
			}
		}
		b.WriteString(". ")
	}
	if len(d.Legend) > 0 {
		b.WriteString("Legend: " + strings.Join(d.Legend, ", ") + ".")
	}
	canvas.Call("setAttribute", "role", "img")
	canvas.Call("setAttribute", "aria-label", strings.TrimSpace(b.String()))
}
