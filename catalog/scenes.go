package catalog

// The keys of the scenes: the only place they are written (besides the
// presets' queries below).
const (
	Ensemble  = "ensemble"
	Flow      = "flow"
	Meanfield = "meanfield"
	Fluct     = "fluct"
	Order     = "order"
)

// scenes is the catalogue, in the order of the page's choices; the first
// scene is the default one.
var scenes = []Scene{
	{
		Key:      Ensemble,
		Kinds:    PointProblems,
		Title:    "One parameter: SGD next to its continuous-time models",
		Doc:      "one-point laws of many runs",
		About:    "many SGD runs from one start next to GF, SME1, SME2, SMF ensembles: clouds, the law of a coordinate, E f(z_t) with error bands, the weak error",
		Defaults: "T=4&speed=2",
		Presets: []Preset{
			{
				Key:     "weak-order",
				Name:    "weak errors at one learning rate",
				Caption: "At one alpha (0.25) the weak errors of E|z|^2 are of one size: SME1 misses SGD from above by about as much as SME2 and SMF from below; the orders show as alpha shrinks (order scene).",
				Query:   "problem=quad&dim=2&xim=1&xis=0.8&alpha=0.25&T=4&reps=1500&N=32&methods=sgd,gf,sme1,sme2,smf",
			},
			{
				Key:     "kink",
				Name:    "Sigma^{1/2} is not smooth: Sigma(z) = z^2 gives |z|",
				Caption: "d = 1, R = xi z^2/2: Sigma(z) = s^2 z^2, so Sigma^{1/2}(z) = s|z| has a kink at 0; the SMF noise (z s) dW stays smooth.",
				Query:   "problem=quad&dim=1&xim=1&xis=1.5&alpha=0.1&T=3&reps=500&N=32&methods=sgd,sme1,sme2,smf",
			},
			{
				Key:     "nonconvex",
				Name:    "many SGD runs from one start (non-convex)",
				Caption: "f_z(x) = z1 tanh(z2 x): independent SGD runs from one start spread out; their law is what the SDEs approximate.",
				Query:   "problem=tanh2&alpha=0.05&T=5&reps=300&N=32&methods=sgd,gf,sme2,smf",
			},
			{
				Key:     "additive",
				Name:    "additive noise: Sigma is constant",
				Caption: "R = |z - xi|^2/2: the gradient noise does not depend on z, SGD is an AR(1) chain and the SME an Ornstein-Uhlenbeck process.",
				Query:   "problem=shift&dim=2&alpha=0.1&T=4&reps=400&N=32&methods=sgd,gf,sme1,sme2,smf",
			},
		},
	},
	{
		Key:      Flow,
		Kinds:    PointProblems,
		Title:    "n-point motion: one noise for the whole grid",
		Doc:      "n-point motion of a grid",
		About:    "a grid of starting points driven by one xi sequence (SGD flow) next to SMF (one shared noise) and SME (independent noises), drawn as meshes; a two-point statistic",
		Defaults: "T=4&n=121&reps=1&methods=sgd,smf,sme2&speed=2",
		Presets: []Preset{
			{
				Key:     "npoint",
				Name:    "the SDE does not catch the n-point motion",
				Caption: "One xi sequence drives the whole grid: SGD moves it as one body, SMF (one shared noise) keeps it whole, SME (independent noises) tears it.",
				Query:   "problem=quad&dim=2&xim=1&xis=0.8&alpha=0.1&T=3&n=36&N=16&reps=32&methods=sgd,smf,sme2",
			},
			{
				Key:     "additive",
				Name:    "additive noise: one kick for all points",
				Caption: "R = |z - xi|^2/2: every point gets the same kick, so SGD and SMF carry the grid as one (shrinking) body, while SME's independent noises scatter it.",
				Query:   "problem=shift&dim=2&xis=1&alpha=0.1&T=2&n=36&N=32&reps=16&methods=sgd,smf,sme2",
			},
			{
				Key:     "linreg",
				Name:    "linear regression: an affine random flow",
				Caption: "Linear regression: each SGD step maps the plane affinely, so straight grid lines stay straight under SGD and SMF, not under SME.",
				Query:   "problem=linreg&din=1&noise=0.3&alpha=0.1&T=3&n=36&N=32&reps=8&methods=sgd,smf,sme2",
			},
		},
	},
	// Meanfield's defaults leave M = n (the schema's M=0): the DD-SMF and the
	// mean-field ODE start from SGD's own neurons, so the W2(mu_0, mu_0^n)
	// term of the weak error is zero and alpha alone separates them from SGD.
	{
		Key:      Meanfield,
		Title:    "A shallow network in the mean-field scaling",
		Doc:      "network neurons as particles",
		About:    "a network's neurons as particles (SGD, with trails), the measure nu_t of the DD-SMF/SPDE and the mean-field ODE as densities, the network function, the risk",
		Kinds:    NetworkProblems,
		Defaults: "alpha=0.05&T=10&n=1024&N=32&reps=1&k=2&methods=sgd,mfode,ddsmf&speed=10",
		Presets: []Preset{
			{
				Key:     "particles",
				Name:    "a shallow network as particles",
				Caption: "Neurons z_k = (a, w, b) of f(x) = (1/n) sum a tanh(w x + b) as particles: SGD, the DD-SMF's nu_t and the mean-field ODE, all from SGD's n neurons (M = n).",
				Query:   "problem=network&act=tanh&neuron=awb&din=1&target=sin&n=40&N=48&alpha=0.05&T=10&methods=sgd,mfode,ddsmf",
			},
			{
				Key:     "teacher",
				Name:    "learning a teacher network",
				Caption: "A ReLU student of 60 neurons learns a teacher of 3: they gather where the teacher's are; M = 400 flow particles (a finer sample of mu_0) draw nu_t.",
				Query:   "problem=network&act=relu&neuron=awb&din=1&target=teacher&teacher=3&n=60&M=400&N=48&alpha=0.05&T=10&methods=sgd,mfode,ddsmf",
			},
			{
				Key:     "large-alpha",
				Name:    "a large learning rate: the noise matters",
				Caption: "At a large learning rate SGD fluctuates around the mean-field ODE; the DD-SMF, from the same neurons (M = n), carries the same fluctuations.",
				Query:   "problem=network&act=tanh&neuron=awb&din=1&target=sin&n=30&N=60&alpha=0.2&T=10&methods=sgd,mfode,ddsmf",
			},
		},
	},
	{
		Key:      Fluct,
		Title:    "Fluctuations of the network over replicas",
		Doc:      "fluctuations over replicas",
		About:    "the law over replicas of the risk under SGD, DD-SMF and the mean-field ODE, and the W1 distance between them",
		Kinds:    NetworkProblems,
		Defaults: "alpha=0.05&T=4&n=32&reps=128&k=2&methods=sgd,mfode,ddsmf&speed=4",
		Presets: []Preset{
			{
				Key:     "risk",
				Name:    "fluctuations of the risk",
				Caption: "The law over runs of the risk: the SPDE (DD-SMF) spreads like SGD, its W1 to SGD within the sampling floor (grey); the mean-field ODE, a point mass, lies far above.",
				Query:   "problem=network&act=tanh&neuron=awb&din=1&target=sin&n=30&N=60&alpha=0.05&T=5&reps=50&methods=sgd,mfode,ddsmf",
			},
			{
				Key:     "spde",
				Name:    "the SPDE carries the right fluctuations",
				Caption: "With n ~ 1/alpha (n = 20, alpha = 0.05) the SPDE matches the law of SGD's risk up to sampling noise (grey: W1 of SGD vs SGD), the mean-field ODE only its mean.",
				Query:   "problem=network&act=tanh&neuron=awb&din=1&target=sin&n=20&N=60&alpha=0.05&T=5&reps=100&methods=sgd,mfode,ddsmf",
			},
		},
	},
	{
		Key:      Order,
		Kinds:    PointProblems | NetworkProblems,
		Title:    "Order of approximation: weak error against alpha",
		Doc:      "weak error against alpha",
		About:    "the weak error against alpha on log-log axes: exact lines with their local slopes for the linear problems, Monte Carlo points with error bars computed while the page stays responsive",
		Defaults: "alpha=0.5&xim=1&xis=0.2&reps=4096&methods=gf,sme1,sme2,smf",
		Sweep:    true,
		Presets: []Preset{
			{
				Key:     "weak-order",
				Name:    "weak error O(alpha) vs O(alpha^2)",
				Caption: "Weak error against alpha: exact lines (quad, shift, linreg), Monte Carlo points; slopes 1 (GF, SME1) and 2 (SME2, SMF).",
				Query:   "problem=quad&dim=2&xim=1&xis=0.2&alpha=0.5&T=2&N=64&reps=4096&methods=gf,sme1,sme2,smf",
			},
			{
				Key:     "quad",
				Name:    "more noise: the slopes settle late",
				Caption: "With more noise in the data (sd 0.8) the local slopes settle late: GF starts near 1.8 and SME1 near 0.6 at alpha = 1/4, both near 1 below 1/64.",
				Query:   "problem=quad&dim=2&xim=1&xis=0.8&alpha=0.25&T=1&reps=4096&methods=gf,sme1,sme2,smf",
			},
			{
				Key:     "npoint",
				Name:    "weak order of the n-point motion",
				Caption: "The two-point statistic E z(a).z(b): SMF keeps order 2, SME falls to order 1.",
				Query:   "problem=quad&dim=2&xim=1&xis=0.8&alpha=0.5&T=1&n=2&reps=4096&methods=sgd,sme2,smf",
			},
			{
				Key:     "shift",
				Name:    "weak order with additive noise",
				Caption: "R = |z - xi|^2/2, an Ornstein-Uhlenbeck limit: the same orders (1 for GF and SME1, 2 for SME2 and SMF); the exact lines and the Monte Carlo check agree.",
				Query:   "problem=shift&dim=2&alpha=0.5&T=2&reps=4096&methods=gf,sme1,sme2,smf",
			},
			{
				Key:     "meanfield",
				Name:    "mean-field order: DD-SMF O(alpha^2), MF ODE O(alpha)",
				Caption: "Risk of a tanh network, n = M = 32 from the same neurons (the W2(mu_0, mu_0^n) term is zero): the MF ODE misses mean-field SGD by O(alpha), the DD-SMF by O(alpha^2). Monte Carlo: minutes here, smf order uses every core.",
				Query:   "problem=network&act=tanh&neuron=awb&din=1&target=sin&alpha=0.5&T=4&n=32&N=32&k=2&reps=2000&methods=mfode,ddsmf",
			},
		},
	},
}
