//go:build js

package app

import "smflow/scene"

// A View draws one scene (scene.View). It only reads the simulation.
type View = scene.View
