package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"smflow/sim/param"
)

// shellWords splits a command line as a shell does for the plain cases of
// the deploy scripts: words separated by blanks, '...' and "..." quoted,
// ${NAME}, ${NAME:-default}, $NAME and "$NAME" replaced from vars (an
// unknown variable fails the test).
func shellWords(t *testing.T, line string, vars map[string]string) []string {
	t.Helper()
	expand := regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)`)
	sub := func(s string) string {
		return expand.ReplaceAllStringFunc(s, func(m string) string {
			g := expand.FindStringSubmatch(m)
			name := g[1] + g[3]
			v, ok := vars[name]
			if !ok {
				t.Fatalf("%q: unknown variable %s", line, name)
			}
			return v
		})
	}
	var words []string
	var cur strings.Builder
	in := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				t.Fatalf("%q: unclosed quote", line)
			}
			cur.WriteString(line[i+1 : i+1+j])
			i += j + 1
			in = true
		case c == '"':
			j := strings.IndexByte(line[i+1:], '"')
			if j < 0 {
				t.Fatalf("%q: unclosed quote", line)
			}
			cur.WriteString(sub(line[i+1 : i+1+j]))
			i += j + 1
			in = true
		case c == ' ' || c == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			j := strings.IndexAny(line[i:], " \t'\"")
			if j < 0 {
				j = len(line) - i
			}
			cur.WriteString(sub(line[i : i+j]))
			i += j - 1
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}

// smfCommands returns the smf command lines of script (a shell script, or
// the joined lines of a YAML block): the words after "smf" (or "$SMF") up to
// the next ;, &&, > or newline outside quotes.
func smfCommands(script string) []string {
	re := regexp.MustCompile(`(?:^|[\s;&])(?:exec\s+)?(?:smf|"\$SMF")\s+(?:order|merge)\b`)
	var out []string
	for _, loc := range re.FindAllStringIndex(script, -1) {
		start := loc[0] + strings.Index(script[loc[0]:loc[1]], "order")
		if i := strings.Index(script[loc[0]:loc[1]], "merge"); i >= 0 {
			start = loc[0] + i
		}
		end, quote := start, byte(0)
		for ; end < len(script); end++ {
			c := script[end]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			if c == '\'' || c == '"' {
				quote = c
				continue
			}
			if c == ';' || c == '&' || c == '>' || c == '\n' {
				break
			}
		}
		out = append(out, strings.TrimSpace(script[start:end]))
	}
	return out
}

// yamlBlocks returns the folded block scalars (key: >-) of a YAML text, each
// joined into one line.
func yamlBlocks(t *testing.T, text string) []string {
	t.Helper()
	lines := strings.Split(text, "\n")
	var blocks []string
	for i := 0; i < len(lines); i++ {
		if !strings.HasSuffix(strings.TrimSpace(lines[i]), ">-") {
			continue
		}
		indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
		var parts []string
		for i++; i < len(lines); i++ {
			l := lines[i]
			if strings.TrimSpace(l) != "" && len(l)-len(strings.TrimLeft(l, " ")) <= indent {
				break
			}
			parts = append(parts, strings.TrimSpace(l))
		}
		i--
		blocks = append(blocks, strings.Join(parts, " "))
	}
	return blocks
}

// yamlInt returns the integer value of key in a YAML document (the first
// occurrence), or fails.
func yamlInt(t *testing.T, doc, key string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^\s*` + key + `:\s*(\d+)\s*$`).FindStringSubmatch(doc)
	if m == nil {
		t.Fatalf("no %s: N in\n%s", key, doc)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// small replaces the query (the last word) of an order command line by a
// small case of the same scene, so that the test runs it in a moment.
func small(t *testing.T, words []string) []string {
	t.Helper()
	q := words[len(words)-1]
	if strings.Contains(q, "reps=") {
		if p, ok := param.Lookup("reps"); ok && p.Max > 0 {
			m := regexp.MustCompile(`reps=(\d+)`).FindStringSubmatch(q)
			if r, _ := strconv.Atoi(m[1]); float64(r) > p.Max {
				t.Errorf("%s: reps %d above the limit %v", q, r, p.Max)
			}
		}
	}
	vals := param.SplitQuery(q)
	for _, kv := range [][2]string{{"n", "3"}, {"M", "3"}, {"N", "6"}, {"T", "0.5"}, {"reps", "6"}} {
		vals = vals.Overlay(param.Query{{Key: kv[0], Value: kv[1]}})
	}
	var b []string
	for _, p := range vals {
		b = append(b, p.Key+"="+p.Value)
	}
	return append(append([]string{}, words[:len(words)-1]...), strings.Join(b, "&"))
}

// deployRun runs the shard command lines of a deploy file for every shard
// (on a small case of its query, parts in a temporary PARTS) and its merge
// command line, and checks that the merge prints what the unsharded order
// prints.
func deployRun(t *testing.T, name string, order, merge []string, shards int, mount string, vars func(k int, parts string) map[string]string) {
	t.Helper()
	parts := t.TempDir()
	words := func(line string, k int) []string {
		w := shellWords(t, line, vars(k, parts))
		for i, v := range w {
			if mount != "" && strings.HasPrefix(v, mount+"/") {
				w[i] = filepath.Join(parts, v[len(mount)+1:]) // the volume
			}
		}
		return w
	}
	var orderArgs []string
	for k := 0; k < shards; k++ {
		words := small(t, words(order[0], k))
		if words[0] != "order" || words[1] != "-shard" || words[2] != fmt.Sprintf("%d/%d", k, shards) {
			t.Fatalf("%s: shard %d runs %q, want order -shard %d/%d ...", name, k, words, k, shards)
		}
		if _, stderr, err := runSmf(words...); err != nil {
			t.Fatalf("%s: %q: %v\n%s", name, words, err, stderr)
		}
		orderArgs = append([]string{"order"}, words[5:]...) // without -shard K/N -out F
	}
	want, _, err := runSmf(orderArgs...)
	if err != nil {
		t.Fatalf("%s: %q: %v", name, orderArgs, err)
	}
	var files []string
	for _, w := range words(merge[0], 0)[1:] {
		m, err := filepath.Glob(w)
		if err != nil || len(m) == 0 {
			t.Fatalf("%s: merge argument %q matches no part (%v)", name, w, err)
		}
		files = append(files, m...)
	}
	if len(files) != shards {
		t.Fatalf("%s: merge of %d files, want %d", name, len(files), shards)
	}
	got, stderr, err := runSmf(append([]string{"merge"}, files...)...)
	if err != nil || got != want || !strings.Contains(got, "order ddsmf") {
		t.Errorf("%s: merge: %v\n%s\n%s\nwant\n%s", name, err, stderr, got, want)
	}
}

// The Kubernetes Indexed Job of deploy/k8s/order-job.yaml: its YAML is
// plain (no tabs; a volume claim and two Jobs), the shard Job is Indexed with
// completions = parallelism = N, the completion index JOB_COMPLETION_INDEX
// is the shard of -shard K/N, parts go to the shared volume's mount path,
// the merge waits for N parts; its command lines run (a small case of the
// query) and the merge prints what the unsharded order prints.
func TestDeployKubernetes(t *testing.T) {
	b, err := os.ReadFile("../../deploy/k8s/order-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if strings.Contains(text, "\t") {
		t.Error("a tab in the YAML")
	}
	docs := strings.Split(text, "\n---\n")
	var kinds []string
	var shardJob, mergeJob string
	for _, d := range docs {
		m := regexp.MustCompile(`(?m)^kind: (\w+)$`).FindStringSubmatch(d)
		if m == nil || !regexp.MustCompile(`(?m)^apiVersion: \S+$`).MatchString(d) {
			t.Fatalf("a document without apiVersion or kind:\n%s", d)
		}
		kinds = append(kinds, m[1])
		switch {
		case strings.Contains(d, "completionMode: Indexed"):
			shardJob = d
		case strings.Contains(d, "smf merge"):
			mergeJob = d
		}
	}
	if strings.Join(kinds, ",") != "PersistentVolumeClaim,Job,Job" || shardJob == "" || mergeJob == "" {
		t.Fatalf("kinds %v; want a volume claim, an Indexed Job and a merge Job", kinds)
	}
	n := yamlInt(t, shardJob, "completions")
	if p := yamlInt(t, shardJob, "parallelism"); p != n {
		t.Errorf("parallelism %d, completions %d", p, n)
	}
	mount := regexp.MustCompile(`mountPath: (\S+)`).FindStringSubmatch(shardJob)
	claim := regexp.MustCompile(`claimName: (\S+)`)
	if mount == nil || claim.FindString(shardJob) == "" || claim.FindString(shardJob) != claim.FindString(mergeJob) || !strings.Contains(mergeJob, mount[0]) {
		t.Fatal("the shards and the merge do not mount the same claim at the same path")
	}
	var order, merge []string
	for _, bl := range yamlBlocks(t, shardJob) {
		order = append(order, smfCommands(bl)...)
	}
	for _, bl := range yamlBlocks(t, mergeJob) {
		merge = append(merge, smfCommands(bl)...)
		if !strings.Contains(bl, fmt.Sprintf("-ge %d", n)) {
			t.Errorf("the merge does not wait for %d parts: %s", n, bl)
		}
	}
	if len(order) != 1 || len(merge) != 1 {
		t.Fatalf("smf order lines %q, merge lines %q; want one each", order, merge)
	}
	if !strings.Contains(order[0], fmt.Sprintf("-shard ${JOB_COMPLETION_INDEX}/%d", n)) || !strings.Contains(order[0], "-out "+mount[1]+"/") {
		t.Errorf("shard command %q: want -shard ${JOB_COMPLETION_INDEX}/%d and -out %s/...", order[0], n, mount[1])
	}
	deployRun(t, "k8s", order, merge, n, mount[1], func(k int, parts string) map[string]string {
		return map[string]string{"JOB_COMPLETION_INDEX": strconv.Itoa(k)}
	})
}

// The Slurm job array of deploy/slurm/order-array.sh: the array index
// SLURM_ARRAY_TASK_ID is the shard of -shard K/SHARDS, the array is
// 0..SHARDS-1, the merge depends on it (afterok); its command lines run (a
// small case of the query) and the merge prints what the unsharded order
// prints.
func TestDeploySlurm(t *testing.T) {
	b, err := os.ReadFile("../../deploy/slurm/order-array.sh")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(b), "\\\n", " ")
	for _, want := range []string{"#!/bin/bash", "#SBATCH ", "--array=0-$((SHARDS - 1))", "--dependency=afterok:", `-shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}"`} {
		if !strings.Contains(text, want) {
			t.Errorf("order-array.sh lacks %q", want)
		}
	}
	m := regexp.MustCompile(`SHARDS=\$\{SHARDS:-(\d+)\}`).FindStringSubmatch(text)
	if m == nil {
		t.Fatal("no default SHARDS=${SHARDS:-N}")
	}
	n, _ := strconv.Atoi(m[1])
	var order, merge []string
	for _, c := range smfCommands(text) {
		if strings.HasPrefix(c, "order") {
			order = append(order, c)
		} else {
			merge = append(merge, c)
		}
	}
	if len(order) != 1 || len(merge) != 1 {
		t.Fatalf("smf order lines %q, merge lines %q; want one each", order, merge)
	}
	deployRun(t, "slurm", order, merge, n, "", func(k int, parts string) map[string]string {
		return map[string]string{"SLURM_ARRAY_TASK_ID": strconv.Itoa(k), "SHARDS": strconv.Itoa(n), "PARTS": parts, "SLURM_CPUS_PER_TASK": "2"}
	})
}
