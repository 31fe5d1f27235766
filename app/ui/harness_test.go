package ui

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// uiLoop stands in for the desktop driver's event loop: functions handed to
// fyne.Do wait in a queue and run on the test goroutine, as they would run
// on the UI goroutine, instead of on the background goroutine that Fyne's
// test driver would use.
type uiLoop struct {
	mu    sync.Mutex
	queue []func()
}

func (l *uiLoop) do(f func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.queue = append(l.queue, f)
}

// harness is a window under test with its event loop.
type harness struct {
	*UI
	loop *uiLoop
}

// wait lets background work finish and runs what it queued for the UI,
// until nothing is left: the window then shows the result of every action
// so far, with no sleeping.
func (h *harness) wait() {
	for {
		h.wg.Wait()
		h.loop.mu.Lock()
		q := h.loop.queue
		h.loop.queue = nil
		h.loop.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// newTestUI opens the window on svc with Fyne's test driver and waits for
// the first load to be drawn.
func newTestUI(t *testing.T, svc *app.Service, opts Options) (*harness, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	if opts.Author == "" {
		opts.Author = "tester"
	}
	loop := &uiLoop{}
	opts.do = loop.do
	h := &harness{UI: New(a, w, svc, opts), loop: loop}
	t.Cleanup(h.Close)
	h.wait()
	return h, w
}

// shownTexts returns the text of every visible label, rich text, link,
// button, check, comparison line and bare canvas text (menus draw theirs
// without labels) under o: what a person would read on screen.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
			return
		case *widget.RichText:
			out = append(out, w.String())
			return
		case *widget.Hyperlink:
			out = append(out, w.Text)
			return
		case *widget.Button:
			out = append(out, w.Text)
			return
		case *widget.Check:
			out = append(out, w.Text)
			return
		case *cmpRow:
			out = append(out, w.line.text())
			return
		case *canvas.Text:
			out = append(out, w.Text)
			return
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

// shownWidget returns the first visible widget of type T under o that
// match accepts: the one finder the view tests share.
func shownWidget[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	var found T
	ok := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if ok || o == nil || !o.Visible() {
			return
		}
		if w, is := o.(T); is && match(w) {
			found, ok = w, true
			return
		}
		switch w := o.(type) {
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
	return found, ok
}

func assertShown(t *testing.T, o fyne.CanvasObject, want ...string) {
	t.Helper()
	texts := shownTexts(o)
	for _, s := range want {
		if !slices.ContainsFunc(texts, func(x string) bool { return strings.Contains(x, s) }) {
			t.Errorf("%q is not on screen; shown: %q", s, texts)
		}
	}
}

func indexOf(items []app.Summary, id string) int {
	return slices.IndexFunc(items, func(s app.Summary) bool { return s.ID == id })
}
