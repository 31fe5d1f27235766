package export

import (
	"context"
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"newsdesk/app"
)

// keepBudget bounds the bodies the check keeps for rendering; past it,
// stories are read again when their pages are made, so that a batch of
// tens of thousands never holds them all in memory.
const keepBudget = 32 << 20

// story is a story's content while its files are made: read (or kept from
// the check) once, its Markdown rendered once, and dropped when the last
// file that needs it is done.
type story struct {
	once  sync.Once
	art   *app.Article
	body  template.HTML
	err   error
	users atomic.Int32
}

// story returns the revision of e to render and its body as HTML: the
// revision exported now, or the one the old portal had, read again.
func (b *builder) story(e *siteEntry) (*app.Article, template.HTML, error) {
	st := e.story
	st.once.Do(func() {
		a := e.art
		if a == nil {
			rev, err := b.x.Store.Revision(context.Background(), e.ID, e.Revision)
			if err != nil {
				st.err = fmt.Errorf("story %s revision %d: %w", e.ID, e.Revision, err)
				return
			}
			a = rev.Article
			for _, p := range a.Photos {
				if _, err := b.r.site.images.lookup(context.Background(), b.x, p.Image); err != nil {
					st.err = err
					return
				}
			}
		}
		st.art = a
		st.body, st.err = b.r.md.HTML(a.Body)
	})
	return st.art, st.body, st.err
}

// release drops the story once the last of its files is done.
func (b *builder) release(e *siteEntry) {
	if e.story.users.Add(-1) == 0 {
		e.story.art, e.story.body, e.art = nil, "", nil
	}
}

// budget tracks the bodies kept by the check.
type budget struct{ used atomic.Int64 }

// keep reports whether a story of n bytes may stay in memory.
func (k *budget) keep(n int) bool {
	return k.used.Add(int64(n)) <= keepBudget
}
