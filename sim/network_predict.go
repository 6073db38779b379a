package sim

// PredictBatch sets dst_i = f_z(x_i) = (1/n) sum_k Phi(z_k, x_i) for the
// len(dst) inputs x_i = x[i*Din:(i+1)*Din] (row-major, as Data.X) and the
// configuration z of n = len(z)/d neurons (0 if n = 0), bit for bit as
// Predict at each input. It takes one neuron at a time over all inputs,
//
//	u_i = (0 + sum_l w_kl x_il) + b_k,   tmp_i = sigma(u_i),   dst_i += a_k tmp_i,
//
// with sigma through activation.fill (tanh and sigmoid inlined), so it costs
// no call per (neuron x input). tmp is scratch of length at least len(dst).
func (m *Network) PredictBatch(dst, z, x, tmp []float64) {
	np := len(dst)
	x = x[:np*m.din]
	tmp = tmp[:np]
	clear(dst)
	n := len(z) / m.d
	if n == 0 {
		return
	}
	for k := 0; k < n; k++ {
		a, w, b := m.split(z[k*m.d : (k+1)*m.d])
		if m.din == 1 {
			w0 := w[0]
			for i, xi := range x {
				u := 0.0
				u += w0 * xi
				tmp[i] = u + b
			}
		} else {
			for i := range tmp {
				tmp[i] = dotx(w, x[i*m.din:(i+1)*m.din]) + b
			}
		}
		m.act.fill(tmp, nil, nil)
		for i, v := range tmp {
			dst[i] += a * v
		}
	}
	inv := float64(n)
	for i := range dst {
		dst[i] /= inv
	}
}
