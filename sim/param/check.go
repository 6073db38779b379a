package param

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"smflow/catalog"
	"smflow/sim"
)

// Check validates v against the schema and the rules that tie parameters
// together, repairs it and returns a warning for every repair:
//
//   - a value out of range is clamped, an unknown choice or a non-finite
//     number is replaced by the default of the scene;
//   - a scene takes the problems of its kind (catalog.Scene's Problems;
//     else the scene's default problem);
//   - methods must run on the scene's problems (catalog.Scene's Methods);
//     others and repeated ones are dropped, and if none is left the scene's default
//     list is used; hide lists parameter names;
//   - each row of points must have finite coordinates within the range,
//     and there are at most 4096 rows; other rows are dropped (the number
//     of coordinates is checked by Config, once the data are known);
//   - the work is bounded (see MaxPairs and MaxState): M, then N, then
//     reps are lowered until one evaluation touches at most MaxPairs
//     (particle, data point) pairs and one method's state holds at most
//     MaxState numbers.
//
// Check finds nothing in the result of Parse or Defaults.
func (v *Values) Check() []Warning {
	w := newWarner()
	v.check(w)
	return w.done()
}

// check validates every parameter in schema order.
func (v *Values) check(w *warner) {
	for i := range Schema {
		p := &Schema[i]
		p.fix(v, p.format(v), w)
	}
	v.limitWork(w)
}

// MaxPairs bounds the (particle, data point) pairs of one evaluation of a
// replica's vector fields: the network caches three numbers per pair and
// SME draws one weight per pair.
const MaxPairs = 1 << 21

// MaxState bounds the numbers of one method's state (replicas x particles x
// coordinates).
const MaxState = 1 << 23

// limitWork lowers M, N and reps until the configuration fits MaxPairs and
// MaxState.
func (v *Values) limitWork(w *warner) {
	n := v.NPoints
	if len(v.Points) > 0 {
		n = len(v.Points)
	}
	particles := n
	if p, err := sim.LookupProblem(v.Problem); err == nil && p.Network && len(v.Points) == 0 && v.NFlow > n {
		particles = v.NFlow
	}
	if particles*v.NData > MaxPairs && particles > n {
		m := max(n, MaxPairs/v.NData)
		w.add("M", strconv.Itoa(v.NFlow), "M=%d with N=%d is %d particle-data pairs per evaluation (at most %d); using M=%d", v.NFlow, v.NData, particles*v.NData, MaxPairs, m)
		v.NFlow, particles = m, m
	}
	if particles*v.NData > MaxPairs {
		nd := MaxPairs / particles
		w.add("N", strconv.Itoa(v.NData), "N=%d with %d particles is %d particle-data pairs per evaluation (at most %d); using N=%d", v.NData, particles, particles*v.NData, MaxPairs, nd)
		v.NData = nd
	}
	if d := max(PointDim(*v), 1); v.Reps*particles*d > MaxState {
		r := max(1, MaxState/(particles*d))
		w.add("reps", strconv.Itoa(v.Reps), "reps=%d of %d particles in dimension %d is more than %d numbers per method; using reps=%d", v.Reps, particles, d, MaxState, r)
		v.Reps = r
	}
}

// fix validates p's field of v and repairs it with a warning; shown is the
// value as given (for the messages of scalar parameters).
func (p *Param) fix(v *Values, shown string, w *warner) {
	switch x := p.ptr(v).(type) {
	case *string:
		switch p.Type {
		case TypeEnum:
			choices := p.Choices(v.Scene)
			if slices.Contains(choices, *x) {
				return
			}
			known := slices.Contains(p.Enum, *x)
			p.reset(v)
			if known {
				w.add(p.Name, shown, "%s=%s is not available in scene %s (choices: %s); using %s",
					p.Name, show(shown), v.Scene, list(choices), p.describe(*x))
			} else {
				w.add(p.Name, shown, "%s=%s is not one of %s; using %s", p.Name, show(shown), list(choices), p.describe(*x))
			}
		case TypeData:
			if msg := CheckData(*x); msg != "" {
				*x = ""
				w.add(p.Name, shown, "data=%s %s; using generated data", show(shown), msg)
			}
		case TypeView:
			if msg := CheckView(x); msg != "" {
				*x = ""
				w.add(p.Name, shown, "view=%s %s; using the automatic window", show(shown), msg)
			}
		case TypeText:
			if len(*x) <= p.MaxLen && strings.Trim(*x, "abcdefghijklmnopqrstuvwxyz0123456789-") == "" {
				return
			}
			p.reset(v)
			w.add(p.Name, shown, "%s=%s is not a valid name (at most %d of a-z, 0-9 and -); using %s",
				p.Name, show(shown), p.MaxLen, p.describe(*x))
		}
	case *float64:
		if math.IsNaN(*x) || math.IsInf(*x, 0) {
			p.reset(v)
			w.add(p.Name, shown, "%s=%s is not a finite number; using %s", p.Name, show(shown), p.describe(p.format(v)))
			return
		}
		*x = p.clamp(v, *x, shown, w) + 0 // +0 turns -0 into 0
	case *int:
		f := p.clamp(v, float64(*x), shown, w)
		*x = int(f)
	case *[]string:
		p.fixList(v, x, w)
	case *[][]float64:
		p.fixPoints(v, x, w)
	}
}

// clamp returns x clamped to p's range (0 is kept when p.Zero is set, and
// values below 0 then become 0), with a warning that quotes shown.
func (p *Param) clamp(v *Values, x float64, shown string, w *warner) float64 {
	lo, hi := p.Min, p.Max
	if p.Zero != "" {
		if x == 0 {
			return x
		}
		if x < 0 {
			lo = 0
		}
	}
	switch {
	case x < lo:
		w.add(p.Name, shown, "%s=%s is below %s; using %s", p.Name, show(shown), fmtFloat(lo), p.describe(fmtFloat(lo)))
		return lo
	case x > hi:
		w.add(p.Name, shown, "%s=%s is above %s; using %s", p.Name, show(shown), fmtFloat(hi), p.describe(fmtFloat(hi)))
		return hi
	}
	return x
}

// fixList drops the items of a list that are not among the choices of the
// scene and the problem (ItemChoices) or repeat an earlier one; an empty
// list gets the scene's default, without the items that do not apply to the
// problem (or, if that leaves none, every choice), if the default is not
// empty.
func (p *Param) fixList(v *Values, x *[]string, w *warner) {
	choices := p.ItemChoices(v)
	var out []string
	changed := false
	for _, it := range *x {
		switch {
		case slices.Contains(out, it):
			w.add(p.Name, it, "%s: %s is listed twice; dropped", p.Name, show(it))
		case slices.Contains(choices, it):
			out = append(out, it)
			continue
		case slices.Contains(p.Choices(v.Scene), it):
			w.add(p.Name, it, "%s: %s does not run on problem %s (choices: %s); dropped", p.Name, show(it), v.Problem, list(choices))
		case slices.Contains(p.Enum, it):
			w.add(p.Name, it, "%s: %s is not available in scene %s (choices: %s); dropped", p.Name, show(it), v.Scene, list(choices))
		case p.Name == "hide":
			w.add(p.Name, it, "%s: %s is not a parameter; dropped", p.Name, show(it))
		default:
			w.add(p.Name, it, "%s: %s is not one of %s; dropped", p.Name, show(it), list(choices))
		}
		changed = true
	}
	if len(out) == 0 && p.DefaultFor(v.Scene) != "" {
		*x = p.defaultItems(v)
		if changed {
			w.add(p.Name, "", "%s: none left; using %s", p.Name, p.format(v))
		} else {
			w.add(p.Name, "", "%s is empty; using %s", p.Name, p.format(v))
		}
		return
	}
	if changed || len(out) == 0 {
		*x = out
	}
}

// fixPoints drops rows of points beyond MaxLen, rows without coordinates
// and rows with a coordinate that is not finite or out of range. The number
// of coordinates of a point is checked by Config, once the data set is known.
func (p *Param) fixPoints(v *Values, x *[][]float64, w *warner) {
	var out [][]float64
	changed := false
	for i, r := range *x {
		switch {
		case i >= p.MaxLen:
			w.add(p.Name, "", "points: more than %d rows; the last %d are dropped", p.MaxLen, len(*x)-p.MaxLen)
		case len(r) == 0:
			w.add(p.Name, "", "points: row %d has no coordinates; dropped", i+1)
		case slices.ContainsFunc(r, func(c float64) bool { return !(c >= p.Min && c <= p.Max) }):
			w.add(p.Name, fmtRow(r), "points: row %d (%s) has a coordinate outside %s..%s; dropped", i+1, show(fmtRow(r)), fmtFloat(p.Min), fmtFloat(p.Max))
		default:
			for j := range r {
				r[j] += 0 // turns -0 into 0
			}
			out = append(out, r)
			continue
		}
		changed = true
		if i >= p.MaxLen {
			break
		}
	}
	if changed || len(out) == 0 {
		*x = out
	}
}

// defaultItems returns the default of the list p for the values v: the
// scene's default without the items that do not apply to v's problem, or,
// if that leaves none, every item that does (ItemChoices).
func (p *Param) defaultItems(v *Values) []string {
	choices := p.ItemChoices(v)
	var out []string
	for it := range strings.SplitSeq(p.DefaultFor(v.Scene), ",") {
		if it != "" && slices.Contains(choices, it) {
			out = append(out, it)
		}
	}
	if len(out) == 0 {
		out = slices.Clone(choices)
	}
	return out
}

// reset sets p's field of v to its default in v's scene.
func (p *Param) reset(v *Values) {
	d, ok := defaults[v.Scene]
	if !ok {
		d = defaults[catalog.Keys()[0]]
	}
	switch x := p.ptr(v).(type) {
	case *string:
		*x = *p.ptr(&d).(*string)
	case *float64:
		*x = *p.ptr(&d).(*float64)
	case *int:
		*x = *p.ptr(&d).(*int)
	case *uint64:
		*x = *p.ptr(&d).(*uint64)
	case *bool:
		*x = *p.ptr(&d).(*bool)
	case *[]string:
		*x = cloneStrings(*p.ptr(&d).(*[]string))
	case *[][]float64:
		*x = d.clone().Points
	}
}

// describe returns a value of p, as text, for a message.
func (p *Param) describe(s string) string {
	switch {
	case s == "":
		return "none"
	case p.Zero != "" && s == "0":
		return "0 (" + p.Zero + ")"
	}
	return show(s)
}

// format returns p's value in v in canonical query form.
func (p *Param) format(v *Values) string {
	switch x := p.ptr(v).(type) {
	case *string:
		return *x
	case *float64:
		return fmtFloat(*x)
	case *int:
		return strconv.Itoa(*x)
	case *uint64:
		return strconv.FormatUint(*x, 10)
	case *bool:
		if *x {
			return "1"
		}
		return "0"
	case *[]string:
		return strings.Join(*x, ",")
	case *[][]float64:
		var b strings.Builder
		for i, r := range *x {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(fmtRow(r))
		}
		return b.String()
	}
	return ""
}

// fmtRow formats one point as x1,x2,...
func fmtRow(r []float64) string {
	var b strings.Builder
	for j, c := range r {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteString(fmtFloat(c))
	}
	return b.String()
}

// coords returns "1 coordinate" or "n coordinates".
func coords(n int) string {
	if n == 1 {
		return "1 coordinate"
	}
	return strconv.Itoa(n) + " coordinates"
}
