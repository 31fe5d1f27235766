package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
)

// findTabs returns the tab container under o that has a tab titled title.
func findTabs(o fyne.CanvasObject, title string) (*container.AppTabs, int) {
	var found *container.AppTabs
	idx := -1
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		switch w := o.(type) {
		case *container.AppTabs:
			for i, it := range w.Items {
				if it.Text == title {
					found, idx = w, i
					return
				}
			}
			for _, it := range w.Items {
				walk(it.Content)
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
	return found, idx
}

// TestWindowHistoryTabFollowsEditor checks the History tab installed in
// the main window: it shows the open article's revisions, and a change
// kept older there reloads the editor on top of the new revision.
func TestWindowHistoryTabFollowsEditor(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h, w := newTestUI(t, svc, Options{Author: "Zhou Yu"})
	h.OpenArticle(a.ID)
	h.wait()
	tabs, i := findTabs(w.Content(), "History")
	if tabs == nil {
		t.Fatal("the editor has no History tab")
	}
	tabs.SelectIndex(i)
	h.wait()
	assertShown(t, w.Content(), "r4 · Anna Berg", "r1 · Li Na", "From revision 3 by Wang Lei")

	// Keep the older wording of the only change of r3..r4 (the added
	// paragraph): the editor then holds revision 5.
	tapButton(t, w.Content(), "Next change")
	tapButton(t, w.Content(), "Keep older wording")
	h.wait()
	if got := h.Editor().Article(); got == nil || got.Revision != 5 {
		t.Fatalf("editor holds %+v, want revision 5", got)
	}
	assertShown(t, w.Content(), "r5 · Zhou Yu", "revert change 1 from revision 4")
}

// TestWindowAgendaAndBulkViews opens the two workflow views from the View
// menu's actions and uses them.
func TestWindowAgendaAndBulkViews(t *testing.T) {
	svc, clock := deskService(t)
	agendaDesk(t, svc)
	_, copyID, _, _, _ := deskDesk(t, svc)
	clock.mu.Lock()
	clock.now = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	clock.mu.Unlock()
	h, w := newTestUI(t, svc, Options{Author: "Zhou Yu"})

	h.ShowView("Agenda")
	h.wait()
	assertShown(t, w.Content(), "Agenda", "Tuesday, December 1, 2026", "⚠", "same minute as another Economy story")

	h.ShowView("Bulk status changes")
	h.wait()
	assertShown(t, w.Content(), "Copy desk story", "No stories selected.")
	tapButton(t, w.Content(), "Select all")
	tapButton(t, w.Content(), "Send to copy desk")
	h.wait()
	over := w.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("no report after a bulk action")
	}
	assertShown(t, over, "Send to copy desk: report", "✓ Draft story", "✗ Copy desk story: is Copy desk")
	if s, _ := svc.Store.Summary(context.Background(), copyID); s.Status != app.StatusCopyedit {
		t.Errorf("copy desk story moved to %s", s.Status)
	}
	tapButton(t, w.Content(), "Articles")
	if h.viewShown() {
		t.Error("Articles did not leave the bulk view")
	}
}
