//go:build js

package app

import (
	"fmt"

	"smflow/sim"
	"smflow/sim/param"
)

// dataFile is a CSV file that the page fetched for the key data: its data
// set, or why it could not be read.
type dataFile struct {
	data *sim.Data
	err  error
}

// pendingData is a change of the values that waits for the file of its key
// data (DataWanted).
type pendingData struct {
	v     param.Values
	warns []param.Warning
}

// dataFor returns the data set of v: nil for generated data (or the local
// file when one is loaded and v.Data is empty), the inline rows, or the
// file fetched for v.Data. wait is true when that file has not arrived
// yet; err says why the data cannot be used (a line-numbered message of
// the CSV text, a fetch failure).
func (g *Game) dataFor(v *param.Values) (d *sim.Data, source string, wait bool, err error) {
	switch {
	case v.Data == "" && g.local != nil:
		return g.local, "data from a local file (not in the link): " + g.localName, false, nil
	case v.Data == "":
		return nil, param.DataSource(*v), false, nil
	case param.IsInline(v.Data):
		d, err := param.ReadData(*v, nil)
		return d, param.DataSource(*v), false, err
	}
	f, ok := g.files[v.Data]
	if !ok {
		return nil, "", true, nil
	}
	return f.data, param.DataSource(*v), false, f.err
}

// DataWanted returns the path of the CSV file that the values wait for
// (the key data), or "": the page fetches it and hands its text to SetData
// or its failure to DataFailed.
func (g *Game) DataWanted() string {
	if g.pending == nil {
		return ""
	}
	return g.pending.v.Data
}

// SetData hands the text of a CSV file to the game. A name that the key
// data waits for (DataWanted) is that file; any other name is a local file
// (a file input or a drop), used while the key data is empty: the link
// then cannot carry the data. The text is read by sim.ReadCSV; when it is
// malformed, the line-numbered message is a warning and the previous state
// keeps running. It returns the warnings.
func (g *Game) SetData(name, text string) []param.Warning {
	d, err := param.ParseData(name, text)
	if g.pending != nil && g.pending.v.Data == name {
		g.files[name] = dataFile{d, err}
		p := *g.pending
		g.pending = nil
		g.apply(p.v, p.warns, true)
		return g.warnings
	}
	if err != nil {
		g.warnings = append(g.warnings, param.Warning{Key: "data", Message: err.Error() + "; the data are unchanged"})
		g.dirty = true
		return g.warnings
	}
	g.local, g.localName = d, name
	v := g.values
	v.Data = ""
	g.apply(v, nil, true)
	return g.warnings
}

// DataFailed reports that the file the key data waits for could not be
// fetched (why: e.g. "404 not found"); the page then shows generated data
// and says so.
func (g *Game) DataFailed(name, why string) []param.Warning {
	if g.pending == nil || g.pending.v.Data != name {
		return g.warnings
	}
	g.files[name] = dataFile{err: fmt.Errorf("%s: %s", name, why)}
	p := *g.pending
	g.pending = nil
	g.apply(p.v, p.warns, true)
	return g.warnings
}

// ClearLocalData drops the local file: generated data again (unless the
// key data names other data).
func (g *Game) ClearLocalData() []param.Warning {
	if g.local == nil {
		return g.warnings
	}
	g.local, g.localName = nil, ""
	g.apply(g.values, nil, true)
	return g.warnings
}

// DataSource says where the data shown come from: generated from the seed,
// a file's name, inline, or a local file not in the link.
func (g *Game) DataSource() string { return g.source }

// LocalData reports whether the data come from a local file that the link
// cannot carry, and the rows to put inline in the link instead ("" when
// the file has more than sim.MaxInlineValues numbers).
func (g *Game) LocalData() (local bool, inline string) {
	if g.local == nil || g.values.Data != "" {
		return false, ""
	}
	if s := sim.FormatInline(g.local); s != "" {
		return true, param.InlinePrefix + s
	}
	return true, ""
}
