package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// pair is one A/B comparison: A is Newsdesk, B the peer.
type pair struct {
	name string
	a, b []time.Duration
}

// alternate runs a and b in turn, rounds times each, and records both.
func alternate(name string, rounds int, a, b func() (time.Duration, error)) (*pair, error) {
	p := &pair{name: name}
	for i := 0; i < rounds; i++ {
		da, err := a()
		if err != nil {
			return nil, fmt.Errorf("%s, Newsdesk: %w", name, err)
		}
		db, err := b()
		if err != nil {
			return nil, fmt.Errorf("%s, peer: %w", name, err)
		}
		p.a, p.b = append(p.a, da), append(p.b, db)
	}
	return p, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func span(ds []time.Duration) string {
	return fmt.Sprintf("%s–%s", short(slices.Min(ds)), short(slices.Max(ds)))
}

func short(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2fs", d.Seconds())
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%dµs", d.Microseconds())
}

// ratios are taken pair by pair (A_i / B_i), then summarised.
func ratios(p *pair) (med, lo, hi float64) {
	var rs []float64
	for i := range p.a {
		rs = append(rs, p.a[i].Seconds()/p.b[i].Seconds())
	}
	slices.Sort(rs)
	return rs[len(rs)/2], rs[0], rs[len(rs)-1]
}

func report(title, peer string, pairs []*pair) {
	fmt.Printf("\n## %s (A = Newsdesk, B = %s)\n\n", title, peer)
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "case\tNewsdesk median (min–max)\t"+peer+" median (min–max)\tA/B median (min–max)\truns")
	for _, p := range pairs {
		m, lo, hi := ratios(p)
		fmt.Fprintf(w, "%s\t%s (%s)\t%s (%s)\t%.3f (%.3f–%.3f)\t%d+%d\n", p.name,
			short(median(p.a)), span(p.a), short(median(p.b)), span(p.b), m, lo, hi, len(p.a), len(p.b))
	}
	w.Flush()
}

// timeCmd runs a whole process and returns its wall time.
func timeCmd(dir string, stdin string, name string, args ...string) (time.Duration, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil && cmd.ProcessState != nil && cmd.ProcessState.ExitCode() > 1 {
		return d, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return d, nil
}

// allocated sums the allocated blocks under dir, as du counts them.
func allocated(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil {
			if st, ok := info.Sys().(*syscall.Stat_t); ok {
				n += st.Blocks * 512
			}
		}
		return nil
	})
	return n
}

func mb(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }
