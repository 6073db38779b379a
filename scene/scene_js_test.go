//go:build js && browser

package scene

import (
	"image/color"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/render/plot"
	"smflow/render/rendertest"
	"smflow/sim/param"
)

// The tests run in their own goroutine while the game loop waits inside
// Update, so they may use Ebitengine as if they ran inside Update; a test
// that needs real frames (the end-of-frame flush of Ebitengine's command
// queue) lets the loop run one frame with nextFrame.
type testGame struct {
	run      func() int
	started  bool
	finished bool
	code     int
	w, h     int                 // the screen size (Layout)
	draw     func(*ebiten.Image) // drawn on the screen in the next frames, if not nil
}

var (
	theGame = &testGame{w: 320, h: 240}
	toLoop  = make(chan struct{}) // the test goroutine hands the loop a frame (or ends)
	toTest  = make(chan struct{}) // the loop hands the test goroutine back its turn
)

func (g *testGame) Update() error {
	if !g.started {
		g.started = true
		go func() {
			g.code = g.run()
			g.finished = true
			toLoop <- struct{}{}
		}()
	} else {
		toTest <- struct{}{}
	}
	<-toLoop
	if g.finished {
		return ebiten.Termination
	}
	return nil
}

func (g *testGame) Draw(screen *ebiten.Image) {
	if g.draw != nil {
		g.draw(screen)
	}
}

func (g *testGame) Layout(int, int) (int, int) { return g.w, g.h }

// nextFrame lets the game loop run: the current frame ends (Ebitengine
// flushes its commands), the screen is drawn with theGame.draw, and the
// call returns at the next Update.
func nextFrame() {
	toLoop <- struct{}{}
	<-toTest
}

func TestMain(m *testing.M) {
	theGame.run = m.Run
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(theGame); err != nil && err != ebiten.Termination {
		println(err.Error())
		os.Exit(1)
	}
	os.Exit(theGame.code)
}

// TestScenesDraw runs every preset of the drawn scenes to half its time,
// draws it, checks that every method's colour shows, that a steady frame
// (Observe and Draw) allocates (almost) nothing, and writes screenshots.
func TestScenesDraw(t *testing.T) {
	const W, H = 1280, 720
	dst := ebiten.NewImage(W, H)
	pix := make([]byte, 4*W*H)
	for _, scn := range catalog.Scenes() {
		sc := scn.Key
		if sc == catalog.Order {
			continue // drawn by TestOrder*
		}
		for k, p := range scn.Presets {
			name := sc + "-" + strconv.Itoa(k)
			s, _, _, err := param.FromQuery("scene="+sc+"&"+p.Query, nil)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			view := New(sc)
			SetCaption(view, p.Caption)
			view.Reset(s)
			t0 := time.Now()
			half := s.TotalSteps() / 2
			for s.Steps() < half {
				s.Step()
				view.Observe(s)
			}
			run := time.Since(t0)
			t0 = time.Now()
			view.Draw(dst, s, 1)
			dst.ReadPixels(pix)
			first := time.Since(t0)
			for i, tr := range s.Tracks() {
				c := plot.MethodColor(tr.Method)
				if n := rendertest.Near(pix, c, 12); n < 30 {
					t.Errorf("%s: %d pixels in the colour of %s", name, n, tr.Method)
				}
				_ = i
			}
			rendertest.Shot(t, name, dst)
			// Steady state: a few more steps and frames, then count.
			for i := 0; i < 3; i++ {
				s.Step()
				view.Observe(s)
				view.Draw(dst, s, 1)
			}
			const frames = 5
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			t0 = time.Now()
			for i := 0; i < frames; i++ {
				s.Step()
				view.Observe(s)
				view.Draw(dst, s, 1)
			}
			runtime.ReadMemStats(&m1)
			per := time.Since(t0) / frames
			moving := float64(m1.Mallocs-m0.Mallocs) / frames
			// Observe alone (after a step) and Draw alone (a redraw).
			var obs, redraw float64
			for i := 0; i < frames; i++ {
				s.Step()
				runtime.ReadMemStats(&m0)
				view.Observe(s)
				runtime.ReadMemStats(&m1)
				obs += float64(m1.Mallocs-m0.Mallocs) / frames
			}
			view.Draw(dst, s, 1)
			runtime.ReadMemStats(&m0)
			t0 = time.Now()
			for i := 0; i < frames; i++ {
				view.Draw(dst, s, 1)
			}
			cpu := time.Since(t0) / frames
			runtime.ReadMemStats(&m1)
			redraw = float64(m1.Mallocs-m0.Mallocs) / frames
			dst.At(0, 0) // wait for the GPU
			draw := time.Since(t0) / frames
			t.Logf("%-12s %3d steps to t=%.2f in %v (%v per step), first frame %v, step+observe+draw %v, draw %v (CPU %v); allocations: %.1f per observe, %.1f per redraw, %.1f per frame while moving",
				name, half, s.Time(), run.Round(time.Millisecond), (run / time.Duration(max(half, 1))).Round(time.Microsecond),
				first.Round(time.Millisecond), per.Round(time.Microsecond), draw.Round(time.Microsecond), cpu.Round(time.Microsecond), obs, redraw, moving)
			if obs > 0 {
				t.Errorf("%s: Observe allocates %.1f times", name, obs)
			}
			if redraw > 4 {
				t.Errorf("%s: a redraw allocates %.1f times", name, redraw)
			}
			if len(view.Series()) == 0 {
				t.Errorf("%s: no series", name)
			}
		}
	}
}

// TestDrawEdgeCases draws a diverged method (the message must show in the
// alert colour), a small embed-sized canvas, a high-DPI canvas, the views
// before any simulation exists, and the notice of a scene not drawn yet.
func TestDrawEdgeCases(t *testing.T) {
	// SGD on the quadratic with alpha xi ~ 6 blows up; GF and SMF do not.
	d := build(t, "scene=ensemble&problem=quad&dim=2&xim=3&xis=0.5&alpha=2&T=1000&reps=20&N=16&methods=sgd,gf,smf")
	view := New("ensemble")
	view.Reset(d)
	for !d.Done() && !d.Status(0).Diverged {
		d.Step()
		view.Observe(d)
	}
	for i := 0; i < 5 && !d.Done(); i++ {
		d.Step()
		view.Observe(d)
	}
	if !d.Status(0).Diverged {
		t.Fatal("SGD did not diverge")
	}
	dst := ebiten.NewImage(1280, 720)
	view.Draw(dst, d, 1)
	pix := make([]byte, 4*1280*720)
	dst.ReadPixels(pix)
	if n := rendertest.Near(pix, plot.Alert, 30); n < 50 {
		t.Errorf("the divergence message shows %d pixels of the alert colour", n)
	}
	rendertest.Shot(t, "diverged", dst)

	for _, c := range []struct {
		name  string
		scene string
		q     string
		w, h  int
		scale float64
	}{
		{"small", catalog.Flow, presetQuery(catalog.Flow, 0), 480, 300, 1},
		{"hidpi", catalog.Meanfield, presetQuery(catalog.Meanfield, 1), 2560, 1440, 2},
		{"order-start", catalog.Order, presetQuery(catalog.Order, 0), 800, 450, 1},
		{"din2", "meanfield", "scene=meanfield&problem=network&act=tanh&neuron=awb&din=2&target=teacher&n=30&M=200&N=40&alpha=0.1&T=4&methods=sgd,mfode,ddsmf", 1280, 720, 1},
		{"d1", "meanfield", "scene=meanfield&problem=network&act=tanh&neuron=w&din=1&target=sin&n=30&M=200&N=40&alpha=0.1&T=4&methods=sgd,mfode,ddsmf", 1280, 720, 1},
		{"flow-d1", "flow", "scene=flow&problem=quad&dim=1&alpha=0.1&T=2&n=20&N=16&reps=8&methods=sgd,smf,sme2", 1280, 720, 1},
	} {
		sm := build(t, c.q)
		v := New(c.scene)
		// Before Reset, without a simulation: the frame alone.
		img := ebiten.NewImage(c.w, c.h)
		v.Draw(img, nil, c.scale)
		v.Reset(sm)
		for i := 0; i < 10; i++ {
			sm.Step()
			v.Observe(sm)
		}
		v.Draw(img, sm, c.scale)
		rendertest.Shot(t, c.name, img)
	}
	_ = color.RGBA{}
}

// presetQuery returns the query of preset i of a scene, with the scene.
func presetQuery(key string, i int) string {
	sc, _ := catalog.Lookup(key)
	return "scene=" + key + "&" + sc.Presets[i].Query
}

// Every scene of the catalogue has a registered view, which sweeps exactly
// when the catalogue says so (the schema hides the speed there); an unknown
// key gets a notice.
func TestViewsRegistered(t *testing.T) {
	for _, sc := range catalog.Scenes() {
		v := New(sc.Key)
		if _, ok := v.(*soonView); ok {
			t.Errorf("scene %s has no view", sc.Key)
		}
		if _, sweeps := v.(Sweeper); sweeps != sc.Sweep {
			t.Errorf("scene %s: its view sweeps: %v, the catalogue's Sweep: %v", sc.Key, sweeps, sc.Sweep)
		}
	}
	if _, ok := New("nope").(*soonView); !ok {
		t.Error("an unknown scene does not draw the notice")
	}
	if len(views) != len(catalog.Keys()) {
		t.Errorf("%d views registered, %d scenes in the catalogue", len(views), len(catalog.Keys()))
	}
}
