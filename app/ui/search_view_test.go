package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// drain runs what background work queued for the UI until nothing is
// left, waiting for the work in waits first.
func drain(loop *uiLoop, waits ...func()) {
	for {
		for _, w := range waits {
			w()
		}
		loop.mu.Lock()
		q := loop.queue
		loop.queue = nil
		loop.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// eventually drains until cond holds: for work started by a timer (the
// search waits for a pause in typing), which no wait group covers.
func eventually(t *testing.T, what string, step func(), cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		step()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// boldWords returns the bold runs of every rich text shown under o.
func boldWords(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.RichText:
			for _, s := range w.Segments {
				if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
					out = append(out, ts.Text)
				}
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func TestWindowSearchAsYouType(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	content := w.Canvas().Content()

	shortcut(w, ShortcutFind)
	if w.Canvas().Focused() != u.list.filter {
		t.Fatalf("Ctrl+F focused %T", w.Canvas().Focused())
	}
	// 草案 is in the draft's headline and text, not in any byline or
	// section: only the full-text search finds it by its text.
	typeText(w, "草案")
	eventually(t, "results for 草案", u.wait, func() bool { return slices.Contains(boldWords(content), "草案") })
	assertShown(t, content, "数据保护法草案征求意见", "李明 · 政治与法律 · Draft", "1 story")
	for _, gone := range []string{"Port traffic rebounds in Shenzhen", "No articles here."} {
		if slices.ContainsFunc(shownTexts(content), func(s string) bool { return strings.Contains(s, gone) }) {
			t.Errorf("%q still shows under the results", gone)
		}
	}

	// Enter opens the first result, as a click in the list does.
	pressKey(w, fyne.KeyReturn)
	u.wait()
	if u.ed.ID() != n.Draft.ID {
		t.Fatalf("Enter opened %q", u.ed.ID())
	}

	// A bad query shows the engine's message under the field, no dialog.
	u.list.filter.SetText(`"data protection`)
	eventually(t, "the bad query's message", u.wait, func() bool {
		return slices.ContainsFunc(shownTexts(content), func(s string) bool { return strings.Contains(s, "unbalanced quote") })
	})
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a bad query opened an overlay: %q", shownTexts(top))
	}

	// Esc clears the field and brings back the desk listing.
	w.Canvas().Focus(u.list.filter)
	pressKey(w, fyne.KeyEscape)
	u.wait()
	if u.list.filter.Text != "" || len(u.list.items) != 3 {
		t.Fatalf("after Esc: field %q, %d listed", u.list.filter.Text, len(u.list.items))
	}
	assertShown(t, content, "Port traffic rebounds in Shenzhen", "Lawmakers weigh limits on facial recognition")
}

func TestWindowSearchFiltersAndKeys(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	content := w.Canvas().Content()

	shortcut(w, ShortcutFind)
	typeText(w, "数据")
	eventually(t, "two results", u.wait, func() bool {
		return slices.ContainsFunc(shownTexts(content), func(s string) bool { return s == "2 stories" })
	})
	// Down moves to the second result without opening it; Enter opens it.
	pressKey(w, fyne.KeyDown)
	pressKey(w, fyne.KeyDown)
	u.wait()
	if u.ed.IsOpen() {
		t.Fatalf("moving through the results opened %q", u.ed.ID())
	}
	pressKey(w, fyne.KeyReturn)
	u.wait()
	second := u.ed.ID()
	if second != n.Facial.ID && second != n.Draft.ID {
		t.Fatalf("Enter on the second result opened %q", second)
	}

	// The status filter narrows the results (and is a select, as the
	// sections are).
	sel := findSelect(t, content, anyStatus)
	sel.SetSelected("Published")
	eventually(t, "published only", u.wait, func() bool {
		return slices.ContainsFunc(shownTexts(content), func(s string) bool { return s == "1 story" })
	})
	assertShown(t, content, "Lawmakers weigh limits on facial recognition")
	sections := findSelect(t, content, anySection)
	if !slices.Contains(sections.Options, "Business") || !slices.Contains(sections.Options, "Politics & Law") {
		t.Errorf("section filter offers %q", sections.Options)
	}
}

// findSelect returns the shown select whose options include opt.
func findSelect(t *testing.T, o fyne.CanvasObject, opt string) *widget.Select {
	t.Helper()
	sel, ok := shownWidget(o, func(s *widget.Select) bool { return slices.Contains(s.Options, opt) })
	if !ok {
		t.Fatalf("no select offering %q is shown", opt)
	}
	return sel
}

func TestArticlePicker(t *testing.T) {
	test.NewTempApp(t)
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	loop := &uiLoop{}
	var picked []string
	p := newArticlePicker(svc, loop.do, func(id, headline string) { picked = append(picked, id+" "+headline) })
	t.Cleanup(p.Close)
	// The story being edited is never offered as its own related story.
	p.Exclude(n.Facial.ID)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(600, 500))
	settle := func() { drain(loop, p.box.wg.Wait) }
	settle()
	if p.results.Visible() {
		t.Fatal("results show before anything is typed")
	}

	w.Canvas().Focus(p.box.field)
	test.Type(p.box.field, "数据")
	eventually(t, "the picker's results", settle, func() bool { return p.results.Visible() && len(p.box.hits) > 0 })
	if len(p.box.hits) != 1 || p.box.hits[0].ID != n.Draft.ID {
		t.Fatalf("picker offers %v", p.box.hits)
	}
	assertShown(t, p, "数据保护法草案征求意见")
	if b := boldWords(p); !slices.Contains(b, "数据") {
		t.Errorf("bold words %q", b)
	}

	// A click picks it; the field empties for the next pick.
	p.box.list.Select(0)
	if want := n.Draft.ID + " 数据保护法草案征求意见"; len(picked) != 1 || picked[0] != want {
		t.Fatalf("picked %q, want %q", picked, want)
	}
	settle()
	if p.box.field.Text != "" || p.results.Visible() {
		t.Errorf("after the pick: field %q, results shown %v", p.box.field.Text, p.results.Visible())
	}

	// Enter before the answer has come picks the first result once it does.
	test.Type(p.box.field, "Shenz")
	p.box.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle()
	if len(picked) != 2 || !strings.HasPrefix(picked[1], n.Port.ID+" ") {
		t.Fatalf("Enter picked %q", picked)
	}
}
