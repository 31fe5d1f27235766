package export

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"newsdesk/app"
)

// check sorts the batch into unchanged, skipped (with every reason),
// failed, and fresh entries to export, in batch order. Stories are read
// and checked on several workers: reading them is most of the work.
func (x *Exporter) check(ctx context.Context, cands []*candidate, opt Options, oldByID map[string]Entry,
	exported map[string]int, images *imageSet, rep *Report) (map[string]*siteEntry, []string, error) {
	type outcome struct {
		item  ItemResult
		list  *[]ItemResult
		entry *siteEntry
	}
	out := make([]outcome, len(cands))
	var kept budget
	var mu sync.Mutex
	done := 0
	err := parallel(ctx, len(cands), x.Workers, func(i int) {
		c := cands[i]
		o := &out[i]
		o.item = itemOf(c.sum)
		defer func() {
			mu.Lock()
			done++
			opt.progress("check", done, len(cands), c.sum.Headline)
			mu.Unlock()
		}()
		if why := x.selectionProblem(c, opt.Select, true); why != "" {
			o.item.Problems, o.list = []string{why}, &rep.Skipped
			return
		}
		if oe, ok := oldByID[c.sum.ID]; ok && c.art == nil && oe.Revision == c.sum.Revision && exported[c.sum.ID] == c.sum.Revision {
			o.list = &rep.Unchanged
			return
		}
		a := c.art
		if a == nil {
			var err error
			if a, err = x.Store.Article(ctx, c.sum.ID); err != nil {
				o.item.Problems, o.list = []string{"cannot read the article: " + err.Error()}, &rep.Failed
				return
			}
		}
		o.item = itemOf(app.SummaryOf(a))
		problems := contentProblems(a)
		for j, p := range a.Photos {
			if !blobRef.MatchString(p.Image) {
				continue
			}
			if _, err := images.lookup(ctx, x, p.Image); err != nil {
				problems = append(problems, fmt.Sprintf("photos[%d].image: %v", j, err))
			}
		}
		if len(problems) > 0 {
			o.item.Problems, o.list = problems, &rep.Skipped
			return
		}
		o.entry = &siteEntry{Entry: x.entryOf(ctx, a), art: a, dated: a.PublishedAt != nil || a.ScheduledAt != nil}
		if c.art == nil && !kept.keep(len(a.Body)) {
			o.entry.art = nil // read again, by revision, when its pages are made
		}
		o.list = &rep.Exported
	})
	if err != nil {
		return nil, nil, err
	}
	fresh := map[string]*siteEntry{}
	var order []string
	for _, o := range out {
		*o.list = append(*o.list, o.item)
		if o.entry != nil {
			fresh[o.entry.ID] = o.entry
			order = append(order, o.entry.ID)
		}
	}
	return fresh, order, nil
}

// parallel calls fn(0..n-1) on workers (the CPUs when workers is 0) and
// stops handing out work when ctx is done.
func parallel(ctx context.Context, n, workers int, fn func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}

// portalTime keeps the time a story showed on the portal when it has no
// publication or schedule time of its own (a ready story): otherwise each
// correction would date it anew and move it to the top of every page,
// which readers would take for news, and which would remake every page.
func portalTime(dated bool, now, before time.Time) time.Time {
	if dated {
		return now
	}
	return before
}

// removal says why a story leaves the portal.
type removal struct{ why string }

// withdrawn finds the stories of the old portal that were killed or moved
// to the Trash since: the next export takes them down.
func (x *Exporter) withdrawn(ctx context.Context, old *Manifest, fresh map[string]*siteEntry) (map[string]*removal, error) {
	out := map[string]*removal{}
	if len(old.Articles) == 0 {
		return out, nil
	}
	on := map[string]bool{}
	for _, e := range old.Articles {
		on[e.ID] = true
	}
	for _, f := range []struct {
		filter app.Filter
		why    string
	}{{app.Filter{Status: app.StatusKilled}, "killed"}, {app.Filter{Deleted: true}, "moved to the Trash"}} {
		res, err := x.Store.List(ctx, f.filter)
		if err != nil {
			return nil, fmt.Errorf("find withdrawn stories: %w", err)
		}
		for _, s := range res.Items {
			if on[s.ID] && fresh[s.ID] == nil {
				out[s.ID] = &removal{why: f.why}
			}
		}
	}
	return out, nil
}
