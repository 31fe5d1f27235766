package export

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsdesk/app"
)

// pushItem is one ninjs document to POST.
type pushItem struct {
	item    ItemResult
	body    []byte
	removal bool // a withdrawn story, sent with pubstatus "canceled"
}

// push sends the batch's ninjs to the profile's endpoint. Every success
// is written to the export log as soon as the portal confirms it, so an
// interrupted push resumes where it stopped; a retried or repeated POST
// carries the same Idempotency-Key, so the portal never stores a story
// twice.
func (x *Exporter) push(ctx context.Context, prof Profile, opt Options, rep *Report) error {
	token := ""
	if prof.TokenEnv != "" {
		if token = x.getenv(prof.TokenEnv); token == "" {
			return app.Errorf(app.EINVALID, "profile %s: the environment variable %s holding the portal's token is not set", prof.Name, prof.TokenEnv)
		}
	}
	timeout, _ := time.ParseDuration(prof.Timeout)
	exported, err := x.Store.ExportedRevisions(ctx, rep.Target)
	if err != nil {
		return fmt.Errorf("read the export state of %s: %w", rep.Target, err)
	}
	items, err := x.pushBatch(ctx, prof, opt, exported, rep)
	if err != nil {
		return err
	}
	if opt.DryRun {
		for _, it := range items {
			rep.Written = append(rep.Written, "POST "+prof.Target+" "+it.item.ID+" revision "+strconv.Itoa(it.item.Revision))
		}
		return nil
	}
	var mu sync.Mutex
	var done int
	sem := make(chan struct{}, prof.Concurrency)
	var wg sync.WaitGroup
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			perr := x.post(ctx, prof.Target, token, it, timeout, prof.Retries)
			mu.Lock()
			defer mu.Unlock()
			done++
			opt.progress("push", done, len(items), it.item.Headline)
			result := "exported"
			switch {
			case perr != nil:
				it.item.Problems = []string{perr.Error()}
				rep.Failed = append(rep.Failed, it.item)
				result = "failed"
			case it.removal:
				rep.Removed = append(rep.Removed, it.item)
			default:
				rep.Exported = append(rep.Exported, it.item)
			}
			rec := app.ExportRecord{Target: rep.Target, ArticleID: it.item.ID, Revision: it.item.Revision,
				Time: x.now(), By: opt.By, Result: result, Detail: strings.Join(it.item.Problems, "; ")}
			if it.removal && perr == nil {
				rec.Detail = "withdrawn: sent with pubstatus canceled"
			}
			if err := x.Store.RecordExports(context.WithoutCancel(ctx), []app.ExportRecord{rec}); err != nil {
				x.log().Warn("export log", "id", it.item.ID, "err", err)
			}
		}()
	}
	wg.Wait()
	for _, list := range [][]ItemResult{rep.Exported, rep.Failed, rep.Removed} {
		sort.SliceStable(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	}
	rest := rep.records(opt.By, x.now())
	var tail []app.ExportRecord
	for _, r := range rest {
		if r.Result == "unchanged" || r.Result == "skipped" {
			tail = append(tail, r)
		}
	}
	if err := x.record(context.WithoutCancel(ctx), tail); err != nil {
		return fmt.Errorf("export log: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("push to %s stopped; what was sent is recorded and the next run resumes: %w", prof.Target, err)
	}
	return nil
}

// pushBatch checks the batch and encodes the ninjs of what must be sent:
// new revisions, and withdrawals of stories sent before.
func (x *Exporter) pushBatch(ctx context.Context, prof Profile, opt Options, exported map[string]int, rep *Report) ([]*pushItem, error) {
	cands, err := x.gather(ctx, opt.Select)
	if err != nil {
		return nil, err
	}
	images := newImageSet(nil)
	md := newMarkdown()
	var out []*pushItem
	inBatch := map[string]bool{}
	for i, c := range cands {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		opt.progress("check", i, len(cands), c.sum.Headline)
		inBatch[c.sum.ID] = true
		item := itemOf(c.sum)
		if why := x.selectionProblem(c, opt.Select, !prof.SendEmbargoed); why != "" {
			item.Problems = []string{why}
			rep.Skipped = append(rep.Skipped, item)
			continue
		}
		if c.art == nil && exported[c.sum.ID] == c.sum.Revision {
			rep.Unchanged = append(rep.Unchanged, item)
			continue
		}
		a := c.art
		if a == nil {
			if a, err = x.Store.Article(ctx, c.sum.ID); err != nil {
				item.Problems = []string{"cannot read the article: " + err.Error()}
				rep.Failed = append(rep.Failed, item)
				continue
			}
		}
		item = itemOf(app.SummaryOf(a))
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
			item.Problems = problems
			rep.Skipped = append(rep.Skipped, item)
			continue
		}
		body, err := x.ninjsBody(ctx, a, md, prof)
		if err != nil {
			item.Problems = []string{err.Error()}
			rep.Failed = append(rep.Failed, item)
			continue
		}
		out = append(out, &pushItem{item: item, body: body})
	}
	// Stories sent before and since killed or trashed are withdrawn.
	for _, f := range []app.Filter{{Status: app.StatusKilled}, {Deleted: true}} {
		res, err := x.Store.List(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("find withdrawn stories: %w", err)
		}
		for _, s := range res.Items {
			if exported[s.ID] == 0 || exported[s.ID] == s.Revision || inBatch[s.ID] {
				continue
			}
			a, err := x.Store.Article(ctx, s.ID)
			if err != nil {
				return nil, fmt.Errorf("withdrawn story %s: %w", s.ID, err)
			}
			a.Status = app.StatusKilled // a trashed story is withdrawn the same way
			body, err := x.ninjsBody(ctx, a, md, prof)
			if err != nil {
				return nil, err
			}
			out = append(out, &pushItem{item: itemOf(s), body: body, removal: true})
		}
	}
	return out, nil
}

// ninjsBody encodes the ninjs of a story for a push: related stories are
// named by their urn, as the receiving portal knows them.
func (x *Exporter) ninjsBody(ctx context.Context, a *app.Article, md *markdown, prof Profile) ([]byte, error) {
	html, err := md.HTML(a.Body)
	if err != nil {
		return nil, err
	}
	var related []linkView
	for _, r := range a.Related {
		l := linkView{Text: r.Headline, Href: safeHref(r.URL), ID: r.ID}
		if r.ID != "" {
			if s, err := x.Store.Summary(ctx, r.ID); err == nil && l.Text == "" {
				l.Text = s.Headline
			}
		}
		related = append(related, l)
	}
	doc := ninjsOf(a, ninjsInput{related: related, zone: zoneOf(prof.TimeZone), body: string(html)})
	var buf bytes.Buffer
	if err := writeCompactJSON(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
