// Package xmath holds the few elementary functions and the random number
// generator that the simulation uses in its hot paths, written in pure Go so
// that every platform computes bit-identical results.
//
// On amd64 the standard library computes math.Exp and math.Log in assembly,
// which differs in the last bits from the pure-Go code used on WebAssembly.
// The functions here are the pure-Go algorithms of the standard library
// (from FreeBSD's msun, see the notices in the source), so the native command
// line and the browser produce the same numbers for the same query.
package xmath
