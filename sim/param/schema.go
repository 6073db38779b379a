package param

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

// Choices returns the valid values (or list items) of p in the given scene:
// SceneEnum[scene] if set, otherwise Enum.
func (p *Param) Choices(scene string) []string {
	if c, ok := p.SceneEnum[scene]; ok {
		return c
	}
	return p.Enum
}

// Scenes, problems and methods.
var (
	sceneNames   = []string{"ensemble", "flow", "meanfield", "fluct", "order"}
	problemNames = []string{"quad", "shift", "linreg", "tanh2", "network"}
	methodNames  = []string{"sgd", "gf", "sme1", "sme2", "smf", "mfode", "ddsmf"}

	pointProblems   = []string{"quad", "shift", "linreg", "tanh2"}
	networkProblems = []string{"network"}
	pointMethods    = []string{"sgd", "gf", "sme1", "sme2", "smf"}
	networkMethods  = []string{"sgd", "mfode", "ddsmf"}
)

// maxCoord bounds the coordinates of explicit points.
const maxCoord = 1e6

// Schema is the table of every parameter, in canonical order: the order of
// the keys in Encode's output, of the flags, of the controls and of the
// README table. Values.Check validates the parameters in this order, so a
// parameter comes after the ones its validity depends on (problem after
// scene, points after problem, dim, neuron and din).
var Schema = []Param{
	{
		Name: "scene", Type: TypeEnum, Group: GroupScene,
		Doc:     "the view: ensemble (one-point laws of many runs), flow (n-point motion of a grid), meanfield (network neurons as particles), fluct (fluctuations over replicas), order (weak error against alpha)",
		Enum:    sceneNames,
		Default: "ensemble",
		ptr:     func(v *Values) any { return &v.Scene },
	},
	{
		Name: "preset", Type: TypeText, Group: GroupScene,
		Doc:    "a named preset of the scene (at most 40 of a-z, 0-9 and -; the app checks the name)",
		MaxLen: 40,
		ptr:    func(v *Values) any { return &v.Preset },
	},
	{
		Name: "problem", Type: TypeEnum, Group: GroupProblem,
		Doc:  "the risk R: quad (xi |z|^2/2), shift (|z - xi|^2/2), linreg (linear regression), tanh2 (z1 tanh(z2 x) fitted to data), network (one-hidden-layer network in the mean-field scaling)",
		Enum: problemNames,
		SceneEnum: map[string][]string{
			"ensemble": pointProblems, "flow": pointProblems, "order": pointProblems,
			"meanfield": networkProblems, "fluct": networkProblems,
		},
		Default:       "quad",
		SceneDefaults: map[string]string{"meanfield": "network", "fluct": "network"},
		ptr:           func(v *Values) any { return &v.Problem },
	},
	{
		Name: "alpha", Type: TypeFloat, Group: GroupRun,
		Doc: "learning rate alpha (the SGD step size)",
		Min: 1e-4, Max: 2, Log: true,
		Default:       "0.1",
		SceneDefaults: map[string]string{"meanfield": "0.05", "fluct": "0.05"},
		ptr:           func(v *Values) any { return &v.Alpha },
	},
	{
		Name: "T", Type: TypeFloat, Group: GroupRun,
		Doc: "final time t = alpha * steps",
		Min: 0.01, Max: 1000, Log: true,
		Default:       "2",
		SceneDefaults: map[string]string{"ensemble": "4", "flow": "4", "meanfield": "10", "fluct": "4"},
		ptr:           func(v *Values) any { return &v.T },
	},
	{
		Name: "seed", Type: TypeUint, Group: GroupRun,
		Doc:     "random seed; data, starting points, SGD indices and each method's noise get their own streams",
		Default: "1",
		ptr:     func(v *Values) any { return &v.Seed },
	},
	{
		Name: "n", Type: TypeInt, Group: GroupRun,
		Doc: "number of starting points (ensemble, flow, order) or of neurons (meanfield, fluct)",
		Min: 1, Max: 4096, Log: true,
		Default:       "1",
		SceneDefaults: map[string]string{"flow": "121", "meanfield": "64", "fluct": "32"},
		ptr:           func(v *Values) any { return &v.N0 },
	},
	{
		Name: "N", Type: TypeInt, Group: GroupProblem,
		Doc: "size N of the data set",
		Min: 1, Max: 10000, Log: true,
		Default:       "64",
		SceneDefaults: map[string]string{"meanfield": "32"},
		ptr:           func(v *Values) any { return &v.N },
	},
	{
		Name: "reps", Type: TypeInt, Group: GroupRun,
		Doc: "independent replicas (ensemble members, Monte Carlo runs)",
		Min: 1, Max: 100000, Log: true,
		Default:       "256",
		SceneDefaults: map[string]string{"flow": "1", "meanfield": "1", "fluct": "128", "order": "4096"},
		ptr:           func(v *Values) any { return &v.Reps },
	},
	{
		Name: "k", Type: TypeInt, Group: GroupRun,
		Doc: "substeps of the continuous models per SGD step (h = alpha/k)",
		Min: 1, Max: 64, Log: true,
		Default:       "4",
		SceneDefaults: map[string]string{"meanfield": "2", "fluct": "2"},
		ptr:           func(v *Values) any { return &v.K },
	},
	{
		Name: "scheme", Type: TypeEnum, Group: GroupRun,
		Doc:     "integrator of the continuous models: weak2 (small-noise weak second order) or euler (Euler-Maruyama)",
		Enum:    []string{"weak2", "euler"},
		Default: "weak2",
		ptr:     func(v *Values) any { return &v.Scheme },
	},
	{
		Name: "methods", Type: TypeList, Group: GroupRun,
		Doc:  "methods shown: sgd, gf (gradient flow), sme1, sme2, smf, mfode (mean-field ODE), ddsmf (DD-SMF / SPDE)",
		Enum: methodNames,
		SceneEnum: map[string][]string{
			"ensemble": pointMethods, "flow": pointMethods, "order": pointMethods,
			"meanfield": networkMethods, "fluct": networkMethods,
		},
		Default: "sgd,gf,sme1,sme2,smf",
		SceneDefaults: map[string]string{
			"flow": "sgd,smf,sme2", "meanfield": "sgd,mfode,ddsmf", "fluct": "sgd,mfode,ddsmf",
			"order": "gf,sme1,sme2,smf",
		},
		ptr: func(v *Values) any { return &v.Methods },
	},
	{
		Name: "M", Type: TypeInt, Group: GroupRun,
		Doc: "flow particles of the DD-SMF / SPDE measure and of the mean-field ODE",
		Min: 1, Max: 20000, Zero: "same as n", Log: true,
		Default:       "0",
		SceneDefaults: map[string]string{"meanfield": "128"},
		Scenes:        []string{"meanfield", "fluct"},
		ptr:           func(v *Values) any { return &v.M },
	},
	{
		Name: "dim", Type: TypeInt, Group: GroupProblem,
		Doc: "dimension d of z for quad and shift",
		Min: 1, Max: 8,
		Default:  "2",
		Problems: []string{"quad", "shift"},
		ptr:      func(v *Values) any { return &v.Dim },
	},
	{
		Name: "xim", Type: TypeFloat, Group: GroupProblem,
		Doc: "mean of the law of the data xi",
		Min: -10, Max: 10,
		Default:  "1",
		Problems: []string{"quad", "shift"},
		ptr:      func(v *Values) any { return &v.XiMean },
	},
	{
		Name: "xis", Type: TypeFloat, Group: GroupProblem,
		Doc: "standard deviation of the law of the data xi",
		Min: 0, Max: 10,
		Default:  "0.7071067811865476",
		Problems: []string{"quad", "shift"},
		ptr:      func(v *Values) any { return &v.XiSD },
	},
	{
		Name: "noise", Type: TypeFloat, Group: GroupProblem,
		Doc: "standard deviation of the label noise of regression data",
		Min: 0, Max: 10,
		Default:  "0.1",
		Problems: []string{"linreg", "tanh2", "network"},
		ptr:      func(v *Values) any { return &v.Noise },
	},
	{
		Name: "act", Type: TypeEnum, Group: GroupProblem,
		Doc:      "activation sigma of the network",
		Enum:     []string{"identity", "tanh", "relu", "sigmoid"},
		Default:  "tanh",
		Problems: networkProblems,
		ptr:      func(v *Values) any { return &v.Act },
	},
	{
		Name: "neuron", Type: TypeEnum, Group: GroupProblem,
		Doc:      "neuron form: w is sigma(w.x) with z = w; awb is a sigma(w.x + b) with z = (a, w, b)",
		Enum:     []string{"w", "awb"},
		Default:  "awb",
		Problems: networkProblems,
		ptr:      func(v *Values) any { return &v.Neuron },
	},
	{
		Name: "din", Type: TypeInt, Group: GroupProblem,
		Doc: "input dimension of the network's data",
		Min: 1, Max: 2,
		Default:  "1",
		Problems: networkProblems,
		ptr:      func(v *Values) any { return &v.Din },
	},
	{
		Name: "target", Type: TypeEnum, Group: GroupProblem,
		Doc:      "regression target: a teacher network or a function of x (sin, step, abs)",
		Enum:     []string{"teacher", "sin", "step", "abs"},
		Default:  "sin",
		Problems: []string{"linreg", "tanh2", "network"},
		ptr:      func(v *Values) any { return &v.Target },
	},
	{
		Name: "teacher", Type: TypeInt, Group: GroupProblem,
		Doc: "neurons of the teacher network (target=teacher)",
		Min: 1, Max: 64,
		Default:  "4",
		Problems: []string{"linreg", "tanh2", "network"},
		ptr:      func(v *Values) any { return &v.Teacher },
	},
	{
		Name: "points", Type: TypePoints, Group: GroupRun,
		Doc: "explicit starting points or initial neurons, x1,y1;x2,y2;... with as many coordinates per row as a point has (empty: the problem's default)",
		Min: -maxCoord, Max: maxCoord, MaxLen: 4096,
		ptr: func(v *Values) any { return &v.Points },
	},
	{
		Name: "speed", Type: TypeFloat, Group: GroupView,
		Doc: "SGD steps per second of play",
		Min: 0.1, Max: 10000, Log: true,
		Default:       "10",
		SceneDefaults: map[string]string{"meanfield": "20", "fluct": "20", "order": "1000"},
		ptr:           func(v *Values) any { return &v.Speed },
	},
	{
		Name: "autoplay", Type: TypeBool, Group: GroupView,
		Doc:     "start playing when the page loads",
		Default: "0",
		ptr:     func(v *Values) any { return &v.Autoplay },
	},
	{
		Name: "embed", Type: TypeBool, Group: GroupView,
		Doc:     "canvas-only view for an iframe, with a minimal overlay",
		Default: "0",
		ptr:     func(v *Values) any { return &v.Embed },
	},
	{
		Name: "dpr", Type: TypeFloat, Group: GroupView,
		Doc: "pixel ratio of the canvas",
		Min: 0.5, Max: 4, Zero: "device",
		Default: "0",
		ptr:     func(v *Values) any { return &v.DPR },
	},
	{
		Name: "hide", Type: TypeList, Group: GroupView,
		Doc: "controls to hide, by parameter name",
		// Enum is set to every parameter name by init.
		ptr: func(v *Values) any { return &v.Hide },
	},
	{
		Name: "start", Type: TypeFloat, Group: GroupView,
		Doc: "start paused at time t",
		Min: 0, Max: 1000,
		Default: "0",
		ptr:     func(v *Values) any { return &v.Start },
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
	initDefaults()
}

// Lookup returns the parameter with the given key.
func Lookup(name string) (*Param, bool) {
	i, ok := index[name]
	if !ok {
		return nil, false
	}
	return &Schema[i], true
}
