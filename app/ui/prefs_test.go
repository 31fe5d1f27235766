package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
)

func TestWindowRestoresDeskArticleAndSize(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefDesk, "status:copyedit")
	a.Preferences().SetString(prefArticle, n.Port.ID)
	a.Preferences().SetFloat(prefWidth, 1000)
	a.Preferences().SetFloat(prefHeight, 640)

	w := test.NewTempWindow(t, nil)
	loop := &uiLoop{}
	u := &harness{UI: New(a, w, svc, Options{Author: "tester", do: loop.do}), loop: loop}
	t.Cleanup(u.Close)
	u.wait()
	if u.ctl.Folder() != (Folder{Status: app.StatusCopyedit}) || len(u.list.items) != 1 {
		t.Errorf("desk %+v listing %q, want the copy desk", u.ctl.Folder(), headlines(u.list.items))
	}
	if u.ed.ID() != n.Port.ID {
		t.Errorf("open article %q, want the last one", u.ed.ID())
	}
	if s := w.Canvas().Size(); s.Width != 1000 || s.Height != 640 {
		t.Errorf("window %v, want 1000x640", s)
	}
	// Choices are remembered as they are made.
	u.sidebar.list.Select(0)
	u.wait()
	u.OpenArticle(n.Facial.ID)
	u.wait()
	w.Resize(fyne.NewSize(1111, 700))
	u.savePrefs()
	p := a.Preferences()
	if p.String(prefDesk) != "all" || p.String(prefArticle) != n.Facial.ID || p.Float(prefWidth) != 1111 {
		t.Errorf("preferences desk %q article %q width %v", p.String(prefDesk), p.String(prefArticle), p.Float(prefWidth))
	}
}

// An article remembered from another store is forgotten quietly: a new
// user opening a second store saw "article ... not found".
func TestLastArticleOfAnotherStoreIsForgotten(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefArticle, "01a2235c-8c4e-7cfe-b5ca-3e65a4bd41b7")
	w := test.NewTempWindow(t, nil)
	loop := &uiLoop{}
	u := &harness{UI: New(a, w, svc, Options{Author: "tester", do: loop.do}), loop: loop}
	t.Cleanup(u.Close)
	u.wait()
	if u.ed.IsOpen() || a.Preferences().String(prefArticle) != "" {
		t.Fatalf("open %v, remembered %q", u.ed.IsOpen(), a.Preferences().String(prefArticle))
	}
	if overlays := w.Canvas().Overlays().List(); len(overlays) != 0 {
		t.Fatalf("a dialog is shown: %d overlays", len(overlays))
	}
}
