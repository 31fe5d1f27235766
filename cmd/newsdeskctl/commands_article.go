package main

import (
	"context"
	"fmt"
	"strconv"

	"newsdesk/app"
)

func cmdShow(e *env, args []string) error {
	fs := e.flags("show")
	rev := fs.Int("rev", 0, "show revision `N` instead of the latest")
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *rev < 0 {
		return usagef("show", "--rev must be a revision number (1 or more), not %d", *rev)
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		a, err := articleAt(e.ctx, svc, pos[0], *rev)
		if err != nil {
			return err
		}
		if e.json {
			return writeJSON(e.stdout, forJSON(a))
		}
		return renderArticle(e.stdout, a, relatedTitles(e.ctx, svc, a))
	})
}

// forJSON prepares an article for `show --json`: times in its own zone and
// empty lists as [] rather than null, which scripts iterate without a check.
func forJSON(a *app.Article) *app.Article {
	a = a.InZone()
	if a.Byline == nil {
		a.Byline = []string{}
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	if a.Photos == nil {
		a.Photos = []app.Photo{}
	}
	if a.Contacts == nil {
		a.Contacts = []app.Contact{}
	}
	if a.Related == nil {
		a.Related = []app.Related{}
	}
	return a
}

// articleAt returns revision rev of an article, or the latest when rev is 0.
func articleAt(ctx context.Context, svc *app.Service, id string, rev int) (*app.Article, error) {
	if rev == 0 {
		return svc.Article(ctx, id)
	}
	r, err := svc.Revision(ctx, id, rev)
	if err != nil {
		return nil, err
	}
	a := r.Article.Clone()
	a.Revision = r.Number
	return a, nil
}

// relatedTitles looks up the headlines of related articles of ours; a link
// to a missing article is shown as such rather than failing the display.
func relatedTitles(ctx context.Context, svc *app.Service, a *app.Article) map[string]string {
	titles := map[string]string{}
	for _, r := range a.Related {
		if r.ID == "" {
			continue
		}
		if other, err := svc.Article(ctx, r.ID); err == nil {
			titles[r.ID] = other.Headline
		}
	}
	return titles
}

func cmdLog(e *env, args []string) error {
	fs := e.flags("log")
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		a, err := svc.Article(e.ctx, pos[0])
		if err != nil {
			return err
		}
		hist, err := svc.History(e.ctx, pos[0])
		if err != nil {
			return err
		}
		// Times read in the article's zone, like everything else about it.
		loc := a.Location()
		entries := make([]app.RevisionInfo, len(hist))
		for i, h := range hist {
			h.Time = h.Time.In(loc)
			entries[i] = h
		}
		if e.json {
			return writeJSON(e.stdout, entries)
		}
		t := &table{}
		t.add("REV", "AUTHOR", "TIME", "STATUS", "WORDS", "MESSAGE")
		for i, h := range entries {
			status := string(h.Status)
			if h.StatusFrom != "" {
				status = fmt.Sprintf("%s -> %s", h.StatusFrom, h.Status)
			}
			words := strconv.Itoa(h.Words)
			if i+1 < len(entries) {
				words += fmt.Sprintf(" (%+d)", h.Words-entries[i+1].Words)
			}
			t.add(strconv.Itoa(h.Number), oneLine(h.Author), h.Time.Format(portalTime), status, words, oneLine(h.Message))
		}
		return t.write(e.stdout)
	})
}

func cmdRestore(e *env, args []string) error {
	fs := e.flags("restore")
	pos, err := e.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(pos[1])
	if err != nil || n < 1 {
		return usagef("restore", "REV must be a revision number (1 or more), not %q", pos[1])
	}
	author := e.authorName()
	return e.withService(mustExist, func(svc *app.Service) error {
		a, err := svc.Restore(e.ctx, pos[0], n, author)
		if err != nil {
			return err
		}
		if e.json {
			return writeJSON(e.stdout, struct {
				ID           string `json:"id"`
				Revision     int    `json:"revision"`
				RestoredFrom int    `json:"restored_from"`
			}{a.ID, a.Revision, n})
		}
		_, err = fmt.Fprintf(e.stdout, "restored %s revision %d as revision %d\n", a.ID, n, a.Revision)
		return err
	})
}

func cmdDelete(e *env, args []string) error   { return setDeleted(e, "delete", args, true) }
func cmdUndelete(e *env, args []string) error { return setDeleted(e, "undelete", args, false) }

func setDeleted(e *env, name string, args []string, deleted bool) error {
	fs := e.flags(name)
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	author := e.authorName()
	return e.withService(mustExist, func(svc *app.Service) error {
		id := pos[0]
		if deleted {
			err = svc.Delete(e.ctx, id, author)
		} else {
			err = svc.Undelete(e.ctx, id, author)
		}
		if err != nil {
			return err
		}
		if e.json {
			return writeJSON(e.stdout, struct {
				ID      string `json:"id"`
				Deleted bool   `json:"deleted"`
			}{id, deleted})
		}
		what := "moved %s to the Trash (undelete brings it back)\n"
		if !deleted {
			what = "brought %s back from the Trash\n"
		}
		_, err = fmt.Fprintf(e.stdout, what, id)
		return err
	})
}
