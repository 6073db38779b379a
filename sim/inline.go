package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxInlineValues bounds the numbers of inline data (ReadInline).
const MaxInlineValues = 256

// InlineHeader returns the CSV header line that inline data of spec's
// problem are read with (ReadInline). The rule follows the problem's
// columns (Problem.Columns): scalar data (quad) are "xi"; vector data
// (shift) are "xi1,...,xid" with d = spec.Dim ("xi" when d = 1); regression
// data are "x1,y", or "x1,x2,y" when the problem reads din and spec.Din = 2.
func InlineHeader(spec ProblemSpec) (string, error) {
	p, err := LookupProblem(spec.Name)
	if err != nil {
		return "", err
	}
	switch {
	case strings.HasPrefix(p.Columns, "xi1"):
		if spec.Dim <= 1 {
			return "xi", nil
		}
		cols := make([]string, spec.Dim)
		for i := range cols {
			cols[i] = "xi" + strconv.Itoa(i+1)
		}
		return strings.Join(cols, ","), nil
	case strings.HasPrefix(p.Columns, "x1"):
		if p.Uses("din") && spec.Din == 2 {
			return "x1,x2,y", nil
		}
		return "x1,y", nil
	}
	return "xi", nil
}

// ReadInline reads inline data: rows separated by ';', values by ',', in
// the column order of InlineHeader(spec), at most MaxInlineValues numbers.
// The rows are read as the lines of a CSV text after that header line
// (ReadCSV), so errors are *CSVError values named "inline data" whose line
// 1 is the header: the first row is line 2.
func ReadInline(spec ProblemSpec, rows string) (*Data, error) {
	header, err := InlineHeader(spec)
	if err != nil {
		return nil, err
	}
	fail := func(format string, args ...any) error {
		return &CSVError{Name: "inline data", Msg: fmt.Sprintf(format, args...)}
	}
	if strings.ContainsAny(rows, "\n\r\"#") {
		return nil, fail("line breaks, quotes and # are not allowed (rows are separated by ';')")
	}
	if n := strings.Count(rows, ",") + strings.Count(rows, ";") + 1; n > MaxInlineValues+MaxInlineValues/2 {
		return nil, fail("more than %d numbers", MaxInlineValues)
	}
	var b strings.Builder
	b.WriteString(header)
	values := 0
	for r := range strings.SplitSeq(rows, ";") {
		b.WriteByte('\n')
		b.WriteString(r)
		if strings.TrimSpace(r) != "" {
			values += strings.Count(r, ",") + 1
		}
	}
	if values > MaxInlineValues {
		return nil, fail("%d numbers, at most %d", values, MaxInlineValues)
	}
	d, err := ReadCSV(strings.NewReader(b.String()))
	if ce, ok := err.(*CSVError); ok {
		ce.Name = "inline data"
	}
	return d, err
}

// FormatInline returns d as inline rows (ReadInline reads them back to the
// same numbers), or "" when d has more than MaxInlineValues numbers.
func FormatInline(d *Data) string {
	if d == nil || d.N == 0 {
		return ""
	}
	width := 1
	if d.Xi == nil {
		width = d.Din
		if d.Y != nil {
			width++
		}
	}
	if d.N*width > MaxInlineValues {
		return ""
	}
	var buf []byte
	for j := range d.N {
		if j > 0 {
			buf = append(buf, ';')
		}
		buf = appendRow(buf, d, j)
	}
	return string(buf)
}
