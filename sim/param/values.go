package param

import (
	"fmt"

	"smflow/catalog"
)

// Values holds one value of every parameter of Schema; the comment of each
// field names its query key. The zero Values is not valid: start from
// Defaults or Parse.
type Values struct {
	Scene   string // scene
	Preset  string // preset
	Problem string // problem

	Alpha   float64  // alpha
	T       float64  // T
	Seed    uint64   // seed
	NPoints int      // n: starting points or neurons
	NData   int      // N: data size
	Reps    int      // reps
	K       int      // k
	Scheme  string   // scheme
	Methods []string // methods
	NFlow   int      // M (0: same as n)

	Dim     int     // dim
	XiMean  float64 // xim
	XiSD    float64 // xis
	Noise   float64 // noise
	Act     string  // act
	Neuron  string  // neuron
	Din     int     // din
	Target  string  // target
	Teacher int     // teacher

	Data string // data: a relative path or inline:ROWS ("": generated data)

	Points [][]float64 // points (nil: the problem's default)

	Speed     float64  // speed
	Autoplay  bool     // autoplay
	Embed     bool     // embed
	DPR       float64  // dpr (0: device)
	TextScale float64  // scale
	Hide      []string // hide
	Start     float64  // start
	View      string   // view: the window of the phase planes, x0,x1,y0,y1 ("": automatic)
	Loop      string   // loop: auto, 1 or 0 (see Loops)
	Overlay   bool     // overlay: embeds show the overlay
	Workers   string   // workers: auto, 0 (one thread) or at most N Web Workers

	SchemeErr bool // schemeerr: the order scene draws the integrator's own error
}

// defaults holds the defaults of each scene, built by initDefaults.
var defaults = map[string]Values{}

// initDefaults builds the defaults of every scene from the Default texts of
// Schema; it panics if the table is inconsistent (a test checks it is not).
func initDefaults() {
	for _, s := range catalog.Keys() {
		var v Values
		v.Scene = s
		w := newWarner()
		for i := range Schema {
			p := &Schema[i]
			if p.Name == "scene" {
				continue
			}
			p.decode(&v, p.DefaultFor(s), false, w)
		}
		if ws := w.done(); len(ws) > 0 {
			panic(fmt.Sprintf("param: bad default in scene %s: %s", s, ws[0].Message))
		}
		defaults[s] = v
	}
}

// Defaults returns the defaults of the given scene (those of ensemble if the
// scene is unknown). The result shares no memory with other calls.
func Defaults(scene string) Values {
	d, ok := defaults[scene]
	if !ok {
		d = defaults[catalog.Keys()[0]]
	}
	return d.clone()
}

// clone returns a copy of v that shares no slices with v.
func (v Values) clone() Values {
	v.Methods = cloneStrings(v.Methods)
	v.Hide = cloneStrings(v.Hide)
	if v.Points != nil {
		rows := make([][]float64, len(v.Points))
		for i, r := range v.Points {
			rows[i] = append([]float64(nil), r...)
		}
		v.Points = rows
	}
	return v
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

// Equal reports whether v and w encode to the same value of every parameter
// (so nil and empty lists are equal, and so are 0 and -0).
func (v Values) Equal(w Values) bool {
	for i := range Schema {
		p := &Schema[i]
		if p.format(&v) != p.format(&w) {
			return false
		}
	}
	return true
}

// Loops reports whether a run restarts when it ends: loop=1, or loop=auto
// in an embed that autoplays.
func (v Values) Loops() bool {
	return v.Loop == "1" || v.Loop == "auto" && v.Embed && v.Autoplay
}

// String returns Encode(v).
func (v Values) String() string { return Encode(v) }
