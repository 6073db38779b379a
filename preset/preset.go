// Package preset holds the named settings of every scene of the app and
// reads and writes the app's URL query strings with them: a preset's query
// is the base, the URL's other keys override it (Resolve), and the shortest
// query that reads back to the same values names the preset and what
// differs from it (Canonical). It is plain Go, used by the page, the
// command line and the tests alike.
package preset

import "strings"

// A Preset is a named setting of a scene: Key names it in URLs
// (preset=key), Name says what it shows (the point of the talk it
// illustrates), Caption is the one line drawn under the figure, Query the
// URL query string that sets it up.
type Preset struct {
	Key, Name, Caption, Query string
}

// presets lists the presets of every scene; the first one of a scene is its
// default look.
var presets = map[string][]Preset{
	"ensemble": {
		{
			Key:     "weak-order",
			Name:    "weak error O(alpha) vs O(alpha^2)",
			Caption: "Weak errors of E|z|^2 against exact SGD: O(alpha) for GF and SME1, O(alpha^2) for SME2 and SMF; one alpha shows no order, the order scene fits the slopes.",
			Query:   "scene=ensemble&problem=quad&dim=2&xim=1&xis=0.8&alpha=0.25&T=4&reps=1500&N=32&methods=sgd,gf,sme1,sme2,smf",
		},
		{
			Key:     "kink",
			Name:    "Sigma^{1/2} is not smooth: Sigma(z) = z^2 gives |z|",
			Caption: "d = 1, R = xi z^2/2: Sigma(z) = s^2 z^2, so Sigma^{1/2}(z) = s|z| has a kink at 0; the SMF noise (z s) dW stays smooth.",
			Query:   "scene=ensemble&problem=quad&dim=1&xim=1&xis=1.5&alpha=0.1&T=3&reps=500&N=32&methods=sgd,sme1,sme2,smf",
		},
		{
			Key:     "nonconvex",
			Name:    "many SGD runs from one start (non-convex)",
			Caption: "f_z(x) = z1 tanh(z2 x): independent SGD runs from one start spread out; their law is what the SDEs approximate.",
			Query:   "scene=ensemble&problem=tanh2&alpha=0.05&T=5&reps=300&N=32&methods=sgd,gf,sme2,smf",
		},
		{
			Key:     "additive",
			Name:    "additive noise: Sigma is constant",
			Caption: "R = |z - xi|^2/2: the gradient noise does not depend on z, SGD is an AR(1) chain and the SME an Ornstein-Uhlenbeck process.",
			Query:   "scene=ensemble&problem=shift&dim=2&alpha=0.1&T=4&reps=400&N=32&methods=sgd,gf,sme1,sme2,smf",
		},
	},
	"flow": {
		{
			Key:     "npoint",
			Name:    "the SDE does not catch the n-point motion",
			Caption: "One xi sequence drives the whole grid: SGD moves it as one body, SMF (one shared noise) keeps it whole, SME (independent noises) tears it.",
			Query:   "scene=flow&problem=quad&dim=2&xim=1&xis=0.8&alpha=0.1&T=3&n=36&N=16&reps=32&methods=sgd,smf,sme2",
		},
		{
			Key:     "additive",
			Name:    "additive noise: one kick for all points",
			Caption: "R = |z - xi|^2/2: every point gets the same kick, so SGD and SMF carry the grid as one (shrinking) body, while SME's independent noises scatter it.",
			Query:   "scene=flow&problem=shift&dim=2&xis=1&alpha=0.1&T=2&n=36&N=32&reps=16&methods=sgd,smf,sme2",
		},
		{
			Key:     "linreg",
			Name:    "linear regression: an affine random flow",
			Caption: "Linear regression: each SGD step maps the plane affinely, so straight grid lines stay straight under SGD and SMF, not under SME.",
			Query:   "scene=flow&problem=linreg&din=1&noise=0.3&alpha=0.1&T=3&n=36&N=32&reps=8&methods=sgd,smf,sme2",
		},
	},
	"meanfield": {
		{
			Key:     "particles",
			Name:    "a shallow network as particles",
			Caption: "Neurons z_k = (a, w, b) of f(x) = (1/n) sum a tanh(w x + b) as particles: SGD, the measure nu_t of the DD-SMF, and the mean-field ODE.",
			Query:   "scene=meanfield&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=40&M=400&N=48&alpha=0.05&T=10&methods=sgd,mfode,ddsmf",
		},
		{
			Key:     "teacher",
			Name:    "learning a teacher network",
			Caption: "A ReLU student of n neurons learns a teacher of 3: the neurons gather where the teacher's are.",
			Query:   "scene=meanfield&problem=network&act=relu&neuron=awb&din=1&target=teacher&teacher=3&n=60&M=400&N=48&alpha=0.05&T=10&methods=sgd,mfode,ddsmf",
		},
		{
			Key:     "large-alpha",
			Name:    "a large learning rate: the noise matters",
			Caption: "At a large learning rate SGD fluctuates around the mean-field ODE; the DD-SMF carries the same fluctuations.",
			Query:   "scene=meanfield&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=30&M=600&N=60&alpha=0.2&T=10&methods=sgd,mfode,ddsmf",
		},
	},
	"fluct": {
		{
			Key:     "risk",
			Name:    "fluctuations of the risk",
			Caption: "The law over runs of the risk: the SPDE (DD-SMF) spreads like SGD, the mean-field ODE not at all (a point mass, far in W1).",
			Query:   "scene=fluct&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=30&N=60&alpha=0.05&T=5&reps=50&methods=sgd,mfode,ddsmf",
		},
		{
			Key:     "spde",
			Name:    "the SPDE carries the right fluctuations",
			Caption: "With n ~ 1/alpha (n = 20, alpha = 0.05) the SPDE matches the law of SGD's risk, the mean-field ODE only its mean.",
			Query:   "scene=fluct&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=20&N=60&alpha=0.05&T=5&reps=100&methods=sgd,mfode,ddsmf",
		},
	},
	"order": {
		{
			Key:     "quad",
			Name:    "weak order on the quadratic",
			Caption: "Weak error against alpha on log-log axes: slope 1 for GF and SME1, slope 2 for SME2 and SMF.",
			Query:   "scene=order&problem=quad&dim=2&xim=1&xis=0.8&T=1&reps=2000&methods=sgd,gf,sme1,sme2,smf",
		},
		{
			Key:     "npoint",
			Name:    "weak order of the n-point motion",
			Caption: "The two-point statistic E z(a).z(b): SMF keeps order 2, SME falls to order 1.",
			Query:   "scene=order&problem=quad&dim=2&xim=1&xis=0.8&T=1&n=2&reps=2000&methods=sgd,sme2,smf",
		},
	},
}

// For returns the presets of the scene sceneKey (nil for an unknown scene).
// The caller may modify the returned slice.
func For(sceneKey string) []Preset {
	return append([]Preset(nil), presets[sceneKey]...)
}

// Scenes lists the scene keys in order.
func Scenes() []string { return []string{"ensemble", "flow", "meanfield", "fluct", "order"} }

// Find returns the preset of ps with the given key. The keys that earlier
// versions derived from the names (LegacyKey) are found too, so that links
// shared before keep working.
func Find(ps []Preset, key string) (Preset, bool) {
	for _, p := range ps {
		if p.Key == key {
			return p, true
		}
	}
	for _, p := range ps {
		if LegacyKey(p.Name) == key {
			return p, true
		}
	}
	return Preset{}, false
}

// LegacyKey returns the key that earlier versions gave a preset of this
// name: the name in lower case with every run of other characters than a-z
// and 0-9 replaced by one '-', at most 40 characters.
func LegacyKey(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	return s
}

// Markdown returns the table of every scene's presets (scene, key, what it
// shows) for the README.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| scene | `preset=` | what it shows |\n|---|---|---|\n")
	for _, sc := range Scenes() {
		for _, p := range presets[sc] {
			b.WriteString("| `" + sc + "` | `" + p.Key + "` | " + strings.ReplaceAll(p.Name, "|", `\|`) + " |\n")
		}
	}
	return b.String()
}
