package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

// revisionBodies is ANCHORS.md §2: a 2,000-word article and 999 more revisions of
// three copy edits each, from seed 7.
func revisionBodies() []string {
	g := corpus.New(7, false)
	body := g.Body(2000)
	out := []string{body}
	for len(out) < 1000 {
		body = g.CopyEdit(body, 3)
		out = append(out, body)
	}
	return out
}

// revstore compares 1,000 saves with 1,000 git commits, the bytes each
// keeps, and reading revision 500 back.
func (b *bench) revstore() error {
	bodies := revisionBodies()
	ctx := context.Background()
	var storeDir, gitDir string
	var id string
	round := 0
	saves, err := alternate("1,000 saves vs 1,000 commits", b.rounds,
		func() (time.Duration, error) {
			round++
			storeDir = filepath.Join(b.dir, fmt.Sprintf("store-%d", round))
			s, err := store.Open(storeDir)
			if err != nil {
				return 0, err
			}
			defer s.Close()
			svc := app.NewService(s)
			a := corpus.New(7, false).Article(10)
			start := time.Now()
			for _, body := range bodies {
				a.Body = body
				if a, err = svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
					return 0, err
				}
			}
			id = a.ID
			return time.Since(start), nil
		},
		func() (time.Duration, error) {
			gitDir = filepath.Join(b.dir, fmt.Sprintf("git-%d", round))
			return gitCommitLoop(gitDir, bodies)
		})
	if err != nil {
		return err
	}
	report("Revision store: 1,000 revisions of a 2,000-word article", "git (a commit per revision)", []*pair{saves})

	rawStore := allocated(storeDir)
	s, err := store.Open(storeDir)
	if err != nil {
		return err
	}
	if err := s.Compact(); err != nil {
		return err
	}
	s.Close()
	compacted := allocated(storeDir)
	rawGit := allocated(filepath.Join(gitDir, ".git"))
	if _, err := timeCmd(gitDir, "", "git", "gc", "-q", "--prune=now"); err != nil {
		return err
	}
	gcGit := allocated(filepath.Join(gitDir, ".git"))
	fmt.Printf("\nbytes on disk (allocated): Newsdesk %s (after Compact %s); git %s (after git gc %s); Newsdesk/git after gc: %.2f\n",
		mb(rawStore), mb(compacted), mb(rawGit), mb(gcGit), float64(compacted)/float64(gcGit))

	sha, err := gitRevision(gitDir, 500)
	if err != nil {
		return err
	}
	read, err := alternate("read revision 500 (whole process)", b.rounds*5,
		func() (time.Duration, error) {
			return timeCmd(b.dir, "", b.ctl, "--store", storeDir, "show", id, "--rev", "500", "--json")
		},
		func() (time.Duration, error) { return timeCmd(gitDir, "", "git", "show", sha+":article.txt") })
	if err != nil {
		return err
	}
	report("Reading an old revision", "git show", []*pair{read})
	return nil
}

// gitCommitLoop writes and commits every body, one process per step, as
// a newsroom keeping its copy in git would.
func gitCommitLoop(dir string, bodies []string) (time.Duration, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	env := []string{"-c", "user.name=Bench", "-c", "user.email=bench@newsdesk.example"}
	if _, err := timeCmd(dir, "", "git", "init", "-q"); err != nil {
		return 0, err
	}
	start := time.Now()
	for i, body := range bodies {
		if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte(body), 0o644); err != nil {
			return 0, err
		}
		if _, err := timeCmd(dir, "", "git", "add", "article.txt"); err != nil {
			return 0, err
		}
		if _, err := timeCmd(dir, "", "git", append(env, "commit", "-q", "-m", "revision "+strconv.Itoa(i+1))...); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

// gitRevision returns the commit of revision n (1-based) of the loop.
func gitRevision(dir string, n int) (string, error) {
	out, err := execOut(dir, "git", "rev-list", "--reverse", "HEAD")
	if err != nil {
		return "", err
	}
	shas := strings.Fields(out)
	if n > len(shas) {
		return "", fmt.Errorf("git history has %d commits", len(shas))
	}
	return shas[n-1], nil
}
