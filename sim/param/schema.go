package param

import (
	"slices"
	"strings"

	"smflow/catalog"
	"smflow/sim"
)

// Types of parameters (Param.Type).
const (
	TypeEnum   = "enum"   // one of Param.Enum
	TypeText   = "text"   // free text of at most Param.MaxLen characters of [a-z0-9-]
	TypeFloat  = "float"  // a finite number in [Min, Max] (or 0 when Zero is set)
	TypeInt    = "int"    // a whole number in [Min, Max] (or 0 when Zero is set)
	TypeUint   = "uint"   // a whole number in [0, 2^64-1]
	TypeBool   = "bool"   // 1, 0, true or false
	TypeList   = "list"   // comma-separated items of Param.Enum
	TypePoints = "points" // rows separated by ';' of coordinates in [Min, Max] separated by ','
	TypeData   = "data"   // a data set: a relative path (same origin) or inline:ROWS (see CheckData)
	TypeView   = "view"   // a window x0,x1,y0,y1 of four finite numbers, x0 < x1 and y0 < y1, or empty (see CheckView)
)

// Groups of parameters (Param.Group), in the order of the controls.
const (
	GroupScene   = "scene"
	GroupProblem = "problem"
	GroupRun     = "simulation"
	GroupView    = "view"
)

// A Param describes one parameter: its query key (also its flag name), its
// type and valid values, its default and a one-line description.
type Param struct {
	// Name is the query key and the flag name. Keys are case-sensitive.
	Name string
	// Type is one of the Type constants.
	Type string
	// Group is one of the Group constants.
	Group string
	// Label is the parameter's plain name for students, shown next to
	// the key in the page's controls ("step size" for alpha).
	Label string
	// Doc is a one-line description in plain text.
	Doc string
	// Min and Max bound a number (TypeFloat, TypeInt) or each coordinate
	// of a point (TypePoints).
	Min, Max float64
	// Zero, if not empty, says that 0 is also valid (outside [Min, Max])
	// and what it means, e.g. "device" or "same as n".
	Zero string
	// Log suggests a logarithmic slider.
	Log bool
	// Enum lists the valid values (TypeEnum) or list items (TypeList).
	Enum []string
	// SceneEnum, if not nil, restricts Enum per scene.
	SceneEnum map[string][]string
	// MaxLen is the maximum length of a text, of a list or the maximum
	// number of rows of points (0: no limit other than Enum).
	MaxLen int
	// Default is the default value, written as in a query string.
	Default string
	// SceneDefaults overrides Default for some scenes.
	SceneDefaults map[string]string
	// ItemProblems, if not nil, lists for an item of a list the problems it
	// applies to (the methods: which problems each runs on); an item not
	// listed applies to every problem.
	ItemProblems map[string][]string
	// Problems, if not empty, lists the problems the parameter applies to
	// (a hint for the controls; it is accepted for every problem).
	Problems []string
	// Scenes, if not empty, lists the scenes the parameter applies to (a
	// hint for the controls).
	Scenes []string

	// ptr returns a pointer to the field of v that holds the parameter:
	// *string, *float64, *int, *uint64, *bool, *[]string or *[][]float64.
	ptr func(v *Values) any
}

// DefaultFor returns the default of p in the given scene, as text.
func (p *Param) DefaultFor(scene string) string {
	if s, ok := p.SceneDefaults[scene]; ok {
		return s
	}
	return p.Default
}

// ItemChoices returns the valid items of p for the values v: Choices of v's
// scene, without the items that do not apply to v's problem
// (ItemProblems).
func (p *Param) ItemChoices(v *Values) []string {
	c := p.Choices(v.Scene)
	if p.ItemProblems == nil {
		return c
	}
	var out []string
	for _, it := range c {
		if ps, ok := p.ItemProblems[it]; !ok || slices.Contains(ps, v.Problem) {
			out = append(out, it)
		}
	}
	return out
}

// Choices returns the valid values (or list items) of p in the given scene:
// SceneEnum[scene] if set, otherwise Enum.
func (p *Param) Choices(scene string) []string {
	if c, ok := p.SceneEnum[scene]; ok {
		return c
	}
	return p.Enum
}

// maxCoord bounds the coordinates of explicit points.
const maxCoord = 1e6

// Schema is the table of every parameter, in canonical order: the order of
// the keys in Encode's output, of the flags, of the controls and of the
// README table. Values.Check validates the parameters in this order, so a
// parameter comes after the ones its validity depends on (problem after
// scene, points after problem, dim, neuron and din).
var Schema = []Param{
	{
		Name: "scene", Type: TypeEnum, Group: GroupScene, Label: "scene",
		// Doc, Enum and Default come from the catalogue (init).
		ptr: func(v *Values) any { return &v.Scene },
	},
	{
		Name: "preset", Type: TypeText, Group: GroupScene, Label: "preset",
		Doc:    "a named preset of the scene (at most 40 of a-z, 0-9 and -; the app checks the name)",
		MaxLen: 40,
		ptr:    func(v *Values) any { return &v.Preset },
	},
	{
		Name: "problem", Type: TypeEnum, Group: GroupProblem, Label: "risk R",
		// Doc, Enum, SceneEnum and the defaults come from sim.Problems and
		// the catalogue (init): a scene's default is its first problem.
		ptr: func(v *Values) any { return &v.Problem },
	},
	{
		Name: "alpha", Type: TypeFloat, Group: GroupRun, Label: "step size",
		Doc: "learning rate alpha (the SGD step size)",
		Min: 1e-4, Max: 2, Log: true,
		Default: "0.1",
		ptr:     func(v *Values) any { return &v.Alpha },
	},
	{
		Name: "T", Type: TypeFloat, Group: GroupRun, Label: "final time",
		Doc: "final time t = alpha * steps",
		Min: 0.01, Max: 1000, Log: true,
		Default: "2",
		ptr:     func(v *Values) any { return &v.T },
	},
	{
		Name: "seed", Type: TypeUint, Group: GroupRun, Label: "random seed",
		Doc:     "random seed; data, starting points, SGD indices and each method's noise get their own streams",
		Default: "1",
		ptr:     func(v *Values) any { return &v.Seed },
	},
	{
		Name: "n", Type: TypeInt, Group: GroupRun, Label: "points / neurons",
		Doc: "number of starting points, or of neurons of a network",
		Min: 1, Max: 4096, Log: true,
		Default: "1",
		ptr:     func(v *Values) any { return &v.NPoints },
	},
	{
		Name: "N", Type: TypeInt, Group: GroupProblem, Label: "data points",
		Doc: "size N of the data set",
		Min: 1, Max: 10000, Log: true,
		Default: "64",
		ptr:     func(v *Values) any { return &v.NData },
	},
	{
		Name: "reps", Type: TypeInt, Group: GroupRun, Label: "runs",
		Doc: "independent replicas (ensemble members, Monte Carlo runs)",
		Min: 1, Max: 100000, Log: true,
		Default: "256",
		ptr:     func(v *Values) any { return &v.Reps },
	},
	{
		Name: "k", Type: TypeInt, Group: GroupRun, Label: "substeps",
		Doc: "substeps of the continuous models per SGD step (h = alpha/k)",
		Min: 1, Max: 64, Log: true,
		Default: "4",
		ptr:     func(v *Values) any { return &v.K },
	},
	{
		Name: "scheme", Type: TypeEnum, Group: GroupRun, Label: "integrator",
		Doc:     "integrator of the continuous models: weak2 (small-noise weak second order) or euler (Euler-Maruyama)",
		Enum:    []string{"weak2", "euler"},
		Default: "weak2",
		ptr:     func(v *Values) any { return &v.Scheme },
	},
	{
		Name: "methods", Type: TypeList, Group: GroupRun, Label: "methods shown",
		// Doc, Enum, SceneEnum and the defaults come from sim's methods and
		// the catalogue (init): a scene's default is every method it offers.
		ptr: func(v *Values) any { return &v.Methods },
	},
	{
		Name: "M", Type: TypeInt, Group: GroupRun, Label: "particles",
		Doc: "flow particles of the DD-SMF / SPDE measure and of the mean-field ODE",
		Min: 1, Max: 20000, Zero: "same as n", Log: true,
		Default: "0",
		ptr:     func(v *Values) any { return &v.NFlow },
	},
	{
		Name: "dim", Type: TypeInt, Group: GroupProblem, Label: "dimension",
		Doc: "dimension d of z",
		Min: 1, Max: 8,
		Default: "2",
		ptr:     func(v *Values) any { return &v.Dim },
	},
	{
		Name: "xim", Type: TypeFloat, Group: GroupProblem, Label: "data mean",
		Doc: "mean of the law of the data xi",
		Min: -10, Max: 10,
		Default: "1",
		ptr:     func(v *Values) any { return &v.XiMean },
	},
	{
		Name: "xis", Type: TypeFloat, Group: GroupProblem, Label: "data spread",
		Doc: "standard deviation of the law of the data xi",
		Min: 0, Max: 10,
		Default: "0.7071067811865476",
		ptr:     func(v *Values) any { return &v.XiSD },
	},
	{
		Name: "noise", Type: TypeFloat, Group: GroupProblem, Label: "label noise",
		Doc: "standard deviation of the label noise of regression data",
		Min: 0, Max: 10,
		Default: "0.1",
		ptr:     func(v *Values) any { return &v.Noise },
	},
	{
		Name: "act", Type: TypeEnum, Group: GroupProblem, Label: "activation",
		Doc:     "activation sigma of the network",
		Enum:    []string{"identity", "tanh", "relu", "sigmoid"},
		Default: "tanh",
		ptr:     func(v *Values) any { return &v.Act },
	},
	{
		Name: "neuron", Type: TypeEnum, Group: GroupProblem, Label: "neuron form",
		Doc:     "neuron form: w is sigma(w.x) with z = w; awb is a sigma(w.x + b) with z = (a, w, b)",
		Enum:    []string{"w", "awb"},
		Default: "awb",
		ptr:     func(v *Values) any { return &v.Neuron },
	},
	{
		Name: "din", Type: TypeInt, Group: GroupProblem, Label: "input dimension",
		Doc: "input dimension of the network's data",
		Min: 1, Max: 2,
		Default: "1",
		ptr:     func(v *Values) any { return &v.Din },
	},
	{
		Name: "target", Type: TypeEnum, Group: GroupProblem, Label: "target",
		Doc:     "regression target: a teacher network or a function of x (sin, step, abs)",
		Enum:    []string{"teacher", "sin", "step", "abs"},
		Default: "sin",
		ptr:     func(v *Values) any { return &v.Target },
	},
	{
		Name: "teacher", Type: TypeInt, Group: GroupProblem, Label: "teacher neurons",
		Doc: "neurons of the teacher network (target=teacher)",
		Min: 1, Max: 64,
		Default: "4",
		ptr:     func(v *Values) any { return &v.Teacher },
	},
	{
		Name: "data", Type: TypeData, Group: GroupProblem, Label: "data set",
		Doc:    "the data set instead of generated data: a CSV file by a path relative to the page (the command line: to the working directory), e.g. data/course.csv; or inline:ROWS, rows separated by ; and values by , in the CSV's column order (xi; xi1..xid for shift with d = dim; x1[,x2],y with din inputs), e.g. inline:0.2;0.9;1.7 (empty: generated from the seed)",
		MaxLen: MaxDataLen,
		ptr:    func(v *Values) any { return &v.Data },
	},
	{
		Name: "points", Type: TypePoints, Group: GroupRun, Label: "starting points",
		Doc: "explicit starting points or initial neurons, x1,y1;x2,y2;... with as many coordinates per row as a point has (empty: the problem's default)",
		Min: -maxCoord, Max: maxCoord, MaxLen: 4096,
		ptr: func(v *Values) any { return &v.Points },
	},
	{
		Name: "speed", Type: TypeFloat, Group: GroupView, Label: "steps per second",
		Doc: "SGD steps per second of play (a sweep, as in the order scene, runs as fast as the page allows)",
		Min: 0.1, Max: 10000, Log: true,
		Default: "10",
		ptr:     func(v *Values) any { return &v.Speed },
	},
	{
		Name: "autoplay", Type: TypeBool, Group: GroupView, Label: "play on load",
		Doc:     "start playing when the page loads",
		Default: "0",
		ptr:     func(v *Values) any { return &v.Autoplay },
	},
	{
		Name: "embed", Type: TypeBool, Group: GroupView, Label: "embed view",
		Doc:     "canvas-only view for an iframe, with a minimal overlay",
		Default: "0",
		ptr:     func(v *Values) any { return &v.Embed },
	},
	{
		Name: "dpr", Type: TypeFloat, Group: GroupView, Label: "pixel ratio",
		Doc: "pixel ratio of the canvas",
		Min: 0.5, Max: 4, Zero: "device",
		Default: "0",
		ptr:     func(v *Values) any { return &v.DPR },
	},
	{
		Name: "scale", Type: TypeFloat, Group: GroupView, Label: "text size",
		Doc: "text size factor of the canvas (titles, labels, ticks)",
		Min: 0.5, Max: 3,
		Default: "1",
		ptr:     func(v *Values) any { return &v.TextScale },
	},
	{
		Name: "hide", Type: TypeList, Group: GroupView, Label: "hidden controls",
		Doc: "controls to hide, by parameter name",
		// Enum is set to every parameter name by init.
		ptr: func(v *Values) any { return &v.Hide },
	},
	{
		Name: "start", Type: TypeFloat, Group: GroupView, Label: "start time",
		Doc: "start paused at time t",
		Min: 0, Max: 1000,
		Default: "0",
		ptr:     func(v *Values) any { return &v.Start },
	},
	{
		Name: "view", Type: TypeView, Group: GroupView, Label: "zoomed window",
		Doc: "the window x0,x1,y0,y1 of the phase-plane panels, as zoomed and panned with the wheel, a pinch or a drag on empty space (a double-click resets it; empty: automatic)",
		ptr: func(v *Values) any { return &v.View },
	},
	{
		Name: "loop", Type: TypeEnum, Group: GroupView, Label: "loop",
		Doc:     "restart a run when it ends, after showing its end for a second: 1 always, 0 never, auto in an embed that autoplays",
		Enum:    []string{"auto", "1", "0"},
		Default: "auto",
		ptr:     func(v *Values) any { return &v.Loop },
	},
	{
		Name: "workers", Type: TypeEnum, Group: GroupView, Label: "workers",
		Doc:     "Web Workers beside the page that step the replicas of the ensemble, flow, meanfield and fluct scenes and run the order scene's learning rates (the same numbers as one thread): auto one per spare core, 0 none (one thread), N workers",
		Enum:    []string{"auto", "0", "1", "2", "3", "4", "5", "6", "7", "8"},
		Default: "auto",
		ptr:     func(v *Values) any { return &v.Workers },
	},
	{
		Name: "overlay", Type: TypeBool, Group: GroupView, Label: "overlay",
		Doc:     "embeds: show the overlay (play, reset, fullscreen, link to the full app); it hides while the pointer is away",
		Default: "1",
		ptr:     func(v *Values) any { return &v.Overlay },
	},
	{
		Name: "schemeerr", Type: TypeBool, Group: GroupView, Label: "integrator error",
		Doc:     "order scene: draw the integrator's own weak error (its scheme at k substeps minus the exact model) next to the modelling error (problems with exact expectations)",
		Default: "0",
		Scenes:  []string{catalog.Order},
		ptr:     func(v *Values) any { return &v.SchemeErr },
	},
}

// index maps a key to its position in Schema.
var index map[string]int

func init() {
	index = make(map[string]int, len(Schema))
	names := make([]string, len(Schema))
	for i := range Schema {
		index[Schema[i].Name] = i
		names[i] = Schema[i].Name
	}
	Schema[index["hide"]].Enum = names
	fromCatalogue()
	initDefaults()
}

// fromCatalogue sets the choices, defaults and hints that the catalogues of
// problems (sim.Problems), methods (sim.AllMethods) and scenes
// (catalog.Scenes) decide.
func fromCatalogue() {
	scenes := catalog.Scenes()
	sc, pr, me := &Schema[index["scene"]], &Schema[index["problem"]], &Schema[index["methods"]]

	var docs []string
	for _, s := range scenes {
		sc.Enum = append(sc.Enum, s.Key)
		docs = append(docs, s.Key+" ("+s.Doc+")")
	}
	sc.Default = scenes[0].Key
	sc.Doc = "the view: " + strings.Join(docs, ", ")

	docs = docs[:0]
	for _, p := range sim.Problems() {
		pr.Enum = append(pr.Enum, p.Name)
		docs = append(docs, p.Name+" ("+p.Doc+")")
		for i := range Schema {
			if q := &Schema[i]; p.Uses(q.Name) {
				q.Problems = append(q.Problems, p.Name)
			}
		}
	}
	pr.Doc = "the risk R: " + strings.Join(docs, ", ")

	docs = docs[:0]
	me.ItemProblems = map[string][]string{}
	for _, m := range sim.AllMethods() {
		me.Enum = append(me.Enum, m.String())
		docs = append(docs, m.String()+" ("+m.Doc()+")")
		for _, p := range sim.Problems() {
			if p.Applies(m) {
				me.ItemProblems[m.String()] = append(me.ItemProblems[m.String()], p.Name)
			}
		}
	}
	M := &Schema[index["M"]]
	for _, p := range sim.Problems() {
		if p.Network {
			M.Problems = append(M.Problems, p.Name)
		}
	}
	me.Doc = "methods shown: " + strings.Join(docs, ", ")

	speed := &Schema[index["speed"]]
	for _, s := range scenes {
		if !s.Sweep { // a sweep runs as fast as the budget allows
			speed.Scenes = append(speed.Scenes, s.Key)
		}
	}

	pr.SceneEnum, me.SceneEnum = map[string][]string{}, map[string][]string{}
	for _, s := range scenes {
		pr.SceneEnum[s.Key], me.SceneEnum[s.Key] = s.Problems(), s.Methods()
		setSceneDefault(pr, s.Key, s.Problems()[0])
		setSceneDefault(me, s.Key, strings.Join(s.Methods(), ","))
		for _, kv := range SplitQuery(s.Defaults) {
			p, ok := Lookup(kv.Key)
			if !ok {
				panic("param: unknown key " + kv.Key + " in the defaults of scene " + s.Key)
			}
			setSceneDefault(p, s.Key, kv.Value)
		}
	}
	pr.Default, me.Default = pr.SceneDefaults[sc.Default], me.SceneDefaults[sc.Default]
	for i := range Schema { // keep only the defaults that differ
		p := &Schema[i]
		for k, d := range p.SceneDefaults {
			if d == p.Default {
				delete(p.SceneDefaults, k)
			}
		}
		if len(p.SceneDefaults) == 0 {
			p.SceneDefaults = nil
		}
	}
}

// setSceneDefault sets p's default in the given scene.
func setSceneDefault(p *Param, scene, value string) {
	if p.SceneDefaults == nil {
		p.SceneDefaults = map[string]string{}
	}
	p.SceneDefaults[scene] = value
}

// Lookup returns the parameter with the given key.
func Lookup(name string) (*Param, bool) {
	i, ok := index[name]
	if !ok {
		return nil, false
	}
	return &Schema[i], true
}
