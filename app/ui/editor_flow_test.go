package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
)

// menuItem finds a main-menu item by its menu and label.
func menuItem(t *testing.T, w fyne.Window, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s > %s", menu, label)
	return nil
}

func TestWindowConflictIsExplainedAndCanOverwrite(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	u.OpenArticle(n.Draft.ID)
	u.wait()
	typeInto(w, u.editor.write.dek, "编辑的导语")
	other := n.Draft.Clone()
	other.Headline = "数据保护法草案二审"
	MustSave(t, svc, other) // newsdeskctl saves meanwhile

	shortcut(w, ShortcutSave)
	u.wait()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("a conflict showed nothing")
	}
	assertShown(t, top, "Someone else saved this article", "after you opened revision 1", "Your edits are still here")
	if !u.ed.Dirty() {
		t.Fatal("the conflict lost the edits")
	}
	test.Tap(editorButton(t, top, "Save mine over theirs"))
	u.wait()
	got, _ := svc.Article(ectx, n.Draft.ID)
	if got.Revision != 3 || got.Dek != "编辑的导语" || u.ed.Dirty() {
		t.Errorf("after overwrite: revision %d dek %q dirty %v", got.Revision, got.Dek, u.ed.Dirty())
	}
}

func TestWindowUndoRedoThroughMenu(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	u.OpenArticle(n.Port.ID)
	u.wait()
	body := u.editor.write.body
	body.FocusAt(0, 0)
	pressKey(w, fyne.KeyReturn) // an empty first paragraph
	typeText(w, "Update:")
	if !strings.HasPrefix(body.Text(), "\n\nUpdate:Container") {
		t.Fatalf("body %q", body.Text())
	}
	undo := menuItem(t, w, "Edit", "Undo")
	undo.Action()
	undo.Action()
	if body.Text() != n.Port.Body {
		t.Errorf("Edit > Undo twice: %q", body.Text())
	}
	menuItem(t, w, "Edit", "Redo").Action()
	if body.Text() != "\n\n"+n.Port.Body {
		t.Errorf("Edit > Redo: %q", body.Text())
	}
	// In a plain field, undo is the field's own.
	typeInto(w, u.editor.write.headline, "!")
	undo.Action()
	if u.editor.write.headline.Text != n.Port.Headline {
		t.Errorf("headline after undo %q", u.editor.write.headline.Text)
	}
}

func TestWindowCloseAsksAboutUnsavedEdits(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	quit := false
	u.quit = func() { quit = true }
	u.OpenArticle(n.Facial.ID)
	u.wait()
	typeInto(w, u.editor.write.dek, " More.")
	shortcut(w, ShortcutQuit)
	if quit || u.editor.leave.dlg == nil {
		t.Fatal("Ctrl+Q with unsaved edits quit without asking")
	}
	// A published story is corrected: saving asks for the note first.
	test.Tap(u.editor.leave.save)
	top := w.Canvas().Overlays().Top()
	assertShown(t, top, "What was corrected?")
	typeText(w, "dek expanded")
	test.Tap(editorButton(t, top, "Save correction"))
	u.wait()
	if !quit {
		t.Error("no quit after saving")
	}
	got, _ := svc.Article(ectx, n.Facial.ID)
	if got.Revision != 2 || got.Note != "dek expanded" || got.Status != app.StatusPublished {
		t.Errorf("correction: revision %d note %q status %s", got.Revision, got.Note, got.Status)
	}
}
