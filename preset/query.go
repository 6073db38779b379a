package preset

import (
	"fmt"
	"strings"

	"smflow/sim/param"
)

// A Lister lists the presets of a scene (For, or a table of a test's own).
type Lister func(scene string) []Preset

// Resolve reads a URL query into Values, applying a preset: when the query
// names preset=key of its scene (Find), the preset's query is the base
// and the query's other keys override it. An unknown preset is reported and ignored.
// Like param.Parse, Resolve never fails; the warnings say what was ignored,
// clamped or replaced.
func Resolve(query string, presets Lister) (param.Values, []param.Warning) {
	v, warns := param.Parse(query)
	if v.Preset == "" || presets == nil {
		return v, warns
	}
	p, ok := Find(presets(v.Scene), v.Preset)
	if !ok {
		var names []string
		for _, q := range presets(v.Scene) {
			names = append(names, q.Key)
		}
		msg := fmt.Sprintf("unknown preset %s of scene %s; ignored", v.Preset, v.Scene)
		if len(names) > 0 {
			msg = fmt.Sprintf("unknown preset %s of scene %s (presets: %s); ignored", v.Preset, v.Scene, strings.Join(names, ", "))
		}
		warns = append(warns, param.Warning{Key: "preset", Value: v.Preset, Message: msg})
		v.Preset = ""
		return v, warns
	}
	// The preset's pairs, overridden by the query's (last one wins).
	merged := pairs(p.Query)
	for _, kv := range pairs(query) {
		merged = setPair(merged, kv[0], kv[1])
	}
	merged = setPair(merged, "scene", v.Scene)
	merged = setPair(merged, "preset", p.Key)
	v2, w2 := param.Parse(joinPairs(merged))
	// Keep the first parse's warnings (they quote the URL as given, e.g.
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

// Canonical returns the shortest query string that Resolve reads back to v:
// param.Encode(v) without a preset; with one, scene and preset followed by
// the keys whose values differ from the preset's.
func Canonical(v param.Values, presets Lister) string {
	enc := param.Encode(v)
	if v.Preset == "" || presets == nil {
		return enc
	}
	p, ok := Find(presets(v.Scene), v.Preset)
	if !ok {
		return enc
	}
	base, _ := param.Parse(joinPairs(setPair(setPair(pairs(p.Query), "scene", v.Scene), "preset", p.Key)))
	mine := pairMap(enc)
	theirs := pairMap(param.Encode(base))
	var b strings.Builder
	add := func(k, val string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(val)
	}
	add("scene", v.Scene)
	add("preset", param.Escape(p.Key))
	for i := range param.Schema {
		k := param.Schema[i].Name
		if k == "scene" || k == "preset" {
			continue
		}
		mv, mok := mine[k]
		tv, tok := theirs[k]
		switch {
		case mok && (!tok || mv != tv):
			add(k, mv)
		case !mok && tok:
			// The preset changes k, v has the scene default: write it.
			add(k, param.Escape(param.Schema[i].DefaultFor(v.Scene)))
		}
	}
	return b.String()
}

// Texts returns the value of every parameter of v as text, as it would be
// written in a query string (unescaped), keyed by parameter name.
func Texts(v param.Values) map[string]string {
	m := make(map[string]string, len(param.Schema))
	for i := range param.Schema {
		p := &param.Schema[i]
		m[p.Name] = p.DefaultFor(v.Scene)
	}
	m["scene"] = v.Scene
	for _, kv := range pairs(param.Encode(v)) {
		m[kv[0]] = kv[1]
	}
	return m
}

// With returns the query q with key set to the (unescaped) value val,
// replacing any earlier value of key.
func With(q, key, val string) string {
	return joinPairs(setPair(pairs(q), key, val))
}

// pairs splits a query string into unescaped key, value pairs (a bare key
// gets the value "1").
func pairs(q string) [][2]string {
	q = strings.TrimPrefix(strings.TrimSpace(q), "?")
	var out [][2]string
	for part := range strings.SplitSeq(q, "&") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, v, found := strings.Cut(part, "=")
		if !found {
			v = "1"
		}
		out = append(out, [2]string{strings.TrimSpace(param.Unescape(k)), param.Unescape(v)})
	}
	return out
}

// pairMap maps the keys of a query to their escaped values.
func pairMap(q string) map[string]string {
	m := map[string]string{}
	for part := range strings.SplitSeq(q, "&") {
		if k, v, ok := strings.Cut(part, "="); ok {
			m[k] = v
		}
	}
	return m
}

// setPair replaces the value of key in ps, or appends the pair.
func setPair(ps [][2]string, key, val string) [][2]string {
	out := ps[:0:0]
	for _, kv := range ps {
		if kv[0] != key {
			out = append(out, kv)
		}
	}
	return append(out, [2]string{key, val})
}

func joinPairs(ps [][2]string) string {
	var b strings.Builder
	for i, kv := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(param.Escape(kv[0]))
		b.WriteByte('=')
		b.WriteString(param.Escape(kv[1]))
	}
	return b.String()
}
