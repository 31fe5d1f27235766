package ui

import (
	"context"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// testRunner stands in for UI.Background: work on a goroutine, done on
// the test's event loop.
type testRunner struct {
	loop *uiLoop
	wg   sync.WaitGroup
}

func (r *testRunner) run(work func(ctx context.Context), done func()) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		work(context.Background())
		r.loop.do(done)
	}()
}

// findWidget returns the first widget under o, shown or not, that match
// accepts: a tab's content is found before the tab is chosen.
func findWidget[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, what string, match func(T) bool) T {
	t.Helper()
	var found T
	ok := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || ok {
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
		case *container.AppTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if !ok {
		t.Fatalf("no %s found", what)
	}
	return found
}

func entryWithText(t *testing.T, o fyne.CanvasObject, text string) *widget.Entry {
	t.Helper()
	return findWidget(t, o, "entry reading "+text, func(e *widget.Entry) bool { return e.Text == text })
}

func buttonLabelled(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	return findWidget(t, o, "button "+label, func(b *widget.Button) bool { return b.Text == label })
}

func TestSettingsViewRefusesThenSaves(t *testing.T) {
	a := test.NewTempApp(t)
	svc := MustService(t)
	loop := &uiLoop{}
	r := &testRunner{loop: loop}
	v := newSettingsView(svc, a.Preferences(), "Anna Berg", r.run)
	var saved []string
	v.onSaved = func(n app.Newsroom, id Identity, th ThemeChoice) {
		saved = append(saved, n.Name+"|"+id.Name+"|"+id.Initials+"|"+string(th))
	}
	w := test.NewTempWindow(t, v.root)
	w.Resize(fyne.NewSize(900, 900))
	settle := func() { drain(loop, r.wg.Wait) }
	settle()

	if v.name.Text != "Newsdesk" || v.zone.Text != "Asia/Shanghai" || len(v.sectionRows) != 6 ||
		v.defaultSel.Selected != "Politics & Law" || v.headlineMax.Text != "200" {
		t.Fatalf("form shows %q %q %d sections, default %q, limit %q", v.name.Text, v.zone.Text, len(v.sectionRows), v.defaultSel.Selected, v.headlineMax.Text)
	}
	if v.person.Text != "Anna Berg" || v.initials.Text != "AB" || v.themeSel.Selected != "System" {
		t.Fatalf("personal tab shows %q %q %q", v.person.Text, v.initials.Text, v.themeSel.Selected)
	}

	// An unknown zone is refused with the message next to the field.
	v.zone.SetText("Mars/Olympus_Mons")
	assertShown(t, v.root, `"Mars/Olympus_Mons" is not an IANA time zone`)
	test.Tap(v.save)
	settle()
	if len(saved) != 0 || !strings.Contains(v.status.Text, "Nothing was saved") {
		t.Fatalf("saved %q with an unknown zone; status %q", saved, v.status.Text)
	}
	v.zone.SetText("Asia/Hong_Kong")
	if v.notes["time_zone"].Visible() {
		t.Errorf("zone note still shows %q", v.notes["time_zone"].Text)
	}

	// Sections: add one, move it up, rename the default, retire one.
	v.newSection.SetText("Politics & Law")
	test.Tap(buttonLabelled(t, v.root, "Add section"))
	assertShown(t, v.root, `"Politics & Law" is already a section`)
	v.newSection.SetText("科技")
	test.Tap(buttonLabelled(t, v.root, "Add section"))
	if len(v.sectionRows) != 7 || v.sectionRows[6].Text != "科技" || v.newSection.Text != "" {
		t.Fatalf("after adding: %d rows, last %q", len(v.sectionRows), v.sectionRows[6].Text)
	}
	v.moveSection(6, -1)
	v.sectionRows[0].SetText("Politics and Law")
	if v.defaultSel.Selected != "Politics and Law" || v.sectionRows[5].Text != "科技" {
		t.Errorf("default %q, row 5 %q", v.defaultSel.Selected, v.sectionRows[5].Text)
	}
	// Renaming a section to an empty name is refused next to its row.
	v.sectionRows[2].SetText("")
	assertShown(t, v.root, "a section needs a name")
	v.sectionRows[2].SetText("Business & Tech")

	// The Personal name may not be empty.
	v.person.SetText("  ")
	test.Tap(v.save)
	settle()
	if len(saved) != 0 || v.tabs.SelectedIndex() != 1 {
		t.Fatalf("saved %q with no name; tab %d", saved, v.tabs.SelectedIndex())
	}
	assertShown(t, v.root, "is required: revisions need someone to sign them")

	v.person.SetText("李明")
	v.themeSel.SetSelected("Dark")
	test.Tap(v.save)
	settle()
	if len(saved) != 1 || saved[0] != "Newsdesk|李明|李明|dark" {
		t.Fatalf("saved %q", saved)
	}
	n, _ := svc.Newsroom(context.Background())
	if n.TimeZone != "Asia/Hong_Kong" || n.Sections[5].Name != "科技" || n.DefaultSection != "Politics and Law" {
		t.Errorf("stored %+v", n)
	}
	if got := LoadIdentity(a.Preferences(), "someone"); got.Name != "李明" || LoadThemeChoice(a.Preferences()) != ThemeDark {
		t.Errorf("preferences hold %+v, theme %q", got, LoadThemeChoice(a.Preferences()))
	}
}

func TestWindowSettingsTitleAndAuthor(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	u, w := newTestUI(t, svc, Options{Author: "Anna Berg"})
	if w.Title() != "Newsdesk" {
		t.Errorf("title at start %q", w.Title())
	}

	shortcut(w, ShortcutSettings)
	u.wait()
	var sw fyne.Window
	for _, x := range fyne.CurrentApp().Driver().AllWindows() {
		if x.Title() == "Settings" {
			sw = x
		}
	}
	if sw == nil {
		t.Fatal("Ctrl+, opened no Settings window")
	}
	entryWithText(t, sw.Content(), "Newsdesk").SetText("Caixin Global")
	entryWithText(t, sw.Content(), "Anna Berg").SetText("Wang Lei")
	test.Tap(buttonLabelled(t, sw.Content(), "Save"))
	u.wait()

	if w.Title() != "Caixin Global — Newsdesk" {
		t.Errorf("title after save %q", w.Title())
	}
	if u.Author() != "Wang Lei" {
		t.Errorf("author %q", u.Author())
	}
	// The next revision is signed with the Personal name.
	ctx := context.Background()
	u.ed.New()
	u.ed.Update(func(a *app.Article) { a.Headline = "署名测试 Signed by the Personal name" })
	saved, err := u.ed.Save(ctx, SaveRequest{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := svc.History(ctx, saved.ID)
	if err != nil || h[0].Author != "Wang Lei" {
		t.Errorf("revision signed by %+v (%v)", h, err)
	}
}
