package param

import (
	"errors"
	"strconv"
	"strings"

	"smflow/sim"
)

// MaxDataLen bounds the length of the value of data.
const MaxDataLen = 8192

// MaxDataPathLen bounds the length of a data path.
const MaxDataPathLen = 256

// InlinePrefix starts inline data: data=inline:0.2;0.9;1.7.
const InlinePrefix = "inline:"

// dataPathChars are the characters of a data path.
const dataPathChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/"

// dataInlineChars are the characters of inline rows.
const dataInlineChars = "0123456789eE+-.,; "

// CheckData returns "" if s is a valid value of the key data, else what is
// wrong with it:
//
//   - "" (generated data);
//   - a path relative to the page (same origin) or to the working directory
//     of smf: at most 256 of a-z, A-Z, 0-9, -._~/, not starting with '/',
//     without "//", without a ".." part and without a scheme (no ':');
//   - inline:ROWS, rows separated by ';' of values separated by ',', at
//     most sim.MaxInlineValues numbers (their number of columns is checked
//     with the problem, by ReadData).
func CheckData(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > MaxDataLen {
		return "is longer than " + strconv.Itoa(MaxDataLen) + " characters"
	}
	if rows, ok := strings.CutPrefix(s, InlinePrefix); ok {
		if strings.Trim(rows, dataInlineChars) != "" {
			return "has inline rows with characters other than numbers, ',' and ';'"
		}
		n := 0
		for r := range strings.SplitSeq(rows, ";") {
			if strings.TrimSpace(r) != "" {
				n += strings.Count(r, ",") + 1
			}
		}
		if n > sim.MaxInlineValues {
			return "has more than " + strconv.Itoa(sim.MaxInlineValues) + " inline numbers"
		}
		if n == 0 {
			return "has no inline numbers"
		}
		return ""
	}
	switch {
	case len(s) > MaxDataPathLen:
		return "is longer than " + strconv.Itoa(MaxDataPathLen) + " characters"
	case strings.Contains(s, ":"):
		return "is not a relative path on the same site (no scheme such as https:)"
	case strings.Trim(s, dataPathChars) != "":
		return "is not a relative path (letters, digits and -._~/ only)"
	case strings.HasPrefix(s, "/") || strings.Contains(s, "//"):
		return "is not a relative path (no leading / and no //)"
	case s == ".." || strings.HasPrefix(s, "../") || strings.HasSuffix(s, "/..") || strings.Contains(s, "/../"):
		return "is not a path below the page (no ..)"
	case strings.HasSuffix(s, "/"):
		return "names a folder, not a file"
	}
	return ""
}

// IsInline reports whether the value of data holds the data inline.
func IsInline(data string) bool { return strings.HasPrefix(data, InlinePrefix) }

// ReadData returns the data set of v's key data: nil for generated data
// (v.Data == ""), the inline rows read with the column layout of v's
// problem (sim.ReadInline), or the CSV text that read returns for the path
// (nil read: an error). Errors of the CSV text are *sim.CSVError values
// named by the path, with line numbers.
func ReadData(v Values, read func(path string) ([]byte, error)) (*sim.Data, error) {
	switch {
	case v.Data == "":
		return nil, nil
	case IsInline(v.Data):
		return sim.ReadInline(Spec(v), strings.TrimPrefix(v.Data, InlinePrefix))
	case read == nil:
		return nil, errors.New(v.Data + ": no file reader")
	}
	b, err := read(v.Data)
	if err != nil {
		return nil, err
	}
	return ParseData(v.Data, string(b))
}

// ParseData reads CSV text (sim.ReadCSV) and names its errors by name.
func ParseData(name, text string) (*sim.Data, error) {
	d, err := sim.ReadCSV(strings.NewReader(text))
	var ce *sim.CSVError
	if errors.As(err, &ce) {
		ce.Name = name
	}
	return d, err
}

// DataSource says in words where the data of v come from.
func DataSource(v Values) string {
	switch {
	case v.Data == "":
		return "data generated from the seed"
	case IsInline(v.Data):
		return "inline data (in the link)"
	}
	return "data from " + v.Data
}
