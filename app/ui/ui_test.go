package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
)

func TestWindowListsAndOpensArticle(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})

	if len(u.list.items) != 3 {
		t.Fatalf("list shows %d articles, want 3", len(u.list.items))
	}
	assertShown(t, w.Content(),
		n.Facial.Headline, n.Draft.Headline, "李明 · 政治与法律 · Draft · updated",
		"Drafts", "Copy desk", "Trash",
		"Store: (memory)  ·  3 articles",
		"Select an article to edit it, or start a new one.",
	)
	if u.empty.root.Visible() {
		t.Error("the empty state shows over a store with articles")
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog opened on a store with articles")
	}

	u.list.list.Select(indexOf(u.list.items, n.Facial.ID))
	u.wait()
	v := u.editor
	if v.write.headline.Text != n.Facial.Headline || v.write.body.Text() != n.Facial.Body {
		t.Errorf("editor headline %q body %q", v.write.headline.Text, v.write.body.Text())
	}
	assertShown(t, v.root, "Published", "Kill", "44 / 200", "17 words · 1 min read")
	assertShown(t, u.editState, "Revision 1  ·  Saved")
	if u.ed.ID() != n.Facial.ID || v.placeholder.Visible() {
		t.Errorf("editor holds %q, placeholder visible %v", u.ed.ID(), v.placeholder.Visible())
	}

	// The preview is the portal's page.
	v.tabs.SelectIndex(2)
	assertShown(t, v.preview.root,
		"A draft law would decide who may scan faces",
		"By Wang Lei and Anna Berg / Oct 21, 2020 11:17 AM / Politics & Law",
		"Tags: privacy, NPC, 数据",
		"A camera over a subway gate", "Photo: VCG",
		"Residents of Beijing have mixed feelings.", "What the draft says",
		"Read the full story here",
		"Contact reporter Wang Lei (wanglei@example.com) and editor Anna Berg (anna@example.com)",
		"Related", "What the data law means",
	)
}

func TestWindowFiltersByDesk(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})

	u.sidebar.list.Select(u.sidebar.index(Folder{Status: app.StatusDraft}))
	u.wait()
	if len(u.list.items) != 1 || u.list.items[0].ID != n.Draft.ID {
		t.Fatalf("Drafts lists %q, want only the Chinese draft", headlines(u.list.items))
	}
	assertShown(t, w.Content(), "Drafts: 1 article")

	// Chinese text goes through layout and rasterising without trouble
	// (Fyne falls back to a system font for glyphs its own lacks).
	u.list.list.Select(0)
	u.wait()
	u.editor.tabs.SelectIndex(2)
	assertShown(t, u.editor.preview.root, "数据保护法草案征求意见", "By 李明 /", "全国人大常委会审议了数据保护法草案。")
	if img := w.Canvas().Capture(); img == nil || img.Bounds().Empty() {
		t.Error("capturing the window with Chinese text gave no image")
	}

	u.sidebar.list.Select(u.sidebar.index(Folder{Trash: true}))
	u.wait()
	if len(u.list.items) != 1 || u.list.items[0].ID != n.Trashed.ID {
		t.Errorf("Trash lists %q, want the spiked story", headlines(u.list.items))
	}
	if !u.ed.IsOpen() {
		t.Error("changing desk closed the article being edited")
	}

	u.sidebar.list.Select(u.sidebar.index(Folder{Status: app.StatusKilled}))
	u.wait()
	assertShown(t, w.Content(), "No articles here.")
}

func TestWindowEmptyStoreOffersSample(t *testing.T) {
	svc := MustService(t)
	u, w := newTestUI(t, svc, Options{})

	if !u.empty.root.Visible() || u.main.Visible() {
		t.Fatalf("empty store: empty state visible = %v, list visible = %v", u.empty.root.Visible(), u.main.Visible())
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no first-run dialog on an empty store")
	}
	assertShown(t, w.Canvas().Overlays().Top(), "This store is empty. Create a sample newsroom?")

	test.Tap(u.empty.offerNo)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Not now left the dialog open")
	}
	assertShown(t, w.Content(), "No articles yet", "Create sample newsroom")

	test.Tap(u.empty.create)
	u.wait()
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after the sample newsroom was created")
	}
	if len(u.list.items) == 0 || u.empty.root.Visible() || !u.main.Visible() {
		t.Fatalf("after sample: %d items, empty state visible = %v", len(u.list.items), u.empty.root.Visible())
	}
	assertShown(t, w.Content(), u.list.items[0].Headline)

	// Once the store has articles, the menu's sample command declines.
	u.empty.onCreate()
	assertShown(t, w.Canvas().Overlays().Top(), "The sample newsroom goes only into an empty store.")
}

func TestWindowFirstRunDialogCreatesSample(t *testing.T) {
	u, w := newTestUI(t, MustService(t), Options{})
	test.Tap(u.empty.offerYes)
	u.wait()
	if len(u.list.items) == 0 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("after accepting the offer: %d items, dialog open = %v", len(u.list.items), w.Canvas().Overlays().Top() != nil)
	}
}

func TestWindowShortcutsAndMenu(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})

	added := MustSave(t, svc, &app.Article{Headline: "Late file: typhoon nears coast", Status: app.StatusDraft})
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ShortcutRefresh)
	u.wait()
	if len(u.list.items) != 4 || u.list.items[0].ID != added.ID {
		t.Errorf("after Ctrl+R the list is %q, want the new story first", headlines(u.list.items))
	}

	quit := false
	u.quit = func() { quit = true }
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ShortcutQuit)
	if !quit {
		t.Error("Ctrl+Q did not quit")
	}

	var labels []string
	var quitItem *fyne.MenuItem
	for _, it := range w.MainMenu().Items[0].Items {
		labels = append(labels, it.Label)
		if it.IsQuit {
			quitItem = it
		}
	}
	if quitItem == nil || quitItem.Shortcut != ShortcutQuit {
		t.Fatalf("File menu %q has no Quit item bound to Ctrl+Q", labels)
	}
	quit = false
	quitItem.Action()
	if !quit {
		t.Error("File > Quit did not quit")
	}
}

func TestWindowShowsErrors(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{})
	if u.errorBar.Visible() {
		t.Fatalf("error bar shows %q after a good load", u.errorBar.Text)
	}
	u.OpenArticle("0190f1c4-7c1e-7000-8000-000000000000")
	u.wait()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("opening a missing article showed no error")
	}
	assertShown(t, top, "Article 0190f1c4-7c1e-7000-8000-000000000000 not found")
}

func TestCloseStopsBackgroundWork(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	u, _ := newTestUI(t, svc, Options{})
	u.Close()
	if u.ctx.Err() != context.Canceled {
		t.Errorf("context after Close: %v, want canceled", u.ctx.Err())
	}
	// Work started after Close must neither run into the store's closing
	// nor draw: a refresh now leaves the window as it was.
	before := len(u.list.items)
	u.Refresh()
	u.wait()
	if len(u.list.items) != before {
		t.Errorf("a refresh after Close changed the list")
	}
}

func TestWindowLastClickWins(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	u, _ := newTestUI(t, svc, Options{})

	// Clicks faster than the loads: the newest choice is what stays.
	for range 3 {
		u.list.list.Select(indexOf(u.list.items, n.Facial.ID))
		u.list.list.Select(indexOf(u.list.items, n.Port.ID))
	}
	u.wait()
	if got := u.editor.write.headline.Text; got != n.Port.Headline {
		t.Errorf("after quick clicks the editor shows %q, want %q", got, n.Port.Headline)
	}

	u.sidebar.list.Select(u.sidebar.index(Folder{Status: app.StatusDraft}))
	u.sidebar.list.Select(u.sidebar.index(Folder{Status: app.StatusPublished}))
	u.wait()
	if u.ctl.Folder() != (Folder{Status: app.StatusPublished}) || len(u.list.items) != 1 || u.list.items[0].ID != n.Facial.ID {
		t.Errorf("after quick desk changes: folder %+v listing %q, want Published with the facial story",
			u.ctl.Folder(), headlines(u.list.items))
	}
}
