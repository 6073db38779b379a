package param

import (
	"encoding/json"

	"smflow/catalog"
)

// jsonScene is what the page shows of a scene: its title and its "what am
// I looking at" line (catalog.Scene's About).
type jsonScene struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	About string `json:"about"`
}

// jsonParam is the JSON form of a Param.
type jsonParam struct {
	Name          string              `json:"name"`
	Type          string              `json:"type"`
	Group         string              `json:"group"`
	Label         string              `json:"label"`
	Doc           string              `json:"doc"`
	Min           *float64            `json:"min,omitempty"`
	Max           *float64            `json:"max,omitempty"`
	Zero          string              `json:"zero,omitempty"`
	Log           bool                `json:"log,omitempty"`
	Enum          []string            `json:"enum,omitempty"`
	SceneEnum     map[string][]string `json:"sceneEnum,omitempty"`
	ItemProblems  map[string][]string `json:"itemProblems,omitempty"`
	MaxLen        int                 `json:"maxLen,omitempty"`
	Default       string              `json:"default"`
	SceneDefaults map[string]string   `json:"sceneDefaults,omitempty"`
	Problems      []string            `json:"problems,omitempty"`
	Scenes        []string            `json:"scenes,omitempty"`
}

// JSON returns the schema for the HTML controls:
//
//	{"params": [{"name": "alpha", "type": "float", "group": "simulation",
//	  "doc": "...", "min": 0.0001, "max": 2, "log": true, "default": "0.1"}, ...]}
//
// and "scenes": [{"key", "title", "about"}, ...] from the catalogue,
// with the fields of Param in camelCase; min and max are present for the
// types float, int and points; defaults are texts as in a query string.
func JSON() []byte {
	ps := make([]jsonParam, len(Schema))
	for i := range Schema {
		p := &Schema[i]
		j := jsonParam{
			Name: p.Name, Type: p.Type, Group: p.Group, Label: p.Label, Doc: p.Doc,
			Zero: p.Zero, Log: p.Log, Enum: p.Enum, SceneEnum: p.SceneEnum, ItemProblems: p.ItemProblems, MaxLen: p.MaxLen,
			Default: p.Default, SceneDefaults: p.SceneDefaults, Problems: p.Problems, Scenes: p.Scenes,
		}
		switch p.Type {
		case TypeFloat, TypeInt, TypePoints:
			j.Min, j.Max = &p.Min, &p.Max
		}
		ps[i] = j
	}
	var scenes []jsonScene
	for _, s := range catalog.Scenes() {
		scenes = append(scenes, jsonScene{Key: s.Key, Title: s.Title, About: s.About})
	}
	b, err := json.Marshal(struct {
		Params []jsonParam `json:"params"`
		Scenes []jsonScene `json:"scenes"`
	}{ps, scenes})
	if err != nil { // cannot happen: the schema holds only finite numbers and strings
		return []byte(`{"params":[]}`)
	}
	return b
}
