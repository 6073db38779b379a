package e2e

import (
	"fmt"
	"os/exec"
	"strings"

	"smflow/sim"
	"smflow/sim/param"
)

// nativeHash runs the simulation of a query natively for the given number
// of steps and returns sim.HashReport, the format of smflow.hash() and
// `smf hash`.
func nativeHash(query string, steps int) (string, error) {
	v, _ := param.Resolve(query)
	s, _, err := param.Build(&v, nil)
	if err != nil {
		return "", err
	}
	for i := 0; i < steps && !s.Done(); i++ {
		s.Step()
	}
	return sim.HashReport(s), nil
}

// smfHash runs `go run ./cmd/smf hash query` (the state at the final time T).
func smfHash(query string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "run", "./cmd/smf", "hash", query)
	cmd.Dir = root
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("smf hash %s: %v\n%s", query, err, stderr.String())
	}
	return string(out), nil
}
