package param

import "strings"

// Encode returns the canonical query string of v (without '?'): the
// parameters whose values differ from the defaults of v's scene, in schema
// order, as key=value joined by '&' (the scene comes first, unless it is the
// default scene; the default methods are the scene's that run on v's
// problem). Numbers are written in the shortest form that reads back
// exactly, so Parse(Encode(v)) equals v for every valid v. Encode does not
// validate v (see Check); Encode(Defaults(s)) is "" or "scene=s".
func Encode(v Values) string {
	d := Defaults(v.Scene)
	// The default methods are those of the scene that run on v's problem.
	dp := d
	dp.Problem = v.Problem
	d.Methods = Schema[index["methods"]].defaultItems(&dp)
	d.Scene = Schema[index["scene"]].Default
	var b strings.Builder
	for i := range Schema {
		p := &Schema[i]
		s := p.format(&v)
		if s == p.format(&d) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		escape(&b, s)
	}
	return b.String()
}

// Escape returns s with every byte other than letters, digits and -._~,;/:
// percent-escaped, as Encode writes values (a path such as data/x.csv and
// inline:0.2;0.9 stay readable: '/' and ':' are allowed in a query, RFC 3986
// section 3.4).
func Escape(s string) string {
	var b strings.Builder
	escape(&b, s)
	return b.String()
}

// escape writes s to b with every byte other than letters, digits and
// -._~,;/: percent-escaped (so a '+' is written %2B).
func escape(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~,;/:", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}
