package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/app/history"
	"newsdesk/store"
)

// diff compares `newsdeskctl diff` with `git diff --no-index --word-diff`
// on the same pairs of texts (ANCHORS.md §3), and reports the in-process
// diff time beside them.
func (b *bench) diff() error {
	ctx := context.Background()
	var pairs []*pair
	var inproc []string
	for _, words := range []int{2000, 20000} {
		for _, heavy := range []bool{false, true} {
			g := corpus.New(11, false)
			old := g.Body(words)
			new := g.CopyEdit(old, 5)
			kind := "copy edit"
			if heavy {
				new, kind = rewrite(g, old, rand.New(rand.NewPCG(3, 4))), "heavy rewrite"
			}
			name := fmt.Sprintf("%d words, %s", words, kind)
			dir := filepath.Join(b.dir, fmt.Sprintf("diff-%d-%v", words, heavy))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			os.WriteFile(filepath.Join(dir, "a.txt"), []byte(old), 0o644)
			os.WriteFile(filepath.Join(dir, "b.txt"), []byte(new), 0o644)
			id, err := twoRevisions(ctx, filepath.Join(dir, "store"), old, new)
			if err != nil {
				return err
			}
			p, err := alternate(name, b.rounds*3,
				func() (time.Duration, error) {
					return timeCmd(dir, "", b.ctl, "--store", filepath.Join(dir, "store"), "diff", id, "1", "2")
				},
				func() (time.Duration, error) {
					return timeCmd(dir, "", "git", "diff", "--no-index", "--word-diff", "a.txt", "b.txt")
				})
			if err != nil {
				return err
			}
			pairs = append(pairs, p)
			var took []time.Duration
			degraded := false
			for i := 0; i < 5; i++ {
				start := time.Now()
				d := history.Text(old, new)
				took = append(took, time.Since(start))
				degraded = degraded || d.Degraded
			}
			inproc = append(inproc, fmt.Sprintf("%s: %s (degraded: %v)", name, short(median(took)), degraded))
		}
	}
	report("Word diff (whole process)", "git diff --no-index --word-diff", pairs)
	fmt.Println("\nin-process diff (history.Text), median of 5:")
	for _, s := range inproc {
		fmt.Println("  " + s)
	}
	return nil
}

func twoRevisions(ctx context.Context, dir, old, new string) (string, error) {
	s, err := store.Open(dir)
	if err != nil {
		return "", err
	}
	defer s.Close()
	svc := app.NewService(s)
	a, err := svc.Save(ctx, &app.Article{Headline: "Diff bench", Body: old}, app.SaveOptions{Author: "Bench", Base: -1})
	if err != nil {
		return "", err
	}
	a.Body = new
	if _, err := svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
		return "", err
	}
	return a.ID, nil
}

// rewrite replaces half the sentences and swaps a quarter of the
// paragraphs: the heavy rewrite of ANCHORS.md §3.
func rewrite(g *corpus.Generator, body string, rng *rand.Rand) string {
	paras := strings.Split(strings.TrimRight(body, "\n"), "\n\n")
	for i, p := range paras {
		ss := strings.SplitAfter(p, ". ")
		for j := range ss {
			if rng.IntN(2) == 0 {
				ss[j] = strings.TrimSpace(g.Body(12)) + " "
			}
		}
		paras[i] = strings.TrimSpace(strings.Join(ss, ""))
	}
	for k := 0; k < len(paras)/4; k++ {
		i, j := rng.IntN(len(paras)), rng.IntN(len(paras))
		paras[i], paras[j] = paras[j], paras[i]
	}
	return strings.Join(paras, "\n\n") + "\n"
}

func execOut(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return out.String(), nil
}
