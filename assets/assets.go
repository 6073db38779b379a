// Package assets holds the files the app embeds: the one font it draws
// text with.
package assets

import "golang.org/x/image/font/gofont/goregular"

// GoRegular returns the TrueType data of Go Regular (the Go fonts by
// Bigelow & Holmes, BSD licence; about 130 kB), a small Latin font with
// tabular digits, so numbers can be drawn one character at a time. Do not
// modify the returned slice.
func GoRegular() []byte { return goregular.TTF }
