package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// Preference keys (Fyne Preferences, kept per user under the app ID).
const (
	prefDesk    = "desk"
	prefArticle = "article"
	prefWidth   = "window.width"
	prefHeight  = "window.height"
)

// key names a folder in preferences: "all", "trash", "attention",
// "status:<status>", "section:<name>" or "tag:<name>".
func (f Folder) key() string {
	switch {
	case f.Trash:
		return "trash"
	case f.Attention:
		return "attention"
	case f.Section != "":
		return "section:" + f.Section
	case f.Tag != "":
		return "tag:" + f.Tag
	case f.Status == "":
		return "all"
	}
	return "status:" + string(f.Status)
}

func folderFromKey(k string) (Folder, bool) {
	switch {
	case k == "trash":
		return Folder{Trash: true}, true
	case k == "all":
		return Folder{}, true
	case k == "attention":
		return Folder{Attention: true}, true
	case strings.HasPrefix(k, "section:") && len(k) > len("section:"):
		return Folder{Section: strings.TrimPrefix(k, "section:")}, true
	case strings.HasPrefix(k, "tag:") && len(k) > len("tag:"):
		return Folder{Tag: strings.TrimPrefix(k, "tag:")}, true
	case strings.HasPrefix(k, "status:"):
		if s, err := app.ParseStatus(strings.TrimPrefix(k, "status:")); err == nil {
			return Folder{Status: s}, true
		}
	}
	return Folder{}, false
}

func (u *UI) setPref(key, value string) { u.app.Preferences().SetString(key, value) }

// restorePrefs brings back the window size and the last desk; the last
// article opens after the first load (afterFirstLoad).
func (u *UI) restorePrefs() {
	p := u.app.Preferences()
	if w, h := p.Float(prefWidth), p.Float(prefHeight); w >= 400 && h >= 300 {
		u.win.Resize(fyne.NewSize(float32(w), float32(h)))
	}
	if f, ok := folderFromKey(p.String(prefDesk)); ok {
		u.ctl.mu.Lock()
		u.ctl.folder = f
		u.ctl.mu.Unlock()
	}
}

// savePrefs remembers the window size (the desk and article are saved as
// they change).
func (u *UI) savePrefs() {
	s := u.win.Canvas().Size()
	if s.Width >= 400 && s.Height >= 300 {
		p := u.app.Preferences()
		p.SetFloat(prefWidth, float64(s.Width))
		p.SetFloat(prefHeight, float64(s.Height))
	}
}

// afterFirstLoad offers unsaved edits left by a crash; without any, it
// reopens the article that was open when the app last closed.
func (u *UI) afterFirstLoad() {
	var recs []Recovery
	u.background(func(ctx context.Context) {
		var err error
		if recs, err = u.ed.Recoveries(ctx); err != nil {
			u.svc.Log.Error("recovery slots", "err", err)
		}
	}, func() {
		if len(recs) > 0 {
			u.showRecoveries(recs)
			return
		}
		if id := u.app.Preferences().String(prefArticle); id != "" && !u.ed.IsOpen() {
			u.reopenLast(id)
		}
	})
}

// reopenLast opens the article open at the last close, if this store has
// it: preferences are per user, not per store, and an article of another
// store (or one purged since) is forgotten quietly, not shown as an error.
func (u *UI) reopenLast(id string) {
	var err error
	u.background(func(ctx context.Context) { _, err = u.svc.Store.Summary(ctx, id) }, func() {
		if err != nil {
			u.setPref(prefArticle, "")
			return
		}
		if !u.ed.IsOpen() {
			u.OpenArticle(id)
		}
	})
}

// offerRecoveries lists the recovery slots again (File menu).
func (u *UI) offerRecoveries() {
	var recs []Recovery
	var err error
	u.background(func(ctx context.Context) { recs, err = u.ed.Recoveries(ctx) }, func() {
		switch {
		case err != nil:
			u.ShowError(err)
		case len(recs) == 0:
			dialog.ShowInformation("Recover unsaved edits", "There are no unsaved edits to recover.", u.win)
		default:
			u.showRecoveries(recs)
		}
	})
}

// recoveryPrompt is the start-up offer, kept for tests to answer.
type recoveryPrompt struct {
	dlg     *dialog.CustomDialog
	open    []*widget.Button
	discard []*widget.Button
}

// showRecoveries offers each slot: open its edits in the editor, or
// discard them.
func (u *UI) showRecoveries(recs []Recovery) {
	p := &recoveryPrompt{}
	rows := container.NewVBox(widget.NewLabel("Newsdesk closed with unsaved edits. Open them to save them, or discard them."))
	for _, r := range recs {
		row := container.NewHBox()
		open := &widget.Button{Text: "Open", Importance: widget.HighImportance, OnTapped: func() {
			p.dlg.Hide()
			u.confirmLeave("Recover unsaved edits", func() { u.recover(r) })
		}}
		discard := &widget.Button{Text: "Discard", OnTapped: func() {
			_ = u.ed.DiscardRecovery(u.ctx, r.Key)
			row.Hide()
		}}
		p.open, p.discard = append(p.open, open), append(p.discard, discard)
		row.Objects = []fyne.CanvasObject{open, discard,
			widget.NewLabel(r.Title() + " · " + r.SavedAt.Local().Format("Jan 2 15:04"))}
		rows.Add(row)
	}
	p.dlg = dialog.NewCustom("Recover unsaved edits", "Later", rows, u.win)
	u.recoveries = p
	p.dlg.Show()
}

func (u *UI) recover(r Recovery) {
	var err error
	u.background(func(ctx context.Context) { err = u.ed.Recover(ctx, r) }, func() {
		if err != nil {
			u.ShowError(err)
			return
		}
		u.ShowView("")
		u.editor.fill()
		u.list.update(u.ctl.Visible(), u.ed.ID())
	})
}
