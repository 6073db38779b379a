//go:build js

// Package proto is the message protocol between the page's Go program
// (app's worker pool) and the sim-only Web Worker program (wasm/worker):
// JavaScript objects with a type field, numbers as Float64Array (moved,
// not copied, by postMessage's transfer list). It imports syscall/js and
// nothing of Ebitengine.
//
// Page to worker:
//
//	{type: "config", gen, query, data, lo, hi, step, z, div, rng}
//	    build (or reuse) the simulation of the canonical query and the CSV
//	    text data ("" for generated data), take replicas [lo[i], hi[i]) of
//	    track i, and set their state to z and div (sim.Sim.SetSlice) and
//	    their random streams to rng (sim.Sim.SetSliceRands) at step; answer {type: "ready", gen, hash0} with the simulation's
//	    HashReport before any step (the page checks it against its own).
//	{type: "run", gen, from, k}
//	    advance the slice k steps from step from; answer {type: "steps",
//	    gen, from, k, z, div, rng, ms}: the slice's states and random
//	    streams' states after each of the k steps (k*len values, k*2*reps
//	    words), its divergence record after the last, and the milliseconds
//	    the steps took.
//
//	{type: "order", gen, query, data, methods, reps, nflow, antithetic,
//	    alphas, obs, fingerprint, k, n}
//	    build the weak-error experiment (sim.OrderRun) of the query's
//	    simulation with those methods, replicas, flow particles and
//	    antithetic pairs, the learning rates alphas and the observable obs,
//	    as shard k of n; answer {type: "ready", gen, hash0: fingerprint}
//	    when its fingerprint is the page's.
//	{type: "rate", gen, rate}
//	    run the shard of learning rate rate (sim.OrderRun.RunShard);
//	    answer {type: "slices", gen, rate, json} with its []sim.OrderSlice
//	    as JSON text.
//
// Worker to page, on any failure: {type: "error", gen, message}.
package proto

import (
	"syscall/js"
	"unsafe"
)

// Float64Array returns a new JavaScript Float64Array holding a copy of x.
func Float64Array(x []float64) js.Value {
	a := js.Global().Get("Float64Array").New(len(x))
	if len(x) > 0 {
		b := js.Global().Get("Uint8Array").New(a.Get("buffer"))
		js.CopyBytesToJS(b, unsafe.Slice((*byte)(unsafe.Pointer(&x[0])), 8*len(x)))
	}
	return a
}

// Floats copies the JavaScript Float64Array a into dst (grown as needed) and
// returns it; an undefined a gives dst[:0].
func Floats(dst []float64, a js.Value) []float64 {
	if a.Type() != js.TypeObject {
		return dst[:0]
	}
	n := a.Get("length").Int()
	if cap(dst) < n {
		dst = make([]float64, n)
	}
	dst = dst[:n]
	if n > 0 {
		b := js.Global().Get("Uint8Array").New(a.Get("buffer"), a.Get("byteOffset"), 8*n)
		js.CopyBytesToGo(unsafe.Slice((*byte)(unsafe.Pointer(&dst[0])), 8*n), b)
	}
	return dst
}

// Ints returns the values of the Float64Array a as ints.
func Ints(dst []int, a js.Value) []int {
	f := Floats(nil, a)
	dst = dst[:0]
	for _, v := range f {
		dst = append(dst, int(v))
	}
	return dst
}

// IntArray returns a Float64Array of the ints x (exact up to 2^53).
func IntArray(x []int) js.Value {
	f := make([]float64, len(x))
	for i, v := range x {
		f[i] = float64(v)
	}
	return Float64Array(f)
}

// IntList returns the ints of the JavaScript array a.
func IntList(a js.Value) []int {
	n := a.Get("length").Int()
	out := make([]int, n)
	for i := range out {
		out[i] = a.Index(i).Int()
	}
	return out
}

// List returns a JavaScript array of the ints x.
func List(x []int) js.Value {
	a := js.Global().Get("Array").New(len(x))
	for i, v := range x {
		a.SetIndex(i, v)
	}
	return a
}

// Words returns a new JavaScript Uint8Array holding the words x
// (little-endian, 8 bytes a word): the states of random streams, which
// are 64-bit words that a JavaScript number cannot hold.
func Words(x []uint64) js.Value {
	a := js.Global().Get("Uint8Array").New(8 * len(x))
	if len(x) > 0 {
		js.CopyBytesToJS(a, unsafe.Slice((*byte)(unsafe.Pointer(&x[0])), 8*len(x)))
	}
	return a
}

// ReadWords copies the words of the Uint8Array a (as Words makes it) into
// dst (grown as needed) and returns it.
func ReadWords(dst []uint64, a js.Value) []uint64 {
	if a.Type() != js.TypeObject {
		return dst[:0]
	}
	n := a.Get("length").Int() / 8
	if cap(dst) < n {
		dst = make([]uint64, n)
	}
	dst = dst[:n]
	if n > 0 {
		js.CopyBytesToGo(unsafe.Slice((*byte)(unsafe.Pointer(&dst[0])), 8*n), a)
	}
	return dst
}
