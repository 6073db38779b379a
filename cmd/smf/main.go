// Command smf runs smflow scenes headless: the same query string as the
// browser app's URL gives the same numbers.
//
// Usage:
//
//	smf run [-reps R] [-data FILE.csv] [-out FILE.csv] [-every DT] [-workers W] 'QUERY'
//	smf hash [-data FILE.csv] 'QUERY'
//	smf order [-exact] [-csv] [-alphas A1,A2,...] [-f sq|z1|pair|risk] [-reps R] [-sgdreps R] [-plain] [-antithetic=false] [-control=false] [-data FILE.csv] [-shard K/N -out PART.json] 'QUERY'
//	smf merge PART.json...
//	smf params [-json] [-readme README.md]
//
// run writes CSV rows method,rep,point,t,z1,...,zd of every method at the
// final time T (or every DT); hash prints a hash of the final state of every
// method; order estimates weak errors against SGD over learning rates and
// fits their order (-exact: exact expectations where sim.HasExact;
// -csv: rows method,alpha,value,sgd,error,...; its Monte Carlo reduces the
// variance, -plain switches that off; -shard K/N runs the K-th of N slices of
// the replicas into a part file); merge prints from the N part files what
// the unsharded order prints; params prints the parameter
// table (Markdown) or the schema (JSON).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "smf:", err)
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprint(os.Stderr, usage)
		}
		var i interrupted
		if errors.As(err, &i) {
			os.Exit(130) // as a shell reports a process killed by SIGINT
		}
		os.Exit(2)
	}
}

const usage = `usage:
  smf run [-reps R] [-data FILE.csv] [-out FILE.csv] [-every DT] [-workers W] [-lenient] 'QUERY'
  smf hash [-data FILE.csv] [-lenient] 'QUERY'
  smf order [-exact] [-csv] [-alphas A1,A2,...] [-f sq|z1|pair|risk] [-reps R] [-sgdreps R]
            [-plain] [-antithetic=false] [-control=false] [-data FILE.csv] [-shard K/N -out PART.json] 'QUERY'
  smf merge PART.json...
  smf params [-json] [-readme README.md]
QUERY is the query string of the app's URL, e.g. 'scene=flow&alpha=0.05&T=1'.
`

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// errWriter passes writes to w until one fails, then keeps its error and
// writes nothing more.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	e.err = err
	return n, err
}

// run runs the command of args. A failed write to stdout (a full disk, a
// closed pipe) is an error of every command.
func run(args []string, stdout, stderr io.Writer) error {
	ew := &errWriter{w: stdout}
	err := runCommand(args, ew, stderr)
	if ew.err != nil && (err == nil || err == ew.err) {
		err = fmt.Errorf("writing standard output: %w", ew.err)
	}
	return err
}

func runCommand(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"no command"}
	}
	switch args[0] {
	case "run":
		return cmdRun(args[1:], stdout, stderr)
	case "hash":
		return cmdHash(args[1:], stdout, stderr)
	case "order":
		return cmdOrder(args[1:], stdout, stderr)
	case "merge":
		return cmdMerge(args[1:], stdout, stderr)
	case "params":
		return cmdParams(args[1:], stdout)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}
