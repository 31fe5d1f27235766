package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
)

// typeInto focuses o on the window's canvas and types text.
func typeInto(w fyne.Window, o fyne.Focusable, text string) {
	w.Canvas().Focus(o)
	typeText(w, text)
}

// typeText types into whatever has the focus, as a keyboard would.
func typeText(w fyne.Window, text string) {
	test.Type(w.Canvas().Focused(), text)
}

func pressKey(w fyne.Window, k fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
}

func shortcut(w fyne.Window, s fyne.Shortcut) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// attachFile attaches a real image file as the dialog would hand it over.
func attachFile(t *testing.T, u *harness, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lead.png")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	u.editor.media.attach(r)
	u.wait()
}

func TestWindowWriteAndSaveNewArticle(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	v := u.editor

	shortcut(w, ShortcutNew)
	u.wait()
	if !u.ed.IsOpen() || w.Canvas().Focused() != v.write.headline {
		t.Fatalf("Ctrl+N: open %v, focus %T", u.ed.IsOpen(), w.Canvas().Focused())
	}
	typeText(w, "台风逼近 Typhoon nears coast")
	assertShown(t, v.write.root, "24 / 200")
	assertShown(t, u.editState, "New article  ·  Unsaved changes")

	v.write.body.FocusAt(0, 0)
	typeText(w, "The storm is expected tonight.")
	pressKey(w, fyne.KeyReturn)
	typeText(w, "气象台发布预警。")
	v.flushBody()
	if got := u.ed.Article().Body; got != "The storm is expected tonight.\n\n气象台发布预警。" {
		t.Errorf("body %q", got)
	}
	assertShown(t, v.write.root, "12 words · 1 min read")

	// Details: a tag, a contact (the e-mail checked as it is typed) and a
	// photo with its credit.
	v.tabs.SelectIndex(1)
	typeInto(w, v.details.tagInput, "weather")
	pressKey(w, fyne.KeyReturn)
	test.Tap(editorButton(t, v.links.root, "Add a contact"))
	row := v.links.contactRows[0]
	typeInto(w, row.name, "Wang Lei")
	typeInto(w, row.email, "wanglei@")
	assertShown(t, v.links.root, `Email "wanglei@" is not an e-mail address`)
	typeText(w, "example.com")
	if p := u.ed.Problems(); p != nil {
		t.Fatalf("problems after fixing the address: %v", p)
	}
	attachFile(t, u, MustPNG(t, 640, 400))
	if len(v.media.credits) != 1 || w.Canvas().Focused() != v.media.credits[0] {
		t.Fatalf("after attaching: %d photo rows, focus %T", len(v.media.credits), w.Canvas().Focused())
	}
	typeText(w, "VCG")

	shortcut(w, ShortcutSave)
	u.wait()
	a := u.ed.Article()
	if a.ID == "" || a.Revision != 1 || u.ed.Dirty() {
		t.Fatalf("after Ctrl+S: id %q revision %d dirty %v", a.ID, a.Revision, u.ed.Dirty())
	}
	if strings.Join(a.Tags, ",") != "weather" || a.Contacts[0].Email != "wanglei@example.com" || a.Photos[0].Credit != "VCG" {
		t.Errorf("stored tags %q contacts %+v photos %+v", a.Tags, a.Contacts, a.Photos)
	}
	if i := indexOf(u.list.items, a.ID); i != 0 || len(u.list.items) != 4 {
		t.Errorf("the new story is at %d of %d in the list, want first of 4", i, len(u.list.items))
	}
	assertShown(t, w.Content(), "台风逼近 Typhoon nears coast", "Store: (memory)  ·  4 articles", "Revision 1  ·  Saved  ·  last saved")

	// A second save with a note is revision 2.
	typeInto(w, v.write.headline, "!")
	typeInto(w, v.note, "exclamation")
	shortcut(w, ShortcutSave)
	u.wait()
	assertShown(t, u.editState, "Revision 2  ·  Saved")
	hist, err := svc.History(ectx, a.ID)
	if err != nil || len(hist) != 2 || hist[0].Message != "exclamation" || hist[0].Author != "tester" {
		t.Fatalf("history %+v %v", hist, err)
	}
	if v.note.Text != "" {
		t.Errorf("the revision note %q stayed after saving", v.note.Text)
	}
}

func editorButton(t *testing.T, o fyne.CanvasObject, text string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			if b, ok := x.(fyne.Tappable); ok && strings.Contains(strings.Join(shownTexts(x), " "), text) {
				if _, isButton := x.(interface{ SetText(string) }); isButton {
					found = b
					return
				}
			}
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q on screen", text)
	}
	return found
}

func TestWindowStatusGateShowsProblemsByFields(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, _ := newTestUI(t, svc, Options{})
	v := u.editor
	stub := MustSave(t, svc, &app.Article{Headline: "Stub", Photos: []app.Photo{{Image: n.Facial.Photos[0].Image}}, Status: app.StatusDraft})
	if _, err := svc.Transition(ectx, stub.ID, app.StatusCopyedit, app.TransitionOptions{Author: "tester", Base: -1}); err != nil {
		t.Fatal(err)
	}
	u.Refresh()
	u.wait()
	u.OpenArticle(stub.ID)
	u.wait()
	test.Tap(editorButton(t, v.root, "Mark ready"))
	u.wait()
	if got := u.ed.Article().Status; got != app.StatusCopyedit {
		t.Fatalf("an incomplete story moved to %s", got)
	}
	assertShown(t, v.root,
		"Byline needs at least one name, or a source agency",
		"Section is required",
		"Credit is required: every photo needs a credit",
		"4 problems to fix",
	)
	// The body's problem waits under the body, on the Write tab.
	if got := v.notes["body"].Text; got != "Body is required" {
		t.Errorf("body note %q", got)
	}
	if v.tabs.SelectedIndex() != 1 {
		t.Errorf("tab %d selected, want Details where the first problem is", v.tabs.SelectedIndex())
	}
}

func TestWindowAsksBeforeLeavingUnsavedEdits(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	v := u.editor
	u.OpenArticle(n.Port.ID)
	u.wait()
	typeInto(w, v.write.dek, "Volumes rose.")

	// Cancel keeps the edits and the article.
	u.list.list.Select(indexOf(u.list.items, n.Draft.ID))
	u.wait()
	if v.leave.dlg == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("switching with unsaved edits did not ask")
	}
	test.Tap(v.leave.cancel)
	u.wait()
	if u.ed.ID() != n.Port.ID || !u.ed.Dirty() {
		t.Fatalf("after Cancel: open %q dirty %v", u.ed.ID(), u.ed.Dirty())
	}
	// Save keeps them as a revision, then switches.
	u.list.list.Select(indexOf(u.list.items, n.Draft.ID))
	test.Tap(v.leave.save)
	u.wait()
	if got, _ := svc.Article(ectx, n.Port.ID); got.Dek != "Volumes rose." || got.Revision != 2 {
		t.Errorf("saved dek %q revision %d", got.Dek, got.Revision)
	}
	if u.ed.ID() != n.Draft.ID {
		t.Fatalf("after Save the editor holds %q, want the draft", u.ed.ID())
	}
	// Discard drops them; Ctrl+W closes.
	typeInto(w, v.write.dek, "丢弃")
	shortcut(w, ShortcutClose)
	test.Tap(v.leave.discard)
	u.wait()
	if u.ed.IsOpen() || !v.placeholder.Visible() {
		t.Errorf("after Discard the editor is open %v", u.ed.IsOpen())
	}
	if got, _ := svc.Article(ectx, n.Draft.ID); got.Dek != "" || got.Revision != 1 {
		t.Errorf("discarded edits were saved: %q rev %d", got.Dek, got.Revision)
	}
	if recs, _ := u.ed.Recoveries(ectx); len(recs) != 0 {
		t.Errorf("recovery slots after discard: %+v", recs)
	}
}

func TestWindowOffersRecoveryAtStart(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	// A window that died with unsaved edits left this slot.
	crashed := NewArticleEditor(svc, "tester")
	if err := crashed.Open(ectx, n.Draft.ID); err != nil {
		t.Fatal(err)
	}
	crashed.Update(func(a *app.Article) { a.Body += "\n\n崩溃前的最后一段。" })
	if err := crashed.Autosave(ectx); err != nil {
		t.Fatal(err)
	}

	u, w := newTestUI(t, svc, Options{})
	if u.recoveries == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("no recovery offer at start")
	}
	assertShown(t, w.Canvas().Overlays().Top(), "数据保护法草案征求意见 (edits to revision 1)")
	test.Tap(u.recoveries.open[0])
	u.wait()
	if !u.ed.Dirty() || !strings.HasSuffix(u.editor.write.body.Text(), "崩溃前的最后一段。") {
		t.Fatalf("recovered: dirty %v body %q", u.ed.Dirty(), u.editor.write.body.Text())
	}
	assertShown(t, u.editor.root, "Recovered unsaved edits")
	shortcut(w, ShortcutSave)
	u.wait()
	if got, _ := svc.Article(ectx, n.Draft.ID); got.Revision != 2 || !strings.Contains(got.Body, "崩溃前") {
		t.Errorf("stored revision %d", got.Revision)
	}
}

func TestWindowAutosaveOnClose(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	u.OpenArticle(n.Port.ID)
	u.wait()
	u.editor.write.body.FocusAt(0, 0)
	typeText(w, "Breaking: ")
	// The app quits (a signal) with the body edit not yet synced.
	u.Close()
	recs, err := NewArticleEditor(svc, "tester").Recoveries(ectx)
	if err != nil || len(recs) != 1 || !strings.HasPrefix(recs[0].Article.Body, "Breaking: Container") {
		t.Fatalf("slots after close: %+v %v", recs, err)
	}
}

func TestWindowFilterMenusAndAbout(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{Version: "9.9.9"})

	shortcut(w, ShortcutFind)
	if w.Canvas().Focused() != u.list.filter {
		t.Fatalf("Ctrl+F focused %T", w.Canvas().Focused())
	}
	typeText(w, "SHENZHEN")
	if len(u.list.items) != 1 || u.list.items[0].ID != n.Port.ID {
		t.Errorf("filter SHENZHEN lists %q", headlines(u.list.items))
	}
	u.list.filter.SetText("李明")
	if len(u.list.items) != 1 || u.list.items[0].ID != n.Draft.ID {
		t.Errorf("filter 李明 lists %q", headlines(u.list.items))
	}
	u.list.filter.SetText("")
	if len(u.list.items) != 3 {
		t.Errorf("cleared filter lists %d", len(u.list.items))
	}

	var names []string
	for _, m := range w.MainMenu().Items {
		names = append(names, m.Label)
	}
	if strings.Join(names, ",") != "File,Edit,Article,View,Help" {
		t.Errorf("menus %q", names)
	}
	about := w.MainMenu().Items[4].Items[0]
	about.Action()
	assertShown(t, w.Canvas().Overlays().Top(), "Version 9.9.9")
}
