package app

import (
	"strconv"

	"smflow/sim"
)

// AppendStateCSV appends the state of every track of s to dst as CSV, one
// row per point:
//
//	method,rep,point,t,z1,...,zd
//
// with d the largest number of coordinates of a track (shorter points leave
// the last cells empty). The coordinate columns are named after the model's
// coordinates (sim.CoordNames: a,w,b for a network's neurons of the form
// awb, z1..zd for a point problem). Numbers are written in the shortest form
// that reads back to the same float64.
func AppendStateCSV(dst []byte, s *sim.Sim) []byte {
	d := 0
	for _, tr := range s.Tracks() {
		d = max(d, tr.D)
	}
	dst = append(dst, "method,rep,point,t"...)
	names := sim.CoordNames(s.Model())
	for j := 1; j <= d; j++ {
		dst = append(dst, ',')
		if j <= len(names) {
			dst = appendCSVText(dst, names[j-1])
		} else {
			dst = append(dst, 'z')
			dst = strconv.AppendInt(dst, int64(j), 10)
		}
	}
	dst = append(dst, '\n')
	t := s.Time()
	for _, tr := range s.Tracks() {
		name := tr.Method.String()
		for r := 0; r < tr.Reps; r++ {
			z := tr.Replica(r)
			for k := 0; k < tr.N; k++ {
				dst = append(dst, name...)
				dst = append(dst, ',')
				dst = strconv.AppendInt(dst, int64(r), 10)
				dst = append(dst, ',')
				dst = strconv.AppendInt(dst, int64(k), 10)
				dst = append(dst, ',')
				dst = appendFloat(dst, t)
				for j := 0; j < d; j++ {
					dst = append(dst, ',')
					if j < tr.D {
						dst = appendFloat(dst, z[k*tr.D+j])
					}
				}
				dst = append(dst, '\n')
			}
		}
	}
	return dst
}

// AppendSeriesCSV appends the plotted series to dst as CSV, one row per
// point of a series:
//
//	series,t,y,se
//
// The se cell is empty when the series has no standard errors. Series names
// are quoted when they contain a comma, a quote or a line break. The t and y
// columns take the names the series give them (Series.XName, YName: the
// order scene's series are over alpha), those of the first series.
func AppendSeriesCSV(dst []byte, series []Series) []byte {
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
	dst = appendCSVText(dst, x)
	dst = append(dst, ',')
	dst = appendCSVText(dst, y)
	dst = append(dst, ",se\n"...)
	for _, s := range series {
		for i := range s.T {
			if i >= len(s.Y) {
				break
			}
			dst = appendCSVText(dst, s.Name)
			dst = append(dst, ',')
			dst = appendFloat(dst, s.T[i])
			dst = append(dst, ',')
			dst = appendFloat(dst, s.Y[i])
			dst = append(dst, ',')
			if i < len(s.SE) {
				dst = appendFloat(dst, s.SE[i])
			}
			dst = append(dst, '\n')
		}
	}
	return dst
}

func appendFloat(dst []byte, x float64) []byte {
	return strconv.AppendFloat(dst, x, 'g', -1, 64)
}

// appendCSVText appends s as a CSV cell (RFC 4180 quoting when needed).
func appendCSVText(dst []byte, s string) []byte {
	quote := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ',' || c == '"' || c == '\n' || c == '\r' {
			quote = true
			break
		}
	}
	if !quote {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, s[i])
	}
	return append(dst, '"')
}
