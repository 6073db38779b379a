package sim

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// A CSVError is an error in a CSV data file, at a line (1-based; 0 for the
// file as a whole) and, where known, in a column. ReadCSV names the file
// "data.csv"; a caller that knows the real name may set Name (find the error
// with errors.As).
type CSVError struct {
	Name   string
	Line   int
	Column string
	Msg    string
}

// Error returns, for example, `data.csv line 7: column y: "abc" is not a
// number`.
func (e *CSVError) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
	}
	b.WriteString(": ")
	if e.Column != "" {
		b.WriteString("column " + cutField(e.Column) + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// maxEcho is the number of characters of a field that an error message
// repeats: a longer field is cut there, with "…" after it, so that a 5 MB
// field gives a short message.
const maxEcho = 40

// cutField returns f, or its first maxEcho characters followed by "…".
func cutField(f string) string {
	n := 0
	for i := range f {
		if n == maxEcho {
			return strings.ToValidUTF8(f[:i], "") + "…"
		}
		n++
	}
	return f
}

// quoteField returns f quoted as %q does, cut by cutField (the "…" outside
// the quotes).
func quoteField(f string) string {
	c := cutField(f)
	if c == f {
		return strconv.Quote(f)
	}
	return strconv.Quote(strings.TrimSuffix(c, "…")) + "…"
}

// csvColumns is the meaning of a header line.
type csvColumns struct {
	kind  int   // csvScalar, csvVector or csvRegression
	dim   int   // number of xi or x columns
	index []int // index[c] = destination of column c: 0..dim-1, or dim for y
	names []string
}

const (
	csvScalar = iota
	csvVector
	csvRegression
)

// ReadCSV reads a data set from CSV text: a header line naming the columns,
// then one data point a line. The columns are
//
//	xi                 scalar data, stored in Xi;
//	xi1, ..., xid      vectors xi in R^d, stored in X with Din = d;
//	x1 [, x2], y       regression data, in X and Y
//	                   (x may stand for x1).
//
// Column names are case-insensitive and may come in any order; fields are
// separated by commas and may be quoted; blank lines and lines starting with
// # are skipped. Every value must be a finite number; at most MaxDataRows
// data points are read. Errors are *CSVError values naming the line, such as
// `data.csv line 7: column y: "abc" is not a number`.
func ReadCSV(r io.Reader) (*Data, error) {
	const name = "data.csv"
	fail := func(line int, col, format string, args ...any) error {
		return &CSVError{Name: name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
	}
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.Comment = '#'
	cr.ReuseRecord = true
	read := func() ([]string, error) {
		rec, err := cr.Read()
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fail(pe.Line, "", "%v", pe.Err)
		}
		if err != nil && err != io.EOF {
			return nil, &CSVError{Name: name, Msg: err.Error()}
		}
		return rec, err
	}

	rec, err := read()
	if err == io.EOF {
		return nil, fail(0, "", "empty file (want a header line such as xi, or x1,y)")
	}
	if err != nil {
		return nil, err
	}
	hline, _ := cr.FieldPos(0)
	cols, msg := parseCSVHeader(rec)
	if msg != "" {
		return nil, fail(hline, "", "%s", msg)
	}

	d := &Data{}
	width := len(cols.index)
	row := make([]float64, width)
	for {
		rec, err := read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != width {
			return nil, fail(line, "", "%d fields, want %d (%s)", len(rec), width, strings.Join(cols.names, ","))
		}
		if d.N == MaxDataRows {
			return nil, fail(line, "", "more than %d data rows", MaxDataRows)
		}
		for c, f := range rec {
			fline, _ := cr.FieldPos(c)
			v, msg := parseCSVNumber(f)
			if msg != "" {
				return nil, fail(fline, cols.names[c], "%s", msg)
			}
			row[cols.index[c]] = v
		}
		switch cols.kind {
		case csvScalar:
			d.Xi = append(d.Xi, row[0])
		case csvVector:
			d.X = append(d.X, row...)
		case csvRegression:
			d.X = append(d.X, row[:cols.dim]...)
			d.Y = append(d.Y, row[cols.dim])
		}
		d.N++
	}
	if d.N == 0 {
		return nil, fail(0, "", "no data rows after the header line")
	}
	if cols.kind != csvScalar {
		d.Din = cols.dim
	}
	return d, nil
}

// parseCSVHeader returns the meaning of the header fields, or a message
// saying what is wrong with them.
func parseCSVHeader(rec []string) (csvColumns, string) {
	const want = "(want xi; or xi1, xi2, ...; or x1, y or x1, x2, y)"
	if len(rec) > 0 {
		if _, err := strconv.ParseFloat(strings.TrimSpace(rec[0]), 64); err == nil {
			return csvColumns{}, "no header line " + want
		}
	}
	cols := csvColumns{kind: -1, index: make([]int, len(rec)), names: make([]string, len(rec))}
	seen := map[string]bool{}
	var xs, xis []int // column numbers by index-1
	hasY := false
	for c, f := range rec {
		n := strings.ToLower(strings.TrimSpace(f))
		cols.names[c] = n
		if n == "" {
			return cols, fmt.Sprintf("column %d has no name %s", c+1, want)
		}
		if seen[n] || (n == "x" && seen["x1"]) || (n == "x1" && seen["x"]) {
			return cols, fmt.Sprintf("column %s appears twice", cutField(n))
		}
		seen[n] = true
		var kind int
		var idx int
		switch {
		case n == "xi":
			kind, idx = csvScalar, 1
		case n == "y":
			kind, hasY = csvRegression, true
		case n == "x":
			kind, idx = csvRegression, 1
		case strings.HasPrefix(n, "xi"):
			kind, idx = csvVector, columnIndex(n[2:])
		case strings.HasPrefix(n, "x"):
			kind, idx = csvRegression, columnIndex(n[1:])
		default:
			return cols, fmt.Sprintf("unknown column %s %s", quoteField(f), want)
		}
		if n != "y" && idx < 1 {
			return cols, fmt.Sprintf("unknown column %s %s", quoteField(f), want)
		}
		if cols.kind >= 0 && kind != cols.kind {
			return cols, fmt.Sprintf("columns %s and %s do not go together %s", cutField(cols.names[0]), cutField(n), want)
		}
		cols.kind = kind
		switch {
		case n == "y":
		case kind == csvRegression:
			xs = growSet(xs, idx, c)
		default:
			xis = growSet(xis, idx, c)
		}
	}
	switch cols.kind {
	case csvScalar:
		if len(rec) != 1 {
			return cols, "column xi must be the only column"
		}
		cols.dim = 1
	case csvVector:
		if len(xis) > MaxDim {
			return cols, fmt.Sprintf("%d columns xi1..xi%d, at most %d allowed", len(xis), len(xis), MaxDim)
		}
		for i, c := range xis {
			if c < 0 {
				return cols, fmt.Sprintf("column xi%d is missing", i+1)
			}
			cols.index[c] = i
		}
		cols.dim = len(xis)
	case csvRegression:
		if !hasY {
			return cols, "column y is missing"
		}
		if len(xs) == 0 {
			return cols, "column x1 is missing"
		}
		if len(xs) > 2 {
			return cols, fmt.Sprintf("column x%d: at most 2 inputs x1, x2 are allowed", len(xs))
		}
		for i, c := range xs {
			if c < 0 {
				return cols, fmt.Sprintf("column x%d is missing", i+1)
			}
			cols.index[c] = i
		}
		cols.dim = len(xs)
		for c, n := range cols.names {
			if n == "y" {
				cols.index[c] = cols.dim
			}
		}
	}
	return cols, ""
}

// columnIndex parses the number of a column such as xi3 (3), or returns 0.
func columnIndex(s string) int {
	if s == "" || s[0] == '0' || len(s) > 4 {
		return 0
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 1 {
		return 0
	}
	return i
}

// growSet records column c as the one of index idx (1-based) in set, whose
// unfilled entries are -1.
func growSet(set []int, idx, c int) []int {
	for len(set) < idx {
		set = append(set, -1)
	}
	set[idx-1] = c
	return set
}

// parseCSVNumber parses a field as a finite number, or returns a message.
func parseCSVNumber(f string) (float64, string) {
	s := strings.TrimSpace(f)
	if s == "" {
		return 0, "empty field"
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Sprintf("%s is not a number", quoteField(s))
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Sprintf("%s is not a finite number", quoteField(s))
	}
	return v, ""
}

// appendRow appends data point j of d to buf as comma-separated numbers in
// the shortest form that reads back exactly (xi; xi1..xid; or x1[,x2],y).
func appendRow(buf []byte, d *Data, j int) []byte {
	if d.Xi != nil {
		return strconv.AppendFloat(buf, d.Xi[j], 'g', -1, 64)
	}
	for i, v := range d.X[j*d.Din : (j+1)*d.Din] {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendFloat(buf, v, 'g', -1, 64)
	}
	if d.Y != nil {
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, d.Y[j], 'g', -1, 64)
	}
	return buf
}

// WriteCSV writes d as CSV text that ReadCSV reads back to the same numbers:
// a header line (xi; xi1..xid; or x1[,x2],y) and one line a data point.
func WriteCSV(w io.Writer, d *Data) error {
	if d == nil {
		return errors.New("WriteCSV: no data")
	}
	if err := validData(d); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	var buf []byte
	switch {
	case d.Xi != nil:
		bw.WriteString("xi\n")
	case d.Y != nil:
		bw.WriteString(regressionHeader(d.Din) + "\n")
	default:
		for i := 1; i <= d.Din; i++ {
			if i > 1 {
				bw.WriteByte(',')
			}
			fmt.Fprintf(bw, "xi%d", i)
		}
		bw.WriteByte('\n')
	}
	for j := range d.N {
		buf = appendRow(buf[:0], d, j)
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}
