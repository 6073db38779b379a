package plot

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"smflow/sim"
)

func TestNiceStep(t *testing.T) {
	for _, c := range []struct {
		span   float64
		target int
		want   float64
	}{
		{1, 5, 0.2}, {10, 5, 2}, {7, 5, 1}, {3, 5, 0.5}, {100, 4, 20}, {0.03, 5, 0.005},
		{1e6, 5, 2e5}, {2.5e-7, 5, 5e-8}, {0, 5, 0}, {-1, 5, 0}, {math.Inf(1), 5, 0}, {1, 0, 0},
	} {
		got := NiceStep(c.span, c.target)
		if math.Abs(got-c.want) > 1e-12*math.Abs(c.want) {
			t.Errorf("NiceStep(%v, %d) = %v, want %v", c.span, c.target, got, c.want)
		}
	}
}

// mantissa returns m in [1, 10) with step = m 10^k.
func mantissa(step float64) float64 {
	return step / math.Pow(10, math.Floor(math.Log10(step)+1e-9))
}

func TestTicksCoverRange(t *testing.T) {
	ranges := [][2]float64{
		{0, 1}, {-1, 1}, {0.13, 0.87}, {-3.7, 12.2}, {0, 100}, {1e-5, 3e-5}, {-2e6, 5e6},
		{0.999, 1.001}, {-0.05, 0.07}, {17, 17.5}, {0, 0.3}, {-1e-3, 0}, {123456, 123789},
	}
	for _, r := range ranges {
		for _, target := range []int{3, 5, 8} {
			ticks, step := Ticks(nil, r[0], r[1], target)
			name := fmt.Sprintf("[%v, %v]/%d", r[0], r[1], target)
			if step <= 0 {
				t.Fatalf("%s: step %v", name, step)
			}
			if m := mantissa(step); math.Abs(m-1) > 1e-9 && math.Abs(m-2) > 1e-9 && math.Abs(m-5) > 1e-9 {
				t.Errorf("%s: step %v is not 1, 2 or 5 times a power of ten", name, step)
			}
			if len(ticks) < 2 || len(ticks) > 2*target+2 {
				t.Errorf("%s: %d ticks %v", name, len(ticks), ticks)
			}
			// Ticks lie in the range, and no further tick fits at either end.
			eps := 1e-9 * step
			if ticks[0] < r[0]-eps || ticks[len(ticks)-1] > r[1]+eps {
				t.Errorf("%s: ticks %v leave the range", name, ticks)
			}
			if ticks[0]-step >= r[0]+eps || ticks[len(ticks)-1]+step <= r[1]-eps {
				t.Errorf("%s: ticks %v do not cover the range (step %v)", name, ticks, step)
			}
			for i, v := range ticks {
				if k := v / step; math.Abs(k-math.Round(k)) > 1e-6 {
					t.Errorf("%s: tick %v is not a multiple of %v", name, v, step)
				}
				if i > 0 && math.Abs(v-ticks[i-1]-step) > 1e-6*step {
					t.Errorf("%s: uneven ticks %v", name, ticks)
				}
			}
			// NiceRange contains the range and ends on ticks.
			lo, hi := NiceRange(r[0], r[1], target)
			if lo > r[0] || hi < r[1] {
				t.Errorf("%s: NiceRange = [%v, %v] misses the range", name, lo, hi)
			}
			s := NiceStep(hi-lo, target)
			_ = s
			st := NiceStep(r[1]-r[0], target)
			if k := lo / st; math.Abs(k-math.Round(k)) > 1e-6 {
				t.Errorf("%s: NiceRange low end %v is not a multiple of %v", name, lo, st)
			}
			if k := hi / st; math.Abs(k-math.Round(k)) > 1e-6 {
				t.Errorf("%s: NiceRange high end %v is not a multiple of %v", name, hi, st)
			}
		}
	}
}

func TestNiceRangeDegenerate(t *testing.T) {
	lo, hi := NiceRange(3, 3, 5)
	if !(lo < 3 && hi > 3) {
		t.Errorf("NiceRange(3, 3) = [%v, %v]", lo, hi)
	}
	lo, hi = NiceRange(0, 0, 5)
	if !(lo < 0 && hi > 0) {
		t.Errorf("NiceRange(0, 0) = [%v, %v]", lo, hi)
	}
	lo, hi = NiceRange(2, 1, 5)
	if !(lo <= 1 && hi >= 2) {
		t.Errorf("NiceRange(2, 1) = [%v, %v]", lo, hi)
	}
}

func TestLogTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   []float64
	}{
		{1e-3, 1e1, []float64{1e-3, 1e-2, 1e-1, 1, 10}},
		{0.05, 3, []float64{0.05, 0.1, 0.2, 0.5, 1, 2}},
		{2e-4, 0.5, []float64{1e-3, 1e-2, 1e-1}},
		{0, 1, nil},
		{1, 1, nil},
	} {
		got := LogTicks(nil, c.lo, c.hi)
		if len(got) != len(c.want) {
			t.Errorf("LogTicks(%v, %v) = %v, want %v", c.lo, c.hi, got, c.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 1e-12*c.want[i] {
				t.Errorf("LogTicks(%v, %v) = %v, want %v", c.lo, c.hi, got, c.want)
				break
			}
		}
	}
	if got := LogTicks(nil, 1e-30, 1e30); len(got) > 13 || len(got) < 4 {
		t.Errorf("LogTicks over 60 decades gave %d ticks", len(got))
	}
}

func TestAppendTick(t *testing.T) {
	for _, c := range []struct {
		v, step float64
		want    string
	}{
		{0, 0.1, "0"}, {0.30000000000000004, 0.1, "0.3"}, {-1.5, 0.5, "-1.5"}, {2, 1, "2"},
		{200, 50, "200"}, {0.025, 0.005, "0.025"}, {1e-5, 5e-6, "1e-5"}, {1.5e6, 5e5, "1.5e6"},
		{0.25, 0.25, "0.25"}, {1e-17, 0.1, "0"}, {0.001, 0.001, "0.001"},
	} {
		if got := string(AppendTick(nil, c.v, c.step)); got != c.want {
			t.Errorf("AppendTick(%v, %v) = %q, want %q", c.v, c.step, got, c.want)
		}
	}
}

// labels returns the labels of at as strings.
func labels(at *AxisTicks) []string {
	var s []string
	for i := 0; i < at.Len(); i++ {
		s = append(s, string(at.Label(i)))
	}
	return s
}

func TestAxisTicksCachesLabels(t *testing.T) {
	var at AxisTicks
	a := Axis{Min: -1, Max: 2}
	if !at.Update(a, 5) {
		t.Fatal("first Update reported no change")
	}
	want := []string{"-1.0", "-0.5", "0", "0.5", "1.0", "1.5", "2.0"}
	if fmt.Sprint(labels(&at)) != fmt.Sprint(want) {
		t.Errorf("labels %q, want %q", labels(&at), want)
	}
	if at.Update(a, 5) {
		t.Error("Update of an unchanged axis reported a change")
	}
	if n := testing.AllocsPerRun(100, func() { at.Update(a, 5) }); n != 0 {
		t.Errorf("Update of an unchanged axis allocates %v times", n)
	}
	at.Update(Axis{Min: 1e-3, Max: 10, Log: true}, 5)
	if fmt.Sprint(labels(&at)) != "[0.001 0.01 0.1 1 10]" {
		t.Errorf("log labels %q", labels(&at))
	}
	at.Update(Axis{Min: 1, Max: 1}, 5)
	if at.Len() != 0 {
		t.Errorf("empty axis has labels %q", labels(&at))
	}
	if !at.Update(Axis{Min: 1, Max: 1}, 6) || at.Update(Axis{Min: 1, Max: 1}, 6) {
		t.Error("an invalid axis: Update reports changes wrongly")
	}
}

func TestGridPanelsDoNotOverlap(t *testing.T) {
	for _, r := range []Rect{{0, 0, 1200, 600}, {10, 20, 400, 900}, {0, 0, 800, 800}, {0, 0, 3, 2}} {
		for n := 1; n <= 9; n++ {
			for _, aspect := range []float64{0.5, 1, 1.6, 3} {
				rs := Grid(nil, r, n, 8, aspect)
				name := fmt.Sprintf("%v n=%d aspect=%v", r, n, aspect)
				if len(rs) != n {
					t.Fatalf("%s: %d panels", name, len(rs))
				}
				var area float64
				for i, a := range rs {
					if !a.Inside(r) {
						t.Errorf("%s: panel %d %v leaves %v", name, i, a, r)
					}
					for j := i + 1; j < len(rs); j++ {
						if a.Overlaps(rs[j]) {
							t.Errorf("%s: panels %d %v and %d %v overlap", name, i, a, j, rs[j])
						}
					}
					area += a.W * a.H
				}
				if r.W > 100 && area < 0.5*r.W*r.H {
					t.Errorf("%s: panels cover only %.0f%% of the area", name, 100*area/(r.W*r.H))
				}
			}
		}
	}
	// A wide canvas puts 3 panels side by side, a tall one stacks them.
	if rs := Grid(nil, Rect{0, 0, 1500, 500}, 3, 10, 1); rs[0].Y != rs[2].Y {
		t.Errorf("wide canvas: %v", rs)
	}
	if rs := Grid(nil, Rect{0, 0, 500, 1500}, 3, 10, 1); rs[0].X != rs[2].X {
		t.Errorf("tall canvas: %v", rs)
	}
	// 5 panels in two rows are 3 + 2, the second row's panels wider.
	rs := Grid(nil, Rect{0, 0, 1200, 700}, 5, 10, 1.4)
	if rs[0].Y != rs[2].Y || rs[3].Y == rs[0].Y || rs[3].W <= rs[0].W {
		t.Errorf("5 panels: %v", rs)
	}
	if rs := Grid(nil, Rect{0, 0, 100, 100}, 0, 1, 1); len(rs) != 0 {
		t.Errorf("0 panels gave %v", rs)
	}
}

func TestColumnsAndPanel(t *testing.T) {
	r := Rect{5, 5, 1000, 400}
	cs := Columns(nil, r, 10, 2, 1, 1)
	if len(cs) != 3 || math.Abs(cs[0].W-2*cs[1].W) > 1e-9 || math.Abs(cs[2].MaxX()-r.MaxX()) > 1e-9 {
		t.Errorf("Columns = %v", cs)
	}
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].Overlaps(cs[j]) {
				t.Errorf("columns %v and %v overlap", cs[i], cs[j])
			}
		}
	}
	for _, em := range []float64{10, 13, 26} {
		title, area := Panel(r, em, DefaultMargins)
		if title.Overlaps(area) || !title.Inside(r) || !area.Inside(r) || area.Empty() {
			t.Errorf("em %v: Panel(%v) = %v, %v", em, r, title, area)
		}
	}
	if _, area := Panel(Rect{0, 0, 20, 20}, 13, DefaultMargins); !area.Empty() {
		t.Errorf("a tiny panel has plot area %v", area)
	}
}

func TestRect(t *testing.T) {
	r := Rect{0, 0, 10, 10}
	if r.Overlaps(Rect{10, 0, 5, 5}) {
		t.Error("touching rectangles overlap")
	}
	if !r.Overlaps(Rect{9, 9, 5, 5}) {
		t.Error("overlapping rectangles do not overlap")
	}
	top, rest := r.CutTop(3)
	if top.H != 3 || rest.Y != 3 || rest.H != 7 {
		t.Errorf("CutTop: %v %v", top, rest)
	}
	bot, rest := r.CutBottom(20)
	if bot.H != 10 || rest.H != 0 {
		t.Errorf("CutBottom clamps: %v %v", bot, rest)
	}
	if q := (Rect{0, 0, 10, 4}).Square(); q != (Rect{3, 0, 4, 4}) {
		t.Errorf("Square = %v", q)
	}
	if q := r.Inset(6, 6, 6, 6); !q.Empty() {
		t.Errorf("Inset past the middle = %v", q)
	}
}

func TestTransform(t *testing.T) {
	tr := Transform{Rect: Rect{10, 20, 200, 100}, X: Axis{Min: -1, Max: 1}, Y: Axis{Min: 0, Max: 5}}
	if x, y := tr.Px(-1), tr.Py(0); x != 10 || y != 120 {
		t.Errorf("lower left maps to (%v, %v)", x, y)
	}
	if x, y := tr.Px(1), tr.Py(5); x != 210 || y != 20 {
		t.Errorf("upper right maps to (%v, %v)", x, y)
	}
	tr.Equal()
	sx := (tr.X.Max - tr.X.Min) / tr.Rect.W
	sy := (tr.Y.Max - tr.Y.Min) / tr.Rect.H
	if math.Abs(sx-sy) > 1e-12 || tr.X.Min > -1 || tr.X.Max < 1 || tr.Y.Min > 0 || tr.Y.Max < 5 {
		t.Errorf("Equal: %+v (scales %v, %v)", tr, sx, sy)
	}
	lg := Transform{Rect: Rect{0, 0, 100, 100}, Y: Axis{Min: 1e-3, Max: 1e1, Log: true}, X: Axis{Min: 0, Max: 1}}
	if y := lg.Py(1e-1); math.Abs(y-50) > 1e-9 {
		t.Errorf("log axis: 0.1 maps to %v, want 50", y)
	}
	if y := lg.Py(-1); !math.IsNaN(y) {
		t.Errorf("log axis: -1 maps to %v, want NaN", y)
	}
}

func TestAutoRange(t *testing.T) {
	var ar AutoRange
	if !ar.Update(0.2, 0.8) {
		t.Fatal("first update did not set the range")
	}
	a := ar.Axis
	if a.Min > 0.2 || a.Max < 0.8 {
		t.Fatalf("range %v misses the data", a)
	}
	// Small moves inside keep the range.
	for _, d := range [][2]float64{{0.25, 0.8}, {0.2, 0.75}, {0.21, 0.79}} {
		if ar.Update(d[0], d[1]) {
			t.Errorf("data %v changed the range %v to %v", d, a, ar.Axis)
		}
	}
	// Leaving the range widens it.
	if !ar.Update(0.2, 1.5) || ar.Axis.Max < 1.5 {
		t.Errorf("range %v does not follow data up to 1.5", ar.Axis)
	}
	// Collapsing data narrow it.
	if !ar.Update(0.5, 0.51) || ar.Axis.Max-ar.Axis.Min > 0.1 {
		t.Errorf("range %v does not narrow to [0.5, 0.51]", ar.Axis)
	}
	// Non-finite data are ignored.
	old := ar.Axis
	if ar.Update(math.NaN(), 1) || ar.Update(0, math.Inf(1)) || ar.Axis != old {
		t.Error("non-finite data changed the range")
	}
	// Zero stays in.
	z := AutoRange{Zero: true}
	z.Update(3, 4)
	if z.Axis.Min != 0 || z.Axis.Max < 4 {
		t.Errorf("Zero range %v", z.Axis)
	}
	// A constant series gets a non-empty range.
	var c AutoRange
	c.Update(2, 2)
	if !c.Axis.Valid() || c.Axis.Min > 2 || c.Axis.Max < 2 {
		t.Errorf("constant data: range %v", c.Axis)
	}
	// Log ranges: whole half-decades, at least one decade.
	l := AutoRange{Axis: Axis{Log: true}}
	l.Update(0.02, 0.3)
	if l.Axis.Min > 0.02 || l.Axis.Max < 0.3 || math.Log10(l.Axis.Max/l.Axis.Min) < 1-1e-9 {
		t.Errorf("log range %v", l.Axis)
	}
	if l.Update(-1, 0.1) {
		t.Error("log range took a negative value")
	}
	if l.Update(0.03, 0.25) {
		t.Errorf("small move changed log range to %v", l.Axis)
	}
}

// linear converts an sRGB channel to linear light.
func linear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// lab returns the CIELAB coordinates (D65) of linear RGB.
func lab(r, g, b float64) [3]float64 {
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// cvd holds the colour-vision-deficiency simulation matrices of Machado,
// Oliveira and Fernandes (2009) at severity 1, applied to linear RGB.
var cvd = map[string][3][3]float64{
	"normal":       {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

func seen(c color.RGBA, m [3][3]float64) [3]float64 {
	in := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var out [3]float64
	for i := range out {
		for j := range in {
			out[i] += m[i][j] * in[j]
		}
		out[i] = min(max(out[i], 0), 1)
	}
	return lab(out[0], out[1], out[2])
}

// TestMethodColorsDistinct checks that the method colours differ pairwise
// by a CIELAB distance of at least 15 for normal vision and for simulated
// protanopia, deuteranopia and tritanopia, and stand out against the white
// background (distance at least 20).
func TestMethodColorsDistinct(t *testing.T) {
	ms := sim.AllMethods()
	for name, m := range cvd {
		worst, pair := math.Inf(1), ""
		for i, a := range ms {
			la := seen(MethodColor(a), m)
			if d := dist(la, seen(Background, m)); d < 20 {
				t.Errorf("%s: %s is %.1f from the background", name, a, d)
			}
			for _, b := range ms[i+1:] {
				if d := dist(la, seen(MethodColor(b), m)); d < worst {
					worst, pair = d, a.String()+"/"+b.String()
				}
			}
		}
		t.Logf("%s: closest method colours %s at Delta E %.1f", name, pair, worst)
		if worst < 15 {
			t.Errorf("%s: method colours %s only %.1f apart", name, pair, worst)
		}
	}
	if MethodColor(sim.Method(99)) != Muted {
		t.Error("unknown method is not grey")
	}
}

func dist(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

func TestRampAndViridis(t *testing.T) {
	prevA := -1
	for i := 0; i <= 20; i++ {
		c := Ramp(Blue, float64(i)/20)
		if int(c.A) < prevA {
			t.Errorf("Ramp alpha decreases at %d", i)
		}
		prevA = int(c.A)
	}
	if Ramp(Blue, 0).A != 0 || Ramp(Blue, 1).A != 255 {
		t.Error("Ramp does not go from transparent to opaque")
	}
	// Viridis gets lighter along the map.
	prevL := -1.0
	for i := 0; i <= 20; i++ {
		c := Viridis(float64(i) / 20)
		l := lab(linear(c.R), linear(c.G), linear(c.B))[0]
		if l < prevL-0.5 {
			t.Errorf("viridis lightness drops at %d: %v < %v", i, l, prevL)
		}
		prevL = l
	}
}

func TestSamplerBoundsPoints(t *testing.T) {
	for _, dt := range []float64{0.001, 0.013, 0.1, 0.7} {
		s := NewSampler(10, 100)
		n := 0
		for step := 0; float64(step)*dt <= 10; step++ {
			if s.Due(float64(step) * dt) {
				n++
			}
		}
		want := min(101, int(10/dt)+1)
		if n < want*9/10 || n > 101 {
			t.Errorf("step %v: %d points recorded, want about %d", dt, n, want)
		}
	}
	s := NewSampler(1, 4) // grid 0, 0.25, ...
	s.Due(0)
	s.Halve()
	if s.Dt != 0.5 || s.Next != 0.5 {
		t.Errorf("after Halve: %+v", s)
	}
}

func TestBuffer(t *testing.T) {
	b := NewBuffer(4)
	for i := 0; i < 6; i++ {
		b.Add(float64(i), float64(i*i), 0.5)
	}
	if b.Len() != 4 || !b.Full() {
		t.Fatalf("buffer holds %d", b.Len())
	}
	b.Thin()
	if fmt.Sprint(b.T) != "[0 2]" || fmt.Sprint(b.Y) != "[0 4]" {
		t.Errorf("Thin: %v %v", b.T, b.Y)
	}
	if lo, hi := b.Bounds(2, false); lo != -1 || hi != 5 {
		t.Errorf("Bounds = %v, %v", lo, hi)
	}
	if lo, _ := b.Bounds(2, true); lo != 1 {
		t.Errorf("positive Bounds low = %v", lo)
	}
	if n := testing.AllocsPerRun(100, func() { b.Reset(); b.Add(1, 2, 3) }); n != 0 {
		t.Errorf("Add allocates %v", n)
	}
}

func TestMinMax(t *testing.T) {
	if lo, hi := MinMax([]float64{5, 1, math.NaN(), 3, math.Inf(1), -2}, 1, 2); lo != -2 || hi != 3 {
		t.Errorf("MinMax stride 2 = %v, %v", lo, hi)
	}
	if lo, hi := MinMax([]float64{math.NaN(), math.Inf(-1)}, 0, 1); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("MinMax of no finite value = %v, %v", lo, hi)
	}
}

func TestTrails(t *testing.T) {
	tr := NewTrails(2, 3)
	for i := 0; i < 5; i++ {
		v := float64(i)
		tr.Push([]float64{v, 10 + v, -v, -10 - v}, 2)
	}
	if tr.Len() != 3 {
		t.Fatalf("Len = %d", tr.Len())
	}
	for age := 0; age < 3; age++ {
		x, y := tr.At(1, age)
		v := float64(4 - age)
		if x != -v || y != -10-v {
			t.Errorf("point 1 age %d at (%v, %v), want (%v, %v)", age, x, y, -v, -10-v)
		}
	}
	tr.Push([]float64{1, 2}, 1)
	if x, y := tr.At(1, 0); x != 2 || y != 0 {
		t.Errorf("d = 1: (%v, %v)", x, y)
	}
	if n := testing.AllocsPerRun(100, func() { tr.Push([]float64{1, 2}, 1) }); n > 1 {
		t.Errorf("Push allocates %v", n)
	}
}

func TestMeshEdges(t *testing.T) {
	for _, c := range []struct{ gw, n, want int }{
		{3, 9, 12}, {4, 16, 24}, {3, 7, 8}, {1, 4, 3}, {5, 5, 4}, {0, 9, 0},
	} {
		e := MeshEdges(nil, c.gw, c.n)
		if len(e) != 2*c.want {
			t.Errorf("gw=%d n=%d: %d edges, want %d", c.gw, c.n, len(e)/2, c.want)
		}
		for i := 0; i < len(e); i += 2 {
			a, b := int(e[i]), int(e[i+1])
			if a < 0 || b >= c.n || !(b == a+1 && a/c.gw == b/c.gw || b == a+c.gw) {
				t.Errorf("gw=%d n=%d: bad edge %d-%d", c.gw, c.n, a, b)
			}
		}
	}
}

func TestDensityPixels(t *testing.T) {
	// A bump in the middle of an 8 x 8 grid.
	g := make([]float64, 8*8)
	for j := 0; j < 8; j++ {
		for i := 0; i < 8; i++ {
			g[j*8+i] = max(0, 9-float64((2*i-7)*(2*i-7)+(2*j-7)*(2*j-7))/4)
		}
	}
	pix := make([]byte, 4*8*8)
	DensityPixels(pix, g, 8, 8, Blue, 0)
	var opaque int
	for i := 3; i < len(pix); i += 4 {
		if pix[i] > 0 {
			opaque++
		}
		if pix[i-1] > pix[i] || pix[i-2] > pix[i] || pix[i-3] > pix[i] {
			t.Fatalf("pixel %d is not premultiplied: %v", i/4, pix[i-3:i+1])
		}
	}
	if opaque == 0 {
		t.Error("density image is blank")
	}
}

func TestClipSegment(t *testing.T) {
	r := Rect{0, 0, 10, 10}
	for _, c := range []struct {
		in   [4]float64
		want [4]float64
		ok   bool
	}{
		{[4]float64{1, 1, 9, 9}, [4]float64{1, 1, 9, 9}, true},
		{[4]float64{-5, 5, 15, 5}, [4]float64{0, 5, 10, 5}, true},
		{[4]float64{5, -10, 5, 5}, [4]float64{5, 0, 5, 5}, true},
		{[4]float64{-1, -1, -5, 20}, [4]float64{}, false},
		{[4]float64{-5, 0, 5, 10}, [4]float64{0, 5, 5, 10}, true},
		{[4]float64{11, 11, 20, 20}, [4]float64{}, false},
		{[4]float64{1, 1, math.NaN(), 2}, [4]float64{}, false},
	} {
		x0, y0, x1, y1, ok := ClipSegment(r, c.in[0], c.in[1], c.in[2], c.in[3])
		got := [4]float64{x0, y0, x1, y1}
		if ok != c.ok || ok && got != c.want {
			t.Errorf("ClipSegment(%v) = %v %v, want %v %v", c.in, got, ok, c.want, c.ok)
		}
	}
	// A nearly vertical segment between huge values stays in the rectangle.
	x0, y0, x1, y1, ok := ClipSegment(r, 5, -1e155, 6, 3e154)
	if !ok || !r.Contains(x0, y0) || !r.Contains(x1, y1) {
		t.Errorf("huge segment clipped to (%v, %v)-(%v, %v) %v", x0, y0, x1, y1, ok)
	}
}

func TestAxisTicksReuseLabels(t *testing.T) {
	var at AxisTicks
	a, b := Axis{Min: 0, Max: 1}, Axis{Min: 0, Max: 1.2}
	at.Update(a, 5)
	at.Update(b, 5)
	// Moving between two ranges whose ticks were seen before allocates nothing.
	if n := testing.AllocsPerRun(50, func() { at.Update(a, 5); at.Update(b, 5) }); n != 0 {
		t.Errorf("switching between known ranges allocates %v times", n)
	}
	// Nor does a range that moves on to new values (a growing axis), once
	// the buffers have grown.
	at.Update(Axis{Min: -1e-7, Max: 1e-7}, 8)
	at.Update(Axis{Min: 1e-9, Max: 1e9, Log: true}, 8)
	k := 0
	if n := testing.AllocsPerRun(200, func() {
		k++
		at.Update(Axis{Min: 0, Max: 1 + float64(k)*0.37}, 5)
		at.Update(Axis{Min: 1e-3, Max: float64(k), Log: true}, 5)
	}); n != 0 {
		t.Errorf("new ranges allocate %v times", n)
	}
	at.Update(Axis{Min: 0, Max: 7.4}, 5)
	if got := fmt.Sprint(labels(&at)); got != "[0 1 2 3 4 5 6 7]" {
		t.Errorf("labels after moving: %s", got)
	}
}
