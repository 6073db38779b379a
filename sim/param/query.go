package param

import (
	"fmt"
	"strings"

	"smflow/catalog"
)

// A Pair is one key=value of a query string, both unescaped. Bare is set
// when the key came without '=' ("&embed").
type Pair struct {
	Key, Value string
	Bare       bool
}

// A Query is a query string split into its pairs, in order. It is split
// once (SplitQuery); presets are overlays on it (Overlay) and the command
// line's flags are overrides of it (Set).
type Query []Pair

// SplitQuery splits a query string (with or without a leading '?',
// percent-escaped or not; '+' is a plus sign) into its pairs. Empty parts
// are skipped; keys are trimmed of spaces.
func SplitQuery(s string) Query {
	s = strings.TrimPrefix(strings.TrimSpace(s), "?")
	var q Query
	for part := range strings.SplitSeq(s, "&") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, v, found := strings.Cut(part, "=")
		q = append(q, Pair{Key: strings.TrimSpace(unescape(k)), Value: unescape(v), Bare: !found})
	}
	return q
}

// Get returns the value of the last pair of key.
func (q Query) Get(key string) (string, bool) {
	for i := len(q) - 1; i >= 0; i-- {
		if q[i].Key == key {
			return q[i].Value, true
		}
	}
	return "", false
}

// Set returns a new Query: q without the pairs of key, then key=value.
func (q Query) Set(key, value string) Query {
	out := make(Query, 0, len(q)+1)
	for _, p := range q {
		if p.Key != key {
			out = append(out, p)
		}
	}
	return append(out, Pair{Key: key, Value: value})
}

// Overlay returns a new Query: q overridden by top, that is q without the
// keys that top sets, then top's pairs in order.
func (q Query) Overlay(top Query) Query {
	set := make(map[string]bool, len(top))
	for _, p := range top {
		set[p.Key] = true
	}
	out := make(Query, 0, len(q)+len(top))
	for _, p := range q {
		if !set[p.Key] {
			out = append(out, p)
		}
	}
	return append(out, top...)
}

// String returns the query string of q: key=value pairs (a bare key alone)
// joined by '&', escaped as Escape does.
func (q Query) String() string {
	var b strings.Builder
	for i, p := range q {
		if i > 0 {
			b.WriteByte('&')
		}
		escape(&b, p.Key)
		if !p.Bare {
			b.WriteByte('=')
			escape(&b, p.Value)
		}
	}
	return b.String()
}

// Resolve reads a URL query into Values as the page does, applying a
// preset: when the query names preset=key of its scene (catalog.Scene's
// Preset), the preset's query is the base and the query's keys override it.
// An unknown preset is reported and ignored. Like Parse, Resolve never
// fails; the warnings say what was ignored, clamped or replaced.
func Resolve(query string) (Values, []Warning) { return resolve(SplitQuery(query)) }

// resolve is Resolve of a query split into its pairs.
func resolve(q Query) (Values, []Warning) {
	v, warns := decode(q)
	if v.Preset == "" {
		return v, warns
	}
	sc, _ := catalog.Lookup(v.Scene)
	p, ok := sc.Preset(v.Preset)
	if !ok {
		var keys []string
		for _, p := range sc.Presets {
			keys = append(keys, p.Key)
		}
		msg := fmt.Sprintf("unknown preset %s of scene %s; ignored", v.Preset, v.Scene)
		if len(keys) > 0 {
			msg = fmt.Sprintf("unknown preset %s of scene %s (presets: %s); ignored", v.Preset, v.Scene, strings.Join(keys, ", "))
		}
		warns = append(warns, Warning{Key: "preset", Value: v.Preset, Message: msg})
		v.Preset = ""
		return v, warns
	}
	merged := SplitQuery(p.Query).Overlay(q).Set("scene", v.Scene).Set("preset", p.Key)
	v2, w2 := decode(merged)
	// Keep the first decoding's warnings (they quote the URL as given, e.g.
	// duplicate keys), then any new ones from the preset.
	seen := make(map[string]bool, len(warns))
	for _, w := range warns {
		seen[w.Message] = true
	}
	for _, w := range w2 {
		if !seen[w.Message] {
			warns = append(warns, w)
		}
	}
	return v2, warns
}

// Canonical returns the shortest query string that Resolve reads back to
// v: Encode(v) without a preset; with one, scene and preset followed by the
// keys whose values differ from the preset's.
func Canonical(v Values) string {
	enc := Encode(v)
	if v.Preset == "" {
		return enc
	}
	sc, _ := catalog.Lookup(v.Scene)
	p, ok := sc.Preset(v.Preset)
	if !ok {
		return enc
	}
	base, _ := decode(SplitQuery(p.Query).Set("scene", v.Scene).Set("preset", p.Key))
	mine := valueMap(SplitQuery(enc))
	theirs := valueMap(SplitQuery(Encode(base)))
	out := Query{{Key: "scene", Value: v.Scene}, {Key: "preset", Value: p.Key}}
	for i := range Schema {
		k := Schema[i].Name
		if k == "scene" || k == "preset" {
			continue
		}
		mv, mok := mine[k]
		tv, tok := theirs[k]
		switch {
		case mok && (!tok || mv != tv):
			out = append(out, Pair{Key: k, Value: mv})
		case !mok && tok:
			// The preset changes k, v has the scene default: write it.
			out = append(out, Pair{Key: k, Value: Schema[i].DefaultFor(v.Scene)})
		}
	}
	return out.String()
}

// valueMap maps the keys of q to their values.
func valueMap(q Query) map[string]string {
	m := make(map[string]string, len(q))
	for _, p := range q {
		m[p.Key] = p.Value
	}
	return m
}

// Texts returns the value of every parameter of v as text, as it would be
// written in a query string (unescaped), keyed by parameter name.
func Texts(v Values) map[string]string {
	m := make(map[string]string, len(Schema))
	for i := range Schema {
		p := &Schema[i]
		m[p.Name] = p.DefaultFor(v.Scene)
	}
	m["scene"] = v.Scene
	for _, p := range SplitQuery(Encode(v)) {
		m[p.Key] = p.Value
	}
	return m
}

// With returns the query string query with key set to the (unescaped)
// value, replacing any earlier value of key.
func With(query, key, value string) string {
	return SplitQuery(query).Set(key, value).String()
}
