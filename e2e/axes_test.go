package e2e

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"smflow/catalog"
)

// jsDescribe is the result of window.smflow.describe().
type jsDescribe struct {
	Panels []struct {
		Title string `json:"title"`
		Axes  []struct {
			Label string   `json:"label"`
			Min   *float64 `json:"min"`
			Max   *float64 `json:"max"`
			Log   bool     `json:"log"`
			Ticks []string `json:"ticks"`
		} `json:"axes"`
	} `json:"panels"`
	Legend []string `json:"legend"`
	Texts  []struct {
		Text string  `json:"text"`
		X    float64 `json:"x"`
		Y    float64 `json:"y"`
		W    float64 `json:"w"`
		H    float64 `json:"h"`
		Size float64 `json:"size"`
	} `json:"texts"`
	T      float64 `json:"t"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	TickPx float64 `json:"tickPx"`
	Em     float64 `json:"em"`
}

// axesSizes are the viewports (CSS pixels) at which TestAxes checks every
// scene and preset.
var axesSizes = [][2]int64{{1280, 800}, {960, 540}, {480, 300}}

// describeAt sets the viewport to w x h and returns smflow.describe() once
// the canvas was painted at its new size and at the current time.
func (tb *tab) describeAt(w, h int64) jsDescribe {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(w, h)); err != nil {
		tb.t.Fatal(err)
	}
	tb.waitFor(`(() => { const d = smflow.describe(), r = document.querySelector("canvas").getBoundingClientRect();
		return !!d && Math.abs(d.width - r.width) < 1.5 && Math.abs(d.height - r.height) < 1.5 && d.t === smflow.state().t; })()`, patience)
	return eval[jsDescribe](tb, `smflow.describe()`)
}

// checkAxes reports what is wrong with a picture: axes whose span is less
// than 1e-6 of their largest value, tick labels that repeat or have more
// than 8 characters, texts that overlap or leave the canvas.
func checkAxes(d jsDescribe) []string {
	var bad []string
	for _, p := range d.Panels {
		for k, a := range p.Axes {
			name := fmt.Sprintf("%q %s axis", p.Title, [2]string{"x", "y"}[k])
			if a.Min == nil || a.Max == nil {
				bad = append(bad, name+": no range")
				continue
			}
			lo, hi := *a.Min, *a.Max
			if !(hi-lo >= 1e-6*max(math.Abs(lo), math.Abs(hi))) || !(hi > lo) {
				bad = append(bad, fmt.Sprintf("%s: range [%g, %g] too narrow", name, lo, hi))
			}
			seen := map[string]bool{}
			for _, t := range a.Ticks {
				if len(t) > 8 {
					bad = append(bad, fmt.Sprintf("%s: tick label %q longer than 8 characters", name, t))
				}
				if seen[t] {
					bad = append(bad, fmt.Sprintf("%s: tick label %q repeats (%q)", name, t, a.Ticks))
				}
				seen[t] = true
			}
		}
	}
	const eps = 0.5 // pixels: boxes that touch on rounding do not overlap
	for i, a := range d.Texts {
		if a.X < -eps || a.Y < -eps || a.X+a.W > d.Width+eps || a.Y+a.H > d.Height+eps {
			bad = append(bad, fmt.Sprintf("%q at (%.1f, %.1f) %.1fx%.1f leaves the canvas %.0fx%.0f", a.Text, a.X, a.Y, a.W, a.H, d.Width, d.Height))
		}
		for _, b := range d.Texts[i+1:] {
			if a.X < b.X+b.W-eps && b.X < a.X+a.W-eps && a.Y < b.Y+b.H-eps && b.Y < a.Y+a.H-eps {
				bad = append(bad, fmt.Sprintf("%q at (%.1f, %.1f) %.1fx%.1f overlaps %q at (%.1f, %.1f) %.1fx%.1f",
					a.Text, a.X, a.Y, a.W, a.H, b.Text, b.X, b.Y, b.W, b.H))
			}
		}
	}
	return bad
}

// TestAxes: every scene and preset, at t = 0 and half way (the order
// scene: half of its sweep), at 1280x800, 960x540 and 480x300, draws axes
// that read: describe() reports ranges at least 1e-6 of their values wide,
// distinct tick labels of at most 8 characters, and no two texts
// overlapping or leaving the canvas; at 1920x1080 the tick labels are at
// least 16 CSS pixels. One page load per scene and preset; the sizes are
// set by emulation.
func TestAxes(t *testing.T) {
	tb := open(t, "/")
	for _, sc := range catalog.Scenes() {
		queries := []string{"scene=" + sc.Key}
		for _, p := range sc.Presets {
			queries = append(queries, "scene="+sc.Key+"&preset="+p.Key)
		}
		for _, q := range queries {
			t.Run(q, func(t *testing.T) {
				tb.t = t
				if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(axesSizes[0][0], axesSizes[0][1])); err != nil {
					t.Fatal(err)
				}
				tb.navigate("/?" + q)
				check := func(when string) {
					t.Helper()
					for _, sz := range axesSizes {
						d := tb.describeAt(sz[0], sz[1])
						if len(d.Panels) == 0 {
							t.Errorf("%s at %dx%d: no panels described", when, sz[0], sz[1])
						}
						for _, b := range checkAxes(d) {
							t.Errorf("%s at %dx%d: %s", when, sz[0], sz[1], b)
						}
						if testing.Verbose() {
							t.Logf("%s at %dx%d: canvas %.0fx%.0f, %d panels, %d texts, tick labels %.1f px", when, sz[0], sz[1], d.Width, d.Height, len(d.Panels), len(d.Texts), d.TickPx)
						}
					}
				}
				check("t = 0")
				d := tb.describeAt(1920, 1080)
				if d.TickPx < 16 {
					t.Errorf("at 1920x1080 (canvas %.0fx%.0f) tick labels are %.1f px, want 16 or more", d.Width, d.Height, d.TickPx)
				}
				for _, b := range checkAxes(d) {
					t.Errorf("t = 0 at 1920x1080: %s", b)
				}
				// Half way: half of the steps, or of the order scene's sweep.
				if sc.Key == catalog.Order {
					for end := time.Now().Add(40 * time.Second); tb.state().Progress < 0.5 && time.Now().Before(end); {
						// (Started, not awaited: its Promise resolves after
						// five learning rates, minutes for some presets.)
						eval[bool](tb, `(smflow.step(5), true)`)
						time.Sleep(50 * time.Millisecond)
					}
					t.Logf("order sweep at %.0f%%", 100*tb.state().Progress)
				} else {
					st := tb.state()
					eval[bool](tb, fmt.Sprintf(`smflow.step(%d).then(() => true)`, max(1, st.TotalSteps/2)))
				}
				eval[bool](tb, `smflow.pause().then(() => true)`)
				check("half way")
				if os.Getenv("SMFLOW_SHOTS") != "" {
					// make screenshots: the README's pictures, half way at 1280x800.
					tb.describeAt(1280, 800)
					tb.screenshot()
					tb.saveShot(strings.NewReplacer("scene=", "", "&preset=", "-").Replace(q))
				}
				tb.noErrorsSince()
			})
		}
	}
}

// TestAxesScale: the scale parameter sets the text size (scale=2 doubles
// it), and the canvas has role="img" with a description that names its
// panels.
func TestAxesScale(t *testing.T) {
	tb := open(t, "/?scene=ensemble")
	d1 := tb.describeAt(1280, 800)
	label := eval[string](tb, `document.querySelector("canvas").getAttribute("aria-label") || ""`)
	if role := eval[string](tb, `document.querySelector("canvas").getAttribute("role") || ""`); role != "img" {
		t.Errorf("canvas role %q, want img", role)
	}
	for _, p := range d1.Panels {
		if p.Title != "" && !strings.Contains(label, p.Title) {
			t.Errorf("canvas description %q does not name panel %q", label, p.Title)
		}
	}
	tb.navigate("/?scene=ensemble&scale=2")
	d2 := tb.describeAt(1280, 800)
	if r := d2.Em / d1.Em; math.Abs(r-2) > 0.05 {
		t.Errorf("scale=2: font size %.1f px, at scale 1 %.1f px (ratio %.2f)", d2.Em, d1.Em, r)
	}
	for _, b := range checkAxes(d2) {
		t.Errorf("scale=2: %s", b)
	}
	tb.noErrors()
}
