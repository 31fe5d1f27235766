package main

import (
	"fmt"
	"strings"

	"newsdesk/app"
)

// searchJSON is one hit as `search --json` prints it.
type searchJSON struct {
	ID       string  `json:"id"`
	Headline string  `json:"headline"`
	Score    float64 `json:"score"`
	Snippet  string  `json:"snippet"`
	Status   string  `json:"status"`
	Section  string  `json:"section"`
}

func cmdSearch(e *env, args []string) error {
	fs := e.flags("search")
	status := fs.String("status", "", "only articles in `STATUS`")
	section := fs.String("section", "", "only articles in `SECTION`")
	tag := fs.String("tag", "", "only articles tagged `TAG`")
	author := fs.String("author-name", "", "only articles with `NAME` in the byline or as last editor")
	limit := fs.Int("limit", 20, "at most `N` results")
	trash := fs.Bool("trash", false, "search the Trash")
	pos, err := e.parse(fs, args, 1, -1)
	if err != nil {
		return err
	}
	st := app.Status("")
	if *status != "" {
		if st, err = app.ParseStatus(*status); err != nil {
			return usagef("search", "%v", err)
		}
	}
	if *limit < 1 || *limit > 1000 {
		return usagef("search", "--limit must be between 1 and 1000")
	}
	req := app.SearchRequest{Query: strings.Join(pos, " "), Status: st, Section: *section, Tag: *tag,
		Author: *author, Limit: *limit, Deleted: *trash}
	return e.withService(mustExist, func(svc *app.Service) error {
		res, err := svc.Search(e.ctx, req)
		if err != nil {
			return err
		}
		if e.json {
			out := make([]searchJSON, len(res.Hits))
			for i, h := range res.Hits {
				out[i] = searchJSON{ID: h.ID, Headline: h.Headline, Score: h.Score, Snippet: h.Snippet, Status: string(h.Status), Section: h.Section}
			}
			return writeJSON(e.stdout, out)
		}
		if len(res.Hits) == 0 {
			_, err := fmt.Fprintln(e.stdout, "no articles match")
			return err
		}
		var sb strings.Builder
		for _, h := range res.Hits {
			fmt.Fprintf(&sb, "%s  %-9s  %s\n    %s\n", h.ID, h.Status, oneLine(h.Headline), h.Snippet)
		}
		fmt.Fprintf(&sb, "%s shown of %d matching\n", plural(len(res.Hits), "article"), res.Matched)
		_, err = fmt.Fprint(e.stdout, sb.String())
		return err
	})
}

func cmdReindex(e *env, args []string) error {
	fs := e.flags("reindex")
	if _, err := e.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		last := -1
		err := svc.Store.Reindex(e.ctx, func(done, total int) {
			if pct := done * 100 / max(total, 1); pct/10 != last/10 {
				last = pct
				fmt.Fprintf(e.stderr, "reindex: %d of %d articles (%d%%)\n", done, total, pct)
			}
		})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.stdout, "search index rebuilt")
		return err
	})
}
