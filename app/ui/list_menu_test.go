package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
)

// firstRow finds the first article row drawn under o.
func firstRow(o fyne.CanvasObject) *listRow {
	r, _ := shownWidget(o, func(*listRow) bool { return true })
	return r
}

// A right-click on a story in the main list offers the workflow's moves
// for that story, and choosing one moves it.
func TestListRightClickOffersStatusMoves(t *testing.T) {
	svc := MustService(t)
	a := MustSave(t, svc, &app.Article{Headline: "Right-click me", Section: "World", Body: "Text.\n"})
	h, w := newTestUI(t, svc, Options{})
	row := firstRow(h.list.widget)
	if row == nil {
		t.Fatal("no row drawn")
	}
	test.TapSecondary(row)
	overlays := w.Canvas().Overlays().List()
	if len(overlays) == 0 {
		t.Fatal("no menu after a right-click")
	}
	if !slices.Contains(shownTexts(overlays[len(overlays)-1]), "Send to copy desk") {
		t.Fatalf("menu shows %q", shownTexts(overlays[len(overlays)-1]))
	}
	// Choose the move: the story goes to the copy desk.
	item := tappableWith(overlays[len(overlays)-1], "Send to copy desk")
	if item == nil {
		t.Fatal("no tappable menu item Send to copy desk")
	}
	test.Tap(item)
	h.wait()
	if got, _ := svc.Article(context.Background(), a.ID); got.Status != app.StatusCopyedit {
		t.Fatalf("status %s after Send to copy desk", got.Status)
	}
}

// tappableWith finds the innermost tappable widget under o showing text.
func tappableWith(o fyne.CanvasObject, text string) fyne.Tappable {
	var found fyne.Tappable
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if t, ok := o.(fyne.Tappable); ok && slices.Contains(shownTexts(o), text) {
			found = t
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
	return found
}

// A click on a row selects it and opens the story: the row takes primary
// taps itself (the desktop driver gives a click to the innermost widget
// taking any tap, which is the row since it takes right-clicks).
func TestListRowClickOpensTheStory(t *testing.T) {
	svc := MustService(t)
	a := MustSave(t, svc, &app.Article{Headline: "Click me", Section: "World", Body: "Text.\n"})
	h, _ := newTestUI(t, svc, Options{})
	row := firstRow(h.list.widget)
	if row == nil {
		t.Fatal("no row drawn")
	}
	test.Tap(row)
	h.wait()
	if h.ed.ID() != a.ID {
		t.Fatalf("open article %q, want %q", h.ed.ID(), a.ID)
	}
}
