package scene

// A Preset is a named setting of a scene: Name says what it shows (the
// point of the talk it illustrates), Caption is the one line drawn under
// the figure, Query the URL query string that sets it up.
type Preset struct {
	Name, Caption, Query string
}

// presets lists the presets of every scene; the first one of a scene is its
// default look.
var presets = map[string][]Preset{
	"ensemble": {
		{
			Name:    "weak error O(alpha) vs O(alpha^2)",
			Caption: "A large learning rate: GF and SME1 miss E|z|^2 of SGD by O(alpha), SME2 and SMF only by O(alpha^2).",
			Query:   "scene=ensemble&problem=quad&dim=2&xim=1&xis=0.8&alpha=0.25&T=4&reps=500&N=32&methods=sgd,gf,sme1,sme2,smf",
		},
		{
			Name:    "Sigma^{1/2} is not smooth: Sigma(z) = z^2 gives |z|",
			Caption: "d = 1, R = xi z^2/2: Sigma(z) = s^2 z^2, so Sigma^{1/2}(z) = s|z| has a kink at 0; the SMF noise (z s) dW stays smooth.",
			Query:   "scene=ensemble&problem=quad&dim=1&xim=1&xis=1.5&alpha=0.1&T=3&reps=500&N=32&methods=sgd,sme1,sme2,smf",
		},
		{
			Name:    "many SGD runs from one start (non-convex)",
			Caption: "f_z(x) = z1 tanh(z2 x): independent SGD runs from one start spread out; their law is what the SDEs approximate.",
			Query:   "scene=ensemble&problem=tanh2&alpha=0.05&T=5&reps=300&N=32&methods=sgd,gf,sme2,smf",
		},
		{
			Name:    "additive noise: Sigma is constant",
			Caption: "R = |z - xi|^2/2: the gradient noise does not depend on z, SGD is an AR(1) chain and the SME an Ornstein-Uhlenbeck process.",
			Query:   "scene=ensemble&problem=shift&dim=2&alpha=0.1&T=4&reps=400&N=32&methods=sgd,gf,sme1,sme2,smf",
		},
	},
	"flow": {
		{
			Name:    "the SDE does not catch the n-point motion",
			Caption: "One xi sequence drives the whole grid: SGD moves it as one body, SMF (one shared noise) keeps it whole, SME (independent noises) tears it.",
			Query:   "scene=flow&problem=quad&dim=2&xim=1&xis=0.8&alpha=0.1&T=3&n=36&N=16&reps=32&methods=sgd,smf,sme2",
		},
		{
			Name:    "additive noise: one kick for all points",
			Caption: "R = |z - xi|^2/2: every point gets the same kick, so SGD and SMF carry the grid as one (shrinking) body, while SME's independent noises scatter it.",
			Query:   "scene=flow&problem=shift&dim=2&xis=1&alpha=0.1&T=2&n=36&N=32&reps=16&methods=sgd,smf,sme2",
		},
		{
			Name:    "linear regression: an affine random flow",
			Caption: "Linear regression: each SGD step maps the plane affinely, so straight grid lines stay straight under SGD and SMF, not under SME.",
			Query:   "scene=flow&problem=linreg&din=1&noise=0.3&alpha=0.1&T=3&n=36&N=32&reps=8&methods=sgd,smf,sme2",
		},
	},
	"meanfield": {
		{
			Name:    "a shallow network as particles",
			Caption: "Neurons z_k = (a, w, b) of f(x) = (1/n) sum a tanh(w x + b) as particles: SGD, the measure nu_t of the DD-SMF, and the mean-field ODE.",
			Query:   "scene=meanfield&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=40&M=400&N=48&alpha=0.05&T=10&methods=sgd,mfode,ddsmf",
		},
		{
			Name:    "learning a teacher network",
			Caption: "A ReLU student of n neurons learns a teacher of 3: the neurons gather where the teacher's are.",
			Query:   "scene=meanfield&problem=network&act=relu&neuron=awb&din=1&target=teacher&teacher=3&n=60&M=400&N=48&alpha=0.05&T=10&methods=sgd,mfode,ddsmf",
		},
		{
			Name:    "a large learning rate: the noise matters",
			Caption: "At a large learning rate SGD fluctuates around the mean-field ODE; the DD-SMF carries the same fluctuations.",
			Query:   "scene=meanfield&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=30&M=600&N=60&alpha=0.2&T=10&methods=sgd,mfode,ddsmf",
		},
	},
	"fluct": {
		{
			Name:    "fluctuations of the risk",
			Caption: "The law over runs of the risk: the SPDE (DD-SMF) spreads like SGD, the mean-field ODE not at all (a point mass, far in W1).",
			Query:   "scene=fluct&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=30&N=60&alpha=0.05&T=5&reps=50&methods=sgd,mfode,ddsmf",
		},
		{
			Name:    "the SPDE carries the right fluctuations",
			Caption: "With n ~ 1/alpha (n = 20, alpha = 0.05) the SPDE matches the law of SGD's risk, the mean-field ODE only its mean.",
			Query:   "scene=fluct&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=20&N=60&alpha=0.05&T=5&reps=100&methods=sgd,mfode,ddsmf",
		},
	},
	"order": {
		{
			Name:    "weak order on the quadratic",
			Caption: "Weak error against alpha on log-log axes: slope 1 for GF and SME1, slope 2 for SME2 and SMF.",
			Query:   "scene=order&problem=quad&dim=2&xim=1&xis=0.8&T=1&reps=2000&methods=sgd,gf,sme1,sme2,smf",
		},
		{
			Name:    "weak order of the n-point motion",
			Caption: "The two-point statistic E z(a).z(b): SMF keeps order 2, SME falls to order 1.",
			Query:   "scene=order&problem=quad&dim=2&xim=1&xis=0.8&T=1&n=2&reps=2000&methods=sgd,sme2,smf",
		},
	},
}

// Presets returns the presets of the scene sceneKey (nil for an unknown
// scene). The caller may modify the returned slice.
func Presets(sceneKey string) []Preset {
	return append([]Preset(nil), presets[sceneKey]...)
}

// Scenes lists the scene keys in order.
func Scenes() []string { return []string{"ensemble", "flow", "meanfield", "fluct", "order"} }

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
	if ps := presets[sceneKey]; len(ps) > 0 {
		return ps[0].Caption
	}
	return ""
}
