// Command newsdeskbench measures Newsdesk side by side with the tools a
// newsroom would otherwise use, on the same generated corpus, in the same
// run: git for the revision store and word diffs, Hugo for the static
// export. Pairs run in alternation (A B A B ...) for several rounds, and
// the report gives medians, min-max and the ratio of each pair, taken
// pair by pair, since the machine is shared and noisy.
//
//	go run ./cmd/newsdeskbench [-rounds 3] [-only revstore,diff,export] [-sizes 1000,10000] [-big]
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

func main() { os.Exit(run()) }

func run() int {
	rounds := flag.Int("rounds", 3, "rounds of each A/B pair")
	only := flag.String("only", "revstore,diff,export", "comma-separated suites to run")
	sizes := flag.String("sizes", "1000,10000", "export sizes (articles)")
	big := flag.Bool("big", false, "add the 50,000-article export")
	work := flag.String("work", "", "scratch folder (default: a temporary one, removed after)")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))

	dir := *work
	if dir == "" {
		d, err := os.MkdirTemp("", "newsdeskbench-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "newsdeskbench:", err)
			return 1
		}
		defer os.RemoveAll(d)
		dir = d
	}
	b := &bench{dir: dir, rounds: *rounds}
	if err := b.buildCtl(); err != nil {
		fmt.Fprintln(os.Stderr, "newsdeskbench:", err)
		return 1
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n > 0 {
			ns = append(ns, n)
		}
	}
	if *big {
		ns = append(ns, 50000)
	}
	failed := false
	for _, suite := range strings.Split(*only, ",") {
		var err error
		switch strings.TrimSpace(suite) {
		case "revstore":
			err = b.revstore()
		case "diff":
			err = b.diff()
		case "export":
			err = b.export(ns)
		default:
			err = fmt.Errorf("unknown suite %q", suite)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "newsdeskbench: %s: %v\n", suite, err)
			failed = true
		}
	}
	if failed {
		return 1
	}
	return 0
}

type bench struct {
	dir    string
	rounds int
	ctl    string // the newsdeskctl binary under test
}

// buildCtl builds newsdeskctl as users get it (no cgo).
func (b *bench) buildCtl() error {
	b.ctl = filepath.Join(b.dir, "newsdeskctl")
	cmd := exec.Command("go", "build", "-o", b.ctl, "./cmd/newsdeskctl")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("build newsdeskctl (run from the repository root): %v\n%s", err, out)
	}
	return nil
}
