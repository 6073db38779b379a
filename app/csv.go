package app

import (
	"strconv"
	"strings"

	"smflow/sim"
)

// AppendStateCSV appends the state CSV of s to dst: its header
// (sim.AppendStateHeader, method,rep,point,t,z1,...,zd,note) and its rows
// at the current time (sim.AppendStateRows: a diverged replica has empty
// coordinates and a note). `smf run` writes the same rows.
func AppendStateCSV(dst []byte, s *sim.Sim) []byte {
	return sim.AppendStateRows(sim.AppendStateHeader(dst, s), s)
}

// AppendSeriesCSV appends the plotted series to dst as CSV, one row per
// point of a series:
//
//	series,t,y,se,note
//
// The se cell is empty when the series has no standard errors. A value
// that is not finite (NaN, +-Inf) is never written: its cell is empty and
// the note says "undefined". Series names are quoted when they contain a
// comma, a quote or a line break. The t and y columns take the names the
// series give them (Series.XName, YName: the order scene's series are over
// alpha), those of the first series. AppendSimSeriesCSV also notes the
// divergence of the methods.
func AppendSeriesCSV(dst []byte, series []Series) []byte {
	return appendSeriesCSV(dst, series, nil)
}

// AppendSimSeriesCSV is AppendSeriesCSV for the series of a view of s: the
// note of a time series (one over t) of a method that has diverged
// replicas by time t says "k of n replicas diverged" (the value is then the
// mean over the n - k others; empty when k = n). A series belongs to the
// method whose label ends its name in parentheses, "E z1 (SGD)"
// (seriesMethod).
func AppendSimSeriesCSV(dst []byte, series []Series, s *sim.Sim) []byte {
	return appendSeriesCSV(dst, series, s)
}

func appendSeriesCSV(dst []byte, series []Series, s *sim.Sim) []byte {
	x, y := "t", "y"
	if len(series) > 0 {
		if series[0].XName != "" {
			x = series[0].XName
		}
		if series[0].YName != "" {
			y = series[0].YName
		}
	}
	dst = append(dst, "series,"...)
	dst = sim.AppendCSVCell(dst, x)
	dst = append(dst, ',')
	dst = sim.AppendCSVCell(dst, y)
	dst = append(dst, ",se,note\n"...)
	for _, sr := range series {
		tr := seriesMethod(s, sr)
		for i := range sr.T {
			if i >= len(sr.Y) {
				break
			}
			undefined := false
			dst = sim.AppendCSVCell(dst, sr.Name)
			dst = append(dst, ',')
			dst = appendFloat(dst, sr.T[i])
			dst = append(dst, ',')
			if isFinite(sr.Y[i]) {
				dst = appendFloat(dst, sr.Y[i])
			} else {
				undefined = true
			}
			dst = append(dst, ',')
			if i < len(sr.SE) {
				if isFinite(sr.SE[i]) {
					dst = appendFloat(dst, sr.SE[i])
				} else {
					undefined = true
				}
			}
			dst = append(dst, ',')
			if k := divergedBy(s, tr, sr.T[i]); k > 0 {
				dst = strconv.AppendInt(dst, int64(k), 10)
				dst = append(dst, " of "...)
				dst = strconv.AppendInt(dst, int64(tr.Reps), 10)
				dst = append(dst, " replicas diverged"...)
			} else if undefined {
				dst = append(dst, "undefined"...)
			}
			dst = append(dst, '\n')
		}
	}
	return dst
}

// seriesMethod returns the track of s whose method's label ends the name
// of the time series sr in parentheses ("E z1 (SGD)" belongs to SGD), or
// nil: for a nil s, a series over something other than t (XName set), or a
// name without such a label ("W1 of the risk laws (SGD, SMF)" compares two).
func seriesMethod(s *sim.Sim, sr Series) *sim.Track {
	if s == nil || sr.XName != "" {
		return nil
	}
	for _, tr := range s.Tracks() {
		if strings.HasSuffix(sr.Name, " ("+tr.Method.Label()+")") {
			return tr
		}
	}
	return nil
}

// divergedBy returns the number of replicas of tr (a track of s, or nil:
// 0) that diverged by time t, at step k with alpha*k <= t and k <= the
// steps of s.
func divergedBy(s *sim.Sim, tr *sim.Track, t float64) int {
	if tr == nil {
		return 0
	}
	alpha := s.Config().Alpha
	n := 0
	for _, at := range tr.DivergedAt {
		if at >= 0 && at <= s.Steps() && alpha*float64(at) <= t {
			n++
		}
	}
	return n
}

// isFinite reports whether x is neither NaN nor infinite.
func isFinite(x float64) bool { return x-x == 0 }

func appendFloat(dst []byte, x float64) []byte {
	return strconv.AppendFloat(dst, x, 'g', -1, 64)
}
