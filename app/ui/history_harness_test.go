package ui

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
	"newsdesk/store"
)

// deskLoop stands in for the UI goroutine in the copy desk's tests:
// results handed to fyne.Do wait here and run on the test goroutine.
type deskLoop struct {
	mu    sync.Mutex
	queue []func()
}

func (l *deskLoop) do(f func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.queue = append(l.queue, f)
}

// settle waits for the runners' work and runs what it queued, until
// nothing is left: the views then show the result of every action so far.
func (l *deskLoop) settle(rs ...*deskRunner) {
	for {
		for _, r := range rs {
			r.wg.Wait()
		}
		l.mu.Lock()
		q := l.queue
		l.queue = nil
		l.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// deskClock is a settable clock for the service: saves happen a minute
// apart unless a test moves it.
type deskClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *deskClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Minute)
	return c.now
}

// deskService opens a real in-memory Badger store with a service whose
// clock starts at 2026-11-28 09:00 Beijing time.
func deskService(tb testing.TB) (*app.Service, *deskClock) {
	tb.Helper()
	st, err := store.OpenMemory()
	if err != nil {
		tb.Fatalf("open memory store: %v", err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	svc := app.NewService(st)
	clock := &deskClock{now: time.Date(2026, 11, 28, 1, 0, 0, 0, time.UTC)}
	svc.Now = clock.Now
	return svc, clock
}

// deskSave saves a as author with message and fails the test on error.
func deskSave(tb testing.TB, svc *app.Service, a *app.Article, author, msg string) *app.Article {
	tb.Helper()
	out, err := svc.Save(context.Background(), a, app.SaveOptions{Author: author, Message: msg, Base: -1})
	if err != nil {
		tb.Fatalf("save %q: %v", a.Headline, err)
	}
	return out
}

// deskStory writes a story of four revisions by three people:
//
//	r1 Li Na: the draft
//	r2 Wang Lei: copy edit (a word in paragraph one, a sentence added to paragraph two, headline)
//	r3 Wang Lei: draft -> copyedit
//	r4 Anna Berg: Chinese paragraph added
func deskStory(tb testing.TB, svc *app.Service) *app.Article {
	tb.Helper()
	a := deskSave(tb, svc, &app.Article{
		Headline: "Lawmakers weigh limits on facial recognition",
		Byline:   []string{"Li Na"},
		Section:  "Politics & Law",
		Tags:     []string{"privacy"},
		Body:     "Lawmakers considered a draft law on Monday.\n\nIt was vague about <cameras> & signs.",
		Status:   app.StatusDraft,
	}, "Li Na", "first draft")
	b := a.Clone()
	b.Headline = "Lawmakers approve limits on facial recognition"
	b.Body = "Lawmakers approved a draft law on Monday.\n\nIt was vague about <cameras> & signs. Critics want more."
	b = deskSave(tb, svc, b, "Wang Lei", "copy edit")
	if _, err := svc.Transition(context.Background(), b.ID, app.StatusCopyedit, app.TransitionOptions{Author: "Wang Lei", Base: -1}); err != nil {
		tb.Fatalf("transition: %v", err)
	}
	c, err := svc.Article(context.Background(), b.ID)
	if err != nil {
		tb.Fatal(err)
	}
	c.Body += "\n\n专家认为，草案仍需细化。"
	return deskSave(tb, svc, c, "Anna Berg", "add reaction")
}

// findButton returns the visible button labelled text under o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	b, _ := shownWidget(o, func(b *widget.Button) bool { return b.Text == text })
	return b
}

// tapButton taps the button labelled text under o, failing when there is
// none or it is disabled.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := findButton(o, text)
	if b == nil {
		t.Fatalf("no button %q; shown: %q", text, shownTexts(o))
	}
	if b.Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

// deskPercentile returns the p-th percentile of xs (sorted in place).
func deskPercentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[min(len(xs)-1, int(float64(len(xs))*p/100))]
}
