package scene

import "smflow/preset"

// titles are the headings of the scenes.
var titles = map[string]string{
	"ensemble":  "One parameter: SGD next to its continuous-time models",
	"flow":      "n-point motion: one noise for the whole grid",
	"meanfield": "A shallow network in the mean-field scaling",
	"fluct":     "Fluctuations of the network over replicas",
	"order":     "Order of approximation: weak error against alpha",
}

// Title returns the heading of a scene ("" for an unknown key).
func Title(sceneKey string) string { return titles[sceneKey] }

// DefaultCaption returns the caption of a scene's first preset, the line
// drawn under the figure when no preset caption was set.
func DefaultCaption(sceneKey string) string {
	if ps := preset.For(sceneKey); len(ps) > 0 {
		return ps[0].Caption
	}
	return ""
}
