package param

import (
	"errors"
	"math"
	"net/url"
	"strconv"
	"strings"
)

// Parse reads a URL query string (with or without a leading '?',
// percent-escaped or not; see the package documentation for the syntax)
// into Values. It never fails: unknown keys, values that do not parse, that
// are not finite, out of range (clamped) or not among the choices (the
// default is used), and list items or points that are invalid (dropped) are
// reported as warnings, and the result is always valid (Check finds
// nothing). The scene is read first; absent parameters take the defaults of
// that scene.
func Parse(query string) (Values, []Warning) { return decode(SplitQuery(query)) }

// decode reads the pairs of a query into Values (see Parse).
func decode(pairs Query) (Values, []Warning) {
	w := newWarner()
	// The last occurrence of a key wins.
	last := make(map[string]int, len(pairs))
	count := make(map[string]int, len(pairs))
	for i, pr := range pairs {
		last[pr.Key] = i
		count[pr.Key]++
	}
	for i, pr := range pairs {
		if _, known := index[pr.Key]; known {
			if i == last[pr.Key] && count[pr.Key] > 1 {
				w.add(pr.Key, pr.Value, "%s is given %d times; using the last value %s", pr.Key, count[pr.Key], show(pr.Value))
			}
			continue
		}
		if i != last[pr.Key] {
			continue
		}
		switch {
		case pr.Key == "":
			w.add(pr.Key, pr.Value, "the value %s has no parameter name; ignored", show(pr.Value))
		default:
			msg := "unknown parameter %s; ignored"
			if s := suggest(pr.Key); s != "" {
				msg = "unknown parameter %s (did you mean " + s + "?); ignored"
			}
			w.add(pr.Key, pr.Value, msg, show(pr.Key))
		}
	}

	// The scene first, then its defaults, then the other keys in the
	// order given, and points last (their length depends on the problem).
	v := Defaults("")
	if i, ok := last["scene"]; ok {
		p, _ := Lookup("scene")
		p.decode(&v, pairs[i].Value, pairs[i].Bare, w)
		v = Defaults(v.Scene)
	}
	for i, pr := range pairs {
		if i != last[pr.Key] || pr.Key == "scene" || pr.Key == "methods" || pr.Key == "points" {
			continue
		}
		if p, ok := Lookup(pr.Key); ok {
			p.decode(&v, pr.Value, pr.Bare, w)
		}
	}
	// The methods after the problem (which of them run depends on it): the
	// scene's default methods that run on the problem unless given.
	me, _ := Lookup("methods")
	if i, ok := last["methods"]; ok {
		me.decode(&v, pairs[i].Value, pairs[i].Bare, w)
	} else {
		v.Methods = me.defaultItems(&v)
	}
	if i, ok := last["points"]; ok {
		p, _ := Lookup("points")
		p.decode(&v, pairs[i].Value, pairs[i].Bare, w)
	}
	v.check(w) // finds nothing unless a rule above is incomplete
	return v, w.done()
}

// Unescape decodes %XX escapes as Parse does; '+' stays a plus sign. Text
// with invalid escapes is returned as given.
func Unescape(s string) string { return unescape(s) }

// unescape decodes %XX escapes; '+' stays a plus sign. Text with invalid
// escapes is returned as given (and will then fail to parse as a value).
func unescape(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	u, err := url.PathUnescape(s)
	if err != nil {
		return s
	}
	return u
}

// suggest returns the key that equals k but for case, if there is one.
func suggest(k string) string {
	for i := range Schema {
		if strings.EqualFold(Schema[i].Name, k) {
			return Schema[i].Name
		}
	}
	return ""
}

// decode sets p's field of v from text, the value as given in a query
// (bare: the key came without '='), then validates it (fix), so that the
// field is valid afterwards. Warnings quote text.
func (p *Param) decode(v *Values, text string, bare bool, w *warner) {
	text = strings.TrimSpace(text)
	if text == "" {
		switch p.Type {
		case TypeBool:
			*p.ptr(v).(*bool) = true // "&embed" and "&embed=" mean embed=1
			return
		case TypeEnum, TypeFloat, TypeInt, TypeUint:
			how := "is empty"
			if bare {
				how = "has no value"
			}
			p.reset(v)
			w.add(p.Name, text, "%s %s; using %s", p.Name, how, p.describe(p.format(v)))
			return
		}
	}
	switch x := p.ptr(v).(type) {
	case *string:
		if p.Type == TypeEnum {
			text = canonical(p.Enum, text)
		}
		*x = text
		p.fix(v, text, w)
	case *float64:
		f, ok := p.number(v, text, w)
		if !ok {
			return
		}
		*x = f
		p.fix(v, text, w)
	case *int:
		f, ok := p.number(v, text, w)
		if !ok {
			return
		}
		f = p.clamp(v, f, text, w)
		if r := math.Round(f); r != f {
			w.add(p.Name, text, "%s=%s is not a whole number; using %s", p.Name, show(text), fmtFloat(r))
			f = r
		}
		*x = int(f)
		p.fix(v, text, w)
	case *uint64:
		u, err := strconv.ParseUint(text, 10, 64)
		switch {
		case err == nil:
			*x = u
		case errors.Is(err, strconv.ErrRange):
			*x = math.MaxUint64
			w.add(p.Name, text, "%s=%s is above %d; using %d", p.Name, show(text), uint64(math.MaxUint64), uint64(math.MaxUint64))
		default:
			f, ok := p.number(v, text, w)
			if !ok {
				return
			}
			switch {
			case f < 0:
				*x = 0
				w.add(p.Name, text, "%s=%s is below 0; using 0", p.Name, show(text))
			case f >= 1<<64:
				*x = math.MaxUint64
				w.add(p.Name, text, "%s=%s is above %d; using %d", p.Name, show(text), uint64(math.MaxUint64), uint64(math.MaxUint64))
			default:
				r := math.Round(f)
				if r != f {
					w.add(p.Name, text, "%s=%s is not a whole number; using %s", p.Name, show(text), fmtFloat(r))
				}
				*x = uint64(r) // exact: r is a whole number below 2^64
			}
		}
	case *bool:
		switch strings.ToLower(text) {
		case "1", "true":
			*x = true
		case "0", "false":
			*x = false
		default:
			p.reset(v)
			w.add(p.Name, text, "%s=%s is not 1, 0, true or false; using %s", p.Name, show(text), p.format(v))
		}
	case *[]string:
		var items []string
		for it := range strings.SplitSeq(text, ",") {
			it = strings.TrimSpace(it)
			if it == "" {
				continue
			}
			if p.Name != "hide" { // hide lists keys, which are case-sensitive
				it = canonical(p.Enum, it)
			}
			items = append(items, it)
		}
		*x = items
		p.fix(v, "", w)
	case *[][]float64:
		var rows [][]float64
		extra := 0
		for i, r := range strings.Split(text, ";") {
			r = strings.TrimSpace(r)
			switch {
			case r == "":
				continue
			case len(rows) >= p.MaxLen:
				extra++
				continue
			}
			row := make([]float64, 0, strings.Count(r, ",")+1)
			for c := range strings.SplitSeq(r, ",") {
				f, err := strconv.ParseFloat(strings.TrimSpace(c), 64)
				if err != nil && !errors.Is(err, strconv.ErrRange) {
					row = nil
					break
				}
				row = append(row, f+0) // +0 turns -0 into 0
			}
			if row == nil {
				w.add(p.Name, r, "points: row %d (%s) is not a list of numbers; dropped", i+1, show(r))
				continue
			}
			rows = append(rows, row)
		}
		if extra > 0 {
			w.add(p.Name, "", "points: more than %d rows; the last %d are dropped", p.MaxLen, extra)
		}
		*x = rows
		p.fix(v, "", w)
	}
}

// number parses text as a finite float64 for p; an overflow gives
// +-MaxFloat64 (to be clamped). If text is not a finite number, it resets
// p's field to its default, warns and returns false.
func (p *Param) number(v *Values, text string, w *warner) (float64, bool) {
	f, err := strconv.ParseFloat(text, 64)
	var msg string
	switch {
	case errors.Is(err, strconv.ErrRange):
		return math.Max(-math.MaxFloat64, math.Min(f, math.MaxFloat64)), true
	case err != nil:
		msg = "%s=%s is not a number; using %s"
	case math.IsNaN(f) || math.IsInf(f, 0):
		msg = "%s=%s is not a finite number; using %s"
	default:
		return f + 0, true // +0 turns -0 into 0
	}
	p.reset(v)
	w.add(p.Name, text, msg, p.Name, show(text), p.describe(p.format(v)))
	return 0, false
}

// canonical returns the item of enum that equals s, or else the only one
// that equals s but for case, or else s.
func canonical(enum []string, s string) string {
	match := ""
	for _, e := range enum {
		if e == s {
			return s
		}
		if strings.EqualFold(e, s) {
			if match != "" {
				return s
			}
			match = e
		}
	}
	if match != "" {
		return match
	}
	return s
}
