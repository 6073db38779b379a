package sim

import "strconv"

// AppendStateHeader appends the header of the state CSV of s to dst:
//
//	method,rep,point,t,c1,...,cd,note
//
// with d the largest number of coordinates of a track and the coordinate
// columns named after the model's coordinates (CoordNames: a,w,b for a
// network's neurons of the form awb, z1..zd for a point problem; z<j> past
// the names). The page's state export and `smf run` write this header.
func AppendStateHeader(dst []byte, s *Sim) []byte {
	d := 0
	for _, tr := range s.tracks {
		d = max(d, tr.D)
	}
	dst = append(dst, "method,rep,point,t"...)
	names := CoordNames(s.model)
	for j := 1; j <= d; j++ {
		dst = append(dst, ',')
		if j <= len(names) {
			dst = AppendCSVCell(dst, names[j-1])
		} else {
			dst = append(dst, 'z')
			dst = strconv.AppendInt(dst, int64(j), 10)
		}
	}
	return append(dst, ",note\n"...)
}

// AppendStateRows appends the state of every track of s at its current
// time to dst as rows of the state CSV (AppendStateHeader), one per method,
// replica and point (AppendStateReplica for each replica in turn).
func AppendStateRows(dst []byte, s *Sim) []byte {
	for i, tr := range s.tracks {
		for r := 0; r < tr.Reps; r++ {
			dst = AppendStateReplica(dst, s, i, r)
		}
	}
	return dst
}

// AppendStateReplica appends the rows of the state CSV of replica r of
// track i of s, one per point (a piece of AppendStateRows, for a build of a
// large state in parts). Numbers are written in the shortest form that
// reads back to the same float64; a point with fewer coordinates than the
// header leaves the last cells empty. A replica that diverged at step k <=
// s.Steps() (Track.DivergedAt) has no state at t: its coordinates are empty
// and its note says "diverged at t = alpha*k" (the note is empty
// otherwise), so no NaN or Inf is ever written.
func AppendStateReplica(dst []byte, s *Sim, i, r int) []byte {
	d := 0
	for _, tr := range s.tracks {
		d = max(d, tr.D)
	}
	tr := s.tracks[i]
	name := tr.Method.String()
	z := tr.Replica(r)
	at := tr.DivergedAt[r]
	gone := at >= 0 && at <= s.step
	for k := 0; k < tr.N; k++ {
		dst = append(dst, name...)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(r), 10)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(k), 10)
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, s.Time(), 'g', -1, 64)
		for j := 0; j < d; j++ {
			dst = append(dst, ',')
			if j < tr.D && !gone {
				dst = strconv.AppendFloat(dst, z[k*tr.D+j], 'g', -1, 64)
			}
		}
		dst = append(dst, ',')
		if gone {
			dst = append(dst, "diverged at t = "...)
			dst = strconv.AppendFloat(dst, s.cfg.Alpha*float64(at), 'g', -1, 64)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// AppendCSVCell appends s to dst as a CSV cell, quoted (RFC 4180: quotes
// doubled) when it holds a comma, a quote or a line break.
func AppendCSVCell(dst []byte, s string) []byte {
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
