package store_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/app"
)

// TestConcurrentSavesLoseNothing: goroutines save the same article at
// once (as the editor, an import and the scheduler may), while others
// search, list and publish what is due. Every save must become its own
// revision, with its own text, and the chain must stay gapless.
func TestConcurrentSavesLoseNothing(t *testing.T) {
	s := MustOpen(t, t.TempDir())
	defer s.Close()
	svc := app.NewService(s)
	a := save(t, svc, sampleArticle(1), "Li Na")
	const writers, each = 6, 40
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+100)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				b := a.Clone()
				b.Body = fmt.Sprintf("writer %d save %d\n\n%s", w, i, a.Body)
				if _, err := svc.Save(ctx, b, app.SaveOptions{Author: fmt.Sprintf("w%d", w), Base: -1}); err != nil {
					errs <- err
				}
			}
		}()
	}
	stop := make(chan struct{})
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := s.Search(ctx, app.SearchRequest{Query: "writer"}); err != nil {
				errs <- err
			}
			if _, err := s.List(ctx, app.Filter{}); err != nil {
				errs <- err
			}
			if _, err := svc.PublishDue(ctx, time.Now(), false, "scheduler"); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	hist, err := svc.History(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1+writers*each {
		t.Fatalf("%d revisions, want %d", len(hist), 1+writers*each)
	}
	seen := map[string]bool{}
	for _, h := range hist {
		if h.Number == 1 {
			continue
		}
		r, err := svc.Revision(ctx, a.ID, h.Number)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(r.Article.Body, "\n")
		if seen[first] {
			t.Fatalf("two revisions hold %q", first)
		}
		seen[first] = true
	}
	if len(seen) != writers*each {
		t.Fatalf("%d distinct saves, want %d", len(seen), writers*each)
	}
	if rep, err := s.Check(ctx, false); err != nil || !rep.OK() {
		t.Fatalf("check: %v %v", err, rep.Problems)
	}
	// The index holds the latest text, whichever writer saved last.
	cur, _ := svc.Article(ctx, a.ID)
	last, _, _ := strings.Cut(cur.Body, "\n")
	res, _ := s.Search(ctx, app.SearchRequest{Query: `"` + last + `"`})
	if res == nil || len(res.Hits) != 1 {
		t.Fatalf("the index missed the last save (%q)", last)
	}
}
