package history

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"

	"newsdesk/app"
)

// Attribution says who last changed one paragraph of the current text.
type Attribution struct {
	Paragraph int       `json:"paragraph"` // 1-based, blank lines not counted
	Text      string    `json:"text"`
	Revision  int       `json:"revision"`
	Author    string    `json:"author"`
	Time      time.Time `json:"time"`
}

// Blame attributes each paragraph of the last revision to the revision
// that last changed it. revs must be one article's revisions, oldest first.
// It walks the history once, aligning the paragraphs of each revision with
// the previous one: a paragraph that survives keeps its attribution.
func Blame(revs []*app.Revision) []Attribution {
	type unit struct {
		text string
		rev  *app.Revision
	}
	var cur []unit
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = Timeout
	for _, r := range revs {
		next := splitParagraphs(r.Article.Body)
		old := make([]string, len(cur))
		for i, u := range cur {
			old[i] = u.text
		}
		ra, rb := runesFor(old, next)
		var out []unit
		ia, ib := 0, 0
		for _, d := range dmp.DiffMainRunes(ra, rb, false) {
			n := len([]rune(d.Text))
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				out = append(out, cur[ia:ia+n]...)
				ia, ib = ia+n, ib+n
			case diffmatchpatch.DiffDelete:
				ia += n
			case diffmatchpatch.DiffInsert:
				for k := 0; k < n; k++ {
					out = append(out, unit{text: next[ib+k], rev: r})
				}
				ib += n
			}
		}
		cur = out
	}
	var res []Attribution
	for _, u := range cur {
		if strings.TrimSpace(u.text) == "" {
			continue
		}
		res = append(res, Attribution{Paragraph: len(res) + 1, Text: u.text, Revision: u.rev.Number, Author: u.rev.Author,
			Time: u.rev.Time.In(u.rev.Article.Location())})
	}
	return res
}

// BlameArticle loads every revision of an article and blames its current
// text.
func BlameArticle(ctx context.Context, svc *app.Service, id string) ([]Attribution, error) {
	hist, err := svc.Store.History(ctx, id)
	if err != nil {
		return nil, err
	}
	revs := make([]*app.Revision, 0, len(hist))
	for _, h := range hist {
		r, err := svc.Revision(ctx, id, h.Number)
		if err != nil {
			return nil, fmt.Errorf("blame %s: %w", id, err)
		}
		revs = append(revs, r)
	}
	return Blame(revs), nil
}
