package e2e

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"smflow/catalog"
)

// jsState is the result of window.smflow.state().
type jsState struct {
	Query      string  `json:"query"`
	Scene      string  `json:"scene"`
	Preset     string  `json:"preset"`
	T          float64 `json:"t"`
	TEnd       float64 `json:"T"`
	Steps      int     `json:"steps"`
	TotalSteps int     `json:"totalSteps"`
	Done       bool    `json:"done"`
	Progress   float64 `json:"progress"`
	Playing    bool    `json:"playing"`
	Visible    bool    `json:"visible"`
	Error      string  `json:"error"`
	Methods    []struct {
		Name       string   `json:"name"`
		Label      string   `json:"label"`
		Status     string   `json:"status"`
		DivergedAt *float64 `json:"divergedAt"`
	} `json:"methods"`
	Warnings []struct {
		Key     string `json:"key"`
		Value   string `json:"value"`
		Message string `json:"message"`
	} `json:"warnings"`
}

// jsStats is the result of window.smflow.stats().
type jsStats struct {
	StepsPerSec  float64 `json:"stepsPerSec"`
	Speed        float64 `json:"speed"`
	Behind       bool    `json:"behind"`
	Message      string  `json:"message"`
	MsUpdate     float64 `json:"msUpdate"`
	MaxMsUpdate  float64 `json:"maxMsUpdate"`
	MaxBlockMs   float64 `json:"maxBlockMs"`
	LongestUpd   float64 `json:"longestUpdateMs"`
	LongestDraw  float64 `json:"longestDrawMs"`
	MsDraw       float64 `json:"msDraw"`
	PaintsPerSec float64 `json:"paintsPerSec"`
	PaceMs       float64 `json:"paceMs"`
	MsFrame      float64 `json:"msFrame"`
	MsStep       float64 `json:"msStep"`
	FPS          float64 `json:"fps"`
	TPS          float64 `json:"tps"`
	Frames       int     `json:"frames"`
	FirstFrameMs float64 `json:"firstFrameMs"`
	AllocsUpd    float64 `json:"allocsPerUpdate"`
	AllocsDraw   float64 `json:"allocsPerDraw"`
}

func (tb *tab) state() jsState { return eval[jsState](tb, `smflow.state()`) }
func (tb *tab) stats() jsStats { return eval[jsStats](tb, `smflow.stats()`) }

// click clicks the element that matches a CSS selector with the mouse.
func (tb *tab) click(sel string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		tb.t.Fatalf("click %s: %v", sel, err)
	}
}

// visible reports whether the element that matches sel is rendered.
func (tb *tab) visible(sel string) bool {
	tb.t.Helper()
	return eval[bool](tb, `(() => { const e = document.querySelector(`+jsString(sel)+`);
		return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden"; })()`)
}

func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestDefaultPage: the page draws its first frame, has no warnings, and
// time advances after the play button is clicked; the keyboard pauses,
// steps and resets. (How soon the first frame comes is machine-dependent:
// make bench reports it.)
func TestDefaultPage(t *testing.T) {
	tb := open(t, "/")
	t.Logf("first frame %.0f ms after navigation start; milestones %s", eval[float64](tb, `window.smflowFirstFrameAt`), milestones(tb))
	tb.drawn()
	if tb.visible("#loading") {
		t.Error("the loading message is still shown")
	}
	if tb.visible("#warnings") {
		t.Errorf("warnings shown for the default URL: %v", tb.state().Warnings)
	}
	st := tb.state()
	if st.Playing || st.Steps != 0 {
		t.Errorf("default page: playing %v, steps %d; want paused at 0", st.Playing, st.Steps)
	}
	if len(st.Methods) == 0 {
		t.Fatal("no methods")
	}
	tb.saveShot("page")
	tb.click("#transport button.play")
	tb.waitFor(`smflow.state().t > 0`, patience)
	t1 := tb.state().T
	tb.waitFor(fmt.Sprintf(`smflow.state().t > %v || smflow.state().done`, t1), patience)
	// Keyboard: space pauses once the page has focus.
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	tb.waitFor(`!smflow.state().playing`, patience)
	// The right arrow steps, r resets.
	n := tb.state().Steps
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	tb.waitFor(fmt.Sprintf(`smflow.state().steps === %d || smflow.state().done`, n+1), patience)
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("r")); err != nil {
		t.Fatal(err)
	}
	tb.waitFor(`smflow.state().steps === 0`, patience)
	tb.drawn()
	// Equations of the visible methods are shown.
	n = eval[int](tb, `document.querySelectorAll("#eqs tr math").length`)
	if n != len(st.Methods) {
		t.Errorf("%d equations for %d methods", n, len(st.Methods))
	}
	tb.noErrors()
}

// milestones returns the page's start-up milestones (ms since the
// navigation start) as JSON.
func milestones(tb *tab) string {
	return eval[string](tb, `JSON.stringify(Object.assign({},
		window.smflowTimes, {wasmFetched: (performance.getEntriesByType("resource").find(r => r.name.endsWith("smflow.wasm")) || {}).responseEnd}))`)
}

// TestURLRoundTrip: a control change shows in the URL; loading that URL gives
// the same state (hash) after the same number of steps; reset reproduces it.
func TestURLRoundTrip(t *testing.T) {
	tb := open(t, "/?scene=flow")
	// Change alpha through its number field, as a user would.
	eval[bool](tb, `(() => { const e = document.querySelector("#ctl-alpha");
		e.value = "0.05"; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	search := eval[string](tb, `location.search`)
	if !strings.Contains(search, "alpha=0.05") || !strings.Contains(search, "scene=flow") {
		t.Fatalf("URL after the change: %q", search)
	}
	// Seed through smflow.setParam, methods through a checkbox.
	eval[bool](tb, `(() => { const e = document.querySelector('#ctl-methods input[value="sme2"]');
		e.click(); return true; })()`)
	search = eval[string](tb, `location.search`)
	if !strings.Contains(search, "methods=") {
		t.Fatalf("URL after unchecking sme2: %q", search)
	}
	eval[bool](tb, `smflow.step(25).then(() => true)`)
	h1 := eval[string](tb, `smflow.hash()`)
	if st := tb.state(); st.Steps != 25 || len(strings.Split(strings.TrimSpace(h1), "\n")) != len(st.Methods)+1 {
		t.Fatalf("after 25 steps: state %+v, hash %q", st, h1)
	}
	for _, m := range tb.state().Methods {
		if m.Name == "sme2" {
			t.Error("sme2 still runs after unchecking it")
		}
	}
	// Reset reproduces the numbers.
	eval[bool](tb, `(smflow.reset(), smflow.step(25).then(() => true))`)
	if h := eval[string](tb, `smflow.hash()`); h != h1 {
		t.Errorf("after reset: hash\n%s\nwant\n%s", h, h1)
	}
	// A fresh load of the URL too.
	tb.navigate("/" + search)
	if got := eval[string](tb, `location.search`); got != search {
		t.Errorf("URL changed on reload: %q, want %q", got, search)
	}
	eval[bool](tb, `smflow.step(25).then(() => true)`)
	if h := eval[string](tb, `smflow.hash()`); h != h1 {
		t.Errorf("after reload: hash\n%s\nwant\n%s", h, h1)
	}
	// And the native simulation gives the same numbers as the browser.
	if want, err := nativeHash(strings.TrimPrefix(search, "?"), 25); err != nil {
		t.Errorf("native hash: %v", err)
	} else if h1 != want {
		t.Errorf("browser hash\n%s\nnative hash\n%s", h1, want)
	}
	// The command-line tool at the final time T: run the page to the end.
	q := "scene=flow&alpha=0.05&T=1&seed=3&methods=sgd,smf,sme2"
	tb.navigate("/?" + q)
	eval[bool](tb, `smflow.step(1000000).then(() => true)`)
	hb := eval[string](tb, `smflow.hash()`)
	if want, err := smfHash(q); err != nil {
		t.Error(err)
	} else if hb != want {
		t.Errorf("browser hash at T\n%s\nsmf hash\n%s", hb, want)
	}
	tb.noErrors()
}

// TestBadURLs: whatever the URL, the page draws, says what it ignored, logs
// no console error and never turns URL text into markup.
func TestBadURLs(t *testing.T) {
	cases := []struct {
		name, query string
		warn        bool
	}{
		{"NaN and Inf", "alpha=NaN&T=Inf&xim=-Infinity", true},
		{"negative and huge", "alpha=-3&n=-5&reps=1e99&seed=-1&N=99999999999999999999&speed=1e300&dpr=100", true},
		{"unknown keys and scene", "scene=nope&foo=bar&ALPHA=0.2&=x&&&", true},
		{"markup", "preset=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E&methods=sgd,%3Cscript%3Ewindow.__xss=2%3C/script%3E&%3Cb%3Ekey%3C/b%3E=1&hide=%3Cimg%20src=x%20onerror=window.__xss=3%3E", true},
		{"broken escapes and points", "alpha=%E0%A4%A&points=1,2;NaN,3;4&T=0&k=0", true},
		{"meanfield extremes", "scene=meanfield&n=4096&M=20000&N=10000&alpha=2&speed=10000&autoplay=1", false},
	}
	tb := open(t, "/")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb.t = t
			tb.navigate("/?" + c.query)
			tb.drawn()
			st := tb.state()
			if c.warn && len(st.Warnings) == 0 {
				t.Errorf("no warnings for %q", c.query)
			}
			if c.warn && !tb.visible("#warnings li") {
				t.Errorf("warnings not shown for %q", c.query)
			}
			shown := eval[int](tb, `document.querySelectorAll("#warnings li").length`)
			if shown != len(st.Warnings) {
				t.Errorf("%d warnings shown, %d reported", shown, len(st.Warnings))
			}
			if n := eval[int](tb, `document.querySelectorAll("img, script:not([src]), b").length`); n != 0 {
				t.Errorf("%d elements injected from the URL", n)
			}
			if x := eval[bool](tb, `window.__xss !== undefined`); x {
				t.Error("script from the URL ran")
			}
			// The canonical URL reads back without warnings.
			q := eval[string](tb, `location.search`)
			if ws := eval[int](tb, `smflow.set(location.search).length`); ws != 0 {
				t.Errorf("canonical URL %q gives %d warnings", q, ws)
			}
			tb.noErrorsSince()
		})
	}
}

// TestEmbedAndHide: embed=1 shows the canvas alone with the overlay, the
// hide flags hide their controls.
func TestEmbedAndHide(t *testing.T) {
	tb := open(t, "/?embed=1&scene=flow")
	if tb.visible("#ui") {
		t.Error("the control panel is shown in embed mode")
	}
	if !tb.visible("#overlay") {
		t.Error("no overlay in embed mode")
	}
	r := tb.canvasRect()
	if r.Dx() < viewW-2 || r.Dy() < viewH-2 {
		t.Errorf("canvas %v does not fill the %dx%d frame", r, viewW, viewH)
	}
	tb.drawn()
	tb.click("#overlay button.play")
	tb.waitFor(`smflow.state().t > 0`, patience)
	tb.click("#overlay button[data-act=reset]")
	if href := eval[string](tb, `document.querySelector("#overlay a.full").href`); strings.Contains(href, "embed=1") || !strings.Contains(href, "scene=flow") {
		t.Errorf("link to the full app: %q", href)
	}
	// Not visible: the simulation stops.
	eval[bool](tb, `(smflow.setVisible(false), smflow.play(), true)`)
	s1 := tb.state().Steps
	time.Sleep(300 * time.Millisecond)
	if s2 := tb.state().Steps; s2 != s1 {
		t.Errorf("simulation advanced while not visible: %d -> %d", s1, s2)
	}
	eval[bool](tb, `(smflow.setVisible(true), smflow.pause().then(() => true))`)
	tb.noErrors()

	tb.navigate("/?hide=alpha,seed,preset")
	for _, sel := range []string{`[data-param="alpha"]`, `[data-param="seed"]`, `#scenebox [data-param="preset"]`} {
		if tb.visible(sel) {
			t.Errorf("%s is shown although hidden", sel)
		}
	}
	for _, sel := range []string{`[data-param="n"]`, `#scene`, `#ui`} {
		if !tb.visible(sel) {
			t.Errorf("%s is hidden", sel)
		}
	}
	if tb.visible("#overlay") {
		t.Error("overlay shown outside embed mode")
	}
	// The embed snippet: an iframe of this URL with embed=1.
	tb.click(`button[data-act="copyembed"]`)
	tb.waitFor(`document.querySelector("#copybox").value !== ""`, patience)
	snip := eval[string](tb, `document.querySelector("#copybox").value`)
	if !strings.HasPrefix(snip, "<iframe ") || !strings.Contains(snip, "embed=1") || !strings.Contains(snip, "hide=alpha,seed,preset") {
		t.Errorf("embed snippet %q", snip)
	}
	tb.noErrors()
}

// TestExport: PNG export gives a valid PNG of the canvas size, CSV export
// parses.
func TestExport(t *testing.T) {
	tb := open(t, "/?scene=ensemble")
	eval[bool](tb, `smflow.step(10).then(() => true)`)
	b := pngFromJS(tb, `smflow.exportPNG()`)
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("exportPNG: %v", err)
	}
	w := eval[float64](tb, `document.querySelector("canvas").getBoundingClientRect().width * devicePixelRatio`)
	if d := float64(img.Bounds().Dx()) - w; d < -2 || d > 2 {
		t.Errorf("PNG width %d, canvas %v device pixels", img.Bounds().Dx(), w)
	}
	if ink, colours := inkStats(img, img.Bounds()); ink == 0 || colours < 2 {
		t.Errorf("PNG looks blank: %d inked pixels, %d colours", ink, colours)
	}
	// At 2x: twice the canvas's pixels.
	b2 := pngFromJS(tb, `smflow.exportPNG(2)`)
	img2, err := png.Decode(bytes.NewReader(b2))
	if err != nil {
		t.Fatalf("exportPNG(2): %v", err)
	}
	if d := float64(img2.Bounds().Dx()) - 2*w; d < -2 || d > 2 || img2.Bounds().Dy() < 2*img.Bounds().Dy()-2 {
		t.Errorf("PNG at 2x %v, canvas %v device pixels wide, PNG at 1x %v", img2.Bounds(), w, img.Bounds())
	}

	text := eval[string](tb, `smflow.exportCSV()`)
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("state CSV: %v", err)
	}
	if len(rows) < 2 || strings.Join(rows[0][:4], ",") != "method,rep,point,t" || rows[0][4] != "z1" {
		t.Fatalf("state CSV header %v, %d rows", rows[0], len(rows))
	}
	st := tb.state()
	names := map[string]bool{}
	for _, r := range rows[1:] {
		names[r[0]] = true
	}
	if len(names) != len(st.Methods) {
		t.Errorf("state CSV has methods %v, state %d methods", names, len(st.Methods))
	}
	text = eval[string](tb, `smflow.exportCSV("series")`)
	rows, err = csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("series CSV: %v", err)
	}
	if strings.Join(rows[0], ",") != "series,t,y,se,note" {
		t.Errorf("series CSV header %v", rows[0])
	}
	tb.noErrors()
}

// TestSubPath: the dist folder served under /sub/dir/ works, with the
// precompressed wasm.
func TestSubPath(t *testing.T) {
	tb := open(t, "/sub/dir/?scene=flow&alpha=0.2")
	tb.drawn()
	if p := eval[string](tb, `location.pathname`); p != "/sub/dir/" {
		t.Errorf("path after load: %q", p)
	}
	q, _ := url.ParseQuery(strings.TrimPrefix(eval[string](tb, `location.search`), "?"))
	if q.Get("alpha") != "0.2" || q.Get("scene") != "flow" {
		t.Errorf("query after load: %v", q)
	}
	enc := eval[[]float64](tb, `(() => { const e = performance.getEntriesByType("resource").find(r => r.name.endsWith("smflow.wasm"));
		return e ? [e.encodedBodySize, e.decodedBodySize] : [0, 0]; })()`)
	t.Logf("smflow.wasm: %.0f bytes on the wire, %.0f decoded", enc[0], enc[1])
	if !(enc[0] > 0 && enc[0] < enc[1]/2) {
		t.Errorf("wasm not served compressed: %v", enc)
	}
	tb.noErrors()
}

// TestScenes: every scene of the app and every preset loads, draws and its
// time advances; the order scene, which runs its weak-error sweep (a
// scene.Worker) instead of the simulation, so that its t stays 0, shows
// that its sweep progresses instead.
func TestScenes(t *testing.T) {
	tb := open(t, "/")
	for _, scene := range catalog.Keys() {
		type preset struct {
			Key   string `json:"key"`
			Name  string `json:"name"`
			Query string `json:"query"`
		}
		presets := eval[[]preset](tb, `smflow.presets(`+jsString(scene)+`) || []`)
		queries := []string{"scene=" + scene}
		shots := []string{scene}
		for _, p := range presets {
			queries = append(queries, "scene="+scene+"&preset="+p.Key)
			shots = append(shots, scene+"-"+p.Key)
		}
		for i, q := range queries {
			t.Run(q, func(t *testing.T) {
				tb.t = t
				tb.navigate("/?" + q)
				if st := tb.state(); len(st.Warnings) > 0 {
					t.Errorf("warnings: %v", st.Warnings)
				}
				eval[bool](tb, `(smflow.play(), true)`)
				if scene == catalog.Order {
					tb.sweepProgresses()
				} else {
					tb.waitFor(`smflow.state().t > 0`, patience)
				}
				if os.Getenv("SMFLOW_SHOTS") != "" {
					// make screenshots: let the scene develop (half of T,
					// or half of the sweep, or 20 s), then let the last
					// whole step be painted (paints may be paced).
					for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
						if st := tb.state(); st.Progress >= 0.5 || st.Done {
							break
						}
					}
					eval[bool](tb, `smflow.pause().then(() => true)`)
					time.Sleep(1500 * time.Millisecond)
				}
				eval[bool](tb, `smflow.pause().then(() => true)`)
				tb.drawn()
				tb.saveShot(shots[i])
				tb.noErrorsSince()
			})
		}
	}
}

// sweepProgresses fails the test unless the order scene's sweep, playing,
// progresses: pieces of work are done (the page counts them as steps per
// second), smflow.state().progress grows and the page says so, and the
// canvas changes (the progress line says which step of which rate it is
// at).
func (tb *tab) sweepProgresses() {
	tb.t.Helper()
	tb.waitFor(`smflow.state().playing && smflow.stats().stepsPerSec > 0`, patience)
	if st := tb.state(); st.Error != "" || st.Done {
		tb.t.Fatalf("order scene: error %q, done %v", st.Error, st.Done)
	}
	p0 := tb.state().Progress
	tb.waitFor(fmt.Sprintf(`smflow.state().progress > %g`, p0), patience)
	tb.waitFor(`/weak-error sweep \d+% done/.test(document.querySelector("#status").textContent)`, patience)
	r := tb.canvasRect()
	a := tb.screenshot()
	for end := time.Now().Add(patience); time.Now().Before(end); {
		time.Sleep(250 * time.Millisecond)
		b := tb.screenshot()
		if differ(a, b, r) {
			return
		}
	}
	tb.t.Fatalf("order scene: the canvas did not change in %v of playing (stats %+v)", patience, tb.stats())
}

// differ reports whether two images differ inside r.
func differ(a, b image.Image, r image.Rectangle) bool {
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return true
			}
		}
	}
	return false
}

// jsRepaint is the result of window.smflow.repaint(k, kind).
type jsRepaint struct {
	Paints         int     `json:"paints"`
	Allocs         float64 `json:"allocs"`
	AllocsPerPaint float64 `json:"allocsPerPaint"`
}

// repaintAllocs pauses the page and counts the heap allocations of k forced
// paints of the paused picture and of k bare paints (screen.Clear and one
// rectangle in one DrawTriangles call: what Ebitengine itself allocates for
// any paint), each after k paints to warm up. The page counts them exactly
// (runtime.MemStats around each paint), so both counts are independent of
// the machine's speed.
func (tb *tab) repaintAllocs(k int) (view, bare jsRepaint) {
	tb.t.Helper()
	eval[bool](tb, `smflow.pause().then(() => true)`)
	for _, kind := range []string{"view", "bare"} {
		expr := fmt.Sprintf(`smflow.repaint(%d, %s)`, k, jsString(kind))
		eval[jsRepaint](tb, expr) // warm up
		r := eval[jsRepaint](tb, expr)
		if r.Paints != k {
			tb.t.Fatalf("smflow.repaint(%d, %q) made %d paints", k, kind, r.Paints)
		}
		if kind == "bare" {
			bare = r
		} else {
			view = r
		}
	}
	return view, bare
}

// repaints is the number of paints that TestRealTime counts.
const repaints = 10

// TestRealTime: every real-time scene plays (its time advances), and once
// paused, painting its picture again allocates exactly what Ebitengine
// allocates for any paint, measured in the same page: the views allocate
// nothing of their own in Draw. (Allocations per paint while playing depend
// on how many steps fall between two paints, i.e. on the machine, and so do
// the times per Update: make bench prints those. scene.TestDrawAllocs
// checks Draw while the simulation moves, with a fixed number of steps per
// frame.)
func TestRealTime(t *testing.T) {
	tb := open(t, "/")
	for _, scene := range []string{catalog.Ensemble, catalog.Flow, catalog.Meanfield} {
		t.Run(scene, func(t *testing.T) {
			tb.t = t
			// T large so the run does not end; a few steps so that the
			// picture holds some history.
			tb.navigate("/?scene=" + scene + "&T=1000&autoplay=1")
			tb.waitFor(`smflow.state().steps >= 20`, patience)
			view, bare := tb.repaintAllocs(repaints)
			t.Logf("%s at step %d: a paint of the paused picture allocates %.2f times, a bare paint %.2f (Ebitengine's own)",
				scene, tb.state().Steps, view.AllocsPerPaint, bare.AllocsPerPaint)
			if view.Allocs != bare.Allocs {
				t.Errorf("%d paints of the paused %s picture allocate %.0f times, %d bare paints %.0f (Ebitengine's own): the view allocates in Draw (scene.TestDrawAllocs -args -allocprof shows where)",
					repaints, scene, view.Allocs, repaints, bare.Allocs)
			}
			tb.noErrorsSince()
		})
	}
}

// TestSpeedWarning: a speed that no machine can hold (10000 steps per
// second of a mean-field step over 20000 particles and 10000 data, some
// 10^8 evaluations each) is reported in the page, and a speed that every
// machine holds (one step per second of the flow scene) is not.
func TestSpeedWarning(t *testing.T) {
	tb := open(t, "/?scene=meanfield&n=4096&M=20000&N=10000&T=1000&speed=10000&autoplay=1")
	tb.waitFor(`smflow.stats().behind`, patience)
	tb.waitFor(`(e => e.getClientRects().length > 0 && e.textContent.includes("can't hold"))(document.querySelector("#speedwarn"))`, patience)
	tb.noErrorsSince()

	tb.navigate("/?scene=flow&T=1000&speed=1&autoplay=1")
	tb.waitFor(`smflow.state().steps >= 3`, patience)
	if s := tb.stats(); s.Behind {
		t.Errorf("speed 1 of the flow scene reported as not held (%.2f steps/s)", s.StepsPerSec)
	}
	if tb.visible("#speedwarn") {
		t.Errorf("speed warning shown at speed 1: %q", eval[string](tb, `document.querySelector("#speedwarn").textContent`))
	}
	tb.noErrors()
}

// TestHiDPI: on a device with 2 device pixels per CSS pixel the canvas is
// drawn at device resolution, and dpr=1 turns that off.
func TestHiDPI(t *testing.T) {
	tb := open(t, "/")
	for _, c := range []struct {
		query string
		scale float64
	}{
		{"scene=flow", 2},
		{"scene=flow&dpr=1", 1},
	} {
		if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(800, 500, chromedp.EmulateScale(2))); err != nil {
			t.Fatal(err)
		}
		tb.navigate("/?" + c.query)
		css := eval[float64](tb, `document.querySelector("canvas").getBoundingClientRect().width`)
		img, err := png.Decode(bytes.NewReader(pngFromJS(tb, `smflow.exportPNG()`)))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := float64(img.Bounds().Dx()), css*c.scale; got < want-2 || got > want+2 {
			t.Errorf("%s: drawn %v pixels wide for %v CSS pixels, want scale %v", c.query, got, css, c.scale)
		}
	}
	tb.noErrors()
}

// TestSelectors: the scene and preset selectors set the URL and the caption;
// a control change keeps the preset in the URL; "(custom)" keeps the values.
func TestSelectors(t *testing.T) {
	tb := open(t, "/")
	change := func(sel, value string) {
		t.Helper()
		eval[bool](tb, `(() => { const e = document.querySelector(`+jsString(sel)+`);
			e.value = `+jsString(value)+`; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	}
	search := func() string { return eval[string](tb, `location.search`) }
	change("#scene", "flow")
	if st := tb.state(); st.Scene != "flow" || search() != "?scene=flow" {
		t.Fatalf("after choosing flow: scene %q, URL %q", st.Scene, search())
	}
	type preset struct {
		Key     string `json:"key"`
		Caption string `json:"caption"`
	}
	ps := eval[[]preset](tb, `smflow.presets("flow")`)
	if len(ps) < 2 {
		t.Fatalf("flow has %d presets", len(ps))
	}
	change("#preset", ps[1].Key)
	if got, want := search(), "?scene=flow&preset="+ps[1].Key; got != want {
		t.Errorf("URL %q, want %q", got, want)
	}
	if c := eval[string](tb, `document.querySelector("#caption").textContent`); c != ps[1].Caption {
		t.Errorf("caption %q, want %q", c, ps[1].Caption)
	}
	h := eval[string](tb, `smflow.step(3).then(() => smflow.hash())`)
	change("#ctl-seed", "7")
	if got, want := search(), "?scene=flow&preset="+ps[1].Key+"&seed=7"; got != want {
		t.Errorf("URL %q, want %q", got, want)
	}
	change("#preset", "")
	q := search()
	if strings.Contains(q, "preset=") || !strings.Contains(q, "seed=7") {
		t.Errorf("URL after (custom): %q", q)
	}
	change("#ctl-seed", "1")
	if got := eval[string](tb, `smflow.step(3).then(() => smflow.hash())`); got != h {
		t.Errorf("the preset's values without its name give hash\n%s\nwant\n%s", got, h)
	}
	tb.noErrors()
}

// TestOffscreenFrame: an embedded scene below the fold of a page does not
// run; scrolled into view it plays (autoplay=1), scrolled away it stops.
func TestOffscreenFrame(t *testing.T) {
	need(t)
	tb := open0(t)
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(baseURL+"/test/slides.html")); err != nil {
		t.Fatal(err)
	}
	const fw = `document.querySelector("#f").contentWindow`
	tb.waitFor(fw+`.smflow && typeof `+fw+`.smflowFirstFrameAt === "number" && !!`+fw+`.smflowTimes.controls`, patience)
	tb.waitFor(`!`+fw+`.smflow.state().visible`, patience)
	s1 := eval[int](tb, fw+`.smflow.state().steps`)
	time.Sleep(500 * time.Millisecond)
	if s2 := eval[int](tb, fw+`.smflow.state().steps`); s2 != s1 {
		t.Errorf("the frame below the fold ran: %d -> %d steps", s1, s2)
	}
	eval[bool](tb, `(document.querySelector("#f").scrollIntoView(), true)`)
	tb.waitFor(fw+`.smflow.state().visible && `+fw+`.smflow.state().steps > 0`, patience)
	eval[bool](tb, `(window.scrollTo(0, 0), true)`)
	tb.waitFor(`!`+fw+`.smflow.state().visible`, patience)
	s1 = eval[int](tb, fw+`.smflow.state().steps`)
	time.Sleep(500 * time.Millisecond)
	if s2 := eval[int](tb, fw+`.smflow.state().steps`); s2 != s1 {
		t.Errorf("the frame ran after it was scrolled away: %d -> %d steps", s1, s2)
	}
	tb.noErrors()
}
