package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"newsdesk/app"
	"newsdesk/app/history"
)

// diffJSON is what `diff --format json` prints: both revisions' who and
// when, the field changes and the body operations.
type diffJSON struct {
	ID  string           `json:"id"`
	Old app.RevisionInfo `json:"old"`
	New app.RevisionInfo `json:"new"`
	history.Comparison
}

func cmdDiff(e *env, args []string) error {
	fs := e.flags("diff")
	format := fs.String("format", "text", "output `FORMAT`: text, json or html")
	pos, err := e.parse(fs, args, 2, 3)
	if err != nil {
		return err
	}
	if e.json {
		*format = "json"
	}
	switch *format {
	case "text", "json", "html":
	default:
		return usagef("diff", "--format must be text, json or html, not %q", *format)
	}
	revs := make([]int, 0, 2)
	for _, s := range pos[1:] {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return usagef("diff", "a revision must be a number (1 or more), not %q", s)
		}
		revs = append(revs, n)
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		id := pos[0]
		if len(revs) == 1 { // one revision: compare it with the current one
			cur, err := svc.Article(e.ctx, id)
			if err != nil {
				return err
			}
			revs = append(revs, cur.Revision)
		}
		a, err := svc.Revision(e.ctx, id, revs[0])
		if err != nil {
			return err
		}
		b, err := svc.Revision(e.ctx, id, revs[1])
		if err != nil {
			return err
		}
		c := history.Compare(a.Article, b.Article)
		switch *format {
		case "json":
			return writeJSON(e.stdout, diffJSON{ID: id, Old: a.RevisionInfo, New: b.RevisionInfo, Comparison: c})
		case "html":
			return history.WriteHTML(e.stdout, history.HTMLPage{
				Title: b.Article.Headline, OldLabel: revisionLabel(a), NewLabel: revisionLabel(b), Comparison: c})
		}
		return writeTextDiff(e.stdout, a, b, c)
	})
}

func revisionLabel(r *app.Revision) string {
	return fmt.Sprintf("revision %d by %s, %s", r.Number, r.Author, r.Time.In(r.Article.Location()).Format("2006-01-02 15:04 MST"))
}

// writeTextDiff prints the field changes, then the body with git's
// --word-diff markers, which read without colour and survive a pipe.
func writeTextDiff(w io.Writer, a, b *app.Revision, c history.Comparison) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", revisionLabel(a), revisionLabel(b))
	for _, f := range c.Fields {
		sb.WriteString(f.String() + "\n")
	}
	if c.Body.Degraded {
		sb.WriteString("note: part of the body took too long to align word by word; it is shown replaced whole\n")
	}
	if !c.Body.Changed() {
		if len(c.Fields) == 0 {
			sb.WriteString("(no differences)\n")
		} else {
			sb.WriteString("(body unchanged)\n")
		}
	} else {
		sb.WriteString("\n" + c.Body.WordDiff())
		if !strings.HasSuffix(sb.String(), "\n") {
			sb.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func cmdBlame(e *env, args []string) error {
	fs := e.flags("blame")
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		lines, err := history.BlameArticle(e.ctx, svc, pos[0])
		if err != nil {
			return err
		}
		if e.json {
			if lines == nil {
				lines = []history.Attribution{}
			}
			return writeJSON(e.stdout, lines)
		}
		t := &table{}
		for _, l := range lines {
			t.add(fmt.Sprintf("r%d", l.Revision), l.Author, l.Time.Format("2006-01-02 15:04"), oneLine(l.Text))
		}
		return t.write(e.stdout)
	})
}
