package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// onSave saves the open article with the revision note typed in the
// toolbar (or msg).
func (v *editorView) onSave(msg string) { v.saveThen(msg, nil) }

// saveThen saves, then runs then if the save worked. A published story is
// corrected, which needs a note: without one, the note is asked for.
func (v *editorView) saveThen(msg string, then func()) {
	if !v.ed.IsOpen() {
		return
	}
	v.flushBody()
	if msg == "" {
		msg = v.note.Text
	}
	if a := v.ed.Article(); a.ID != "" && a.Status == app.StatusPublished && msg == "" && v.dirty() {
		v.askNote("Correct the published story", "What was corrected? Readers see this note.", "Save correction",
			func(note string) { v.saveThen(note, then) })
		return
	}
	v.save(SaveRequest{Message: msg}, then)
}

// onSaveWithNote asks for a revision note, then saves.
func (v *editorView) onSaveWithNote() {
	if v.ed.IsOpen() {
		v.askNote("Save", "Revision note: what changed and why (optional).", "Save", v.onSave)
	}
}

func (v *editorView) askNote(title, prompt, confirm string, then func(string)) {
	e := &widget.Entry{PlaceHolder: "Note"}
	d := dialog.NewCustomConfirm(title, confirm, "Cancel", container.NewVBox(widget.NewLabel(prompt), e), func(ok bool) {
		if ok {
			then(e.Text)
		}
	}, v.u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	v.u.win.Canvas().Focus(e)
}

// save runs a save off the UI goroutine; then runs after a success.
func (v *editorView) save(req SaveRequest, then func()) {
	var err error
	v.u.background(func(ctx context.Context) { _, err = v.ed.Save(ctx, req) }, func() {
		if err != nil {
			v.saveFailed(err, req, then)
			return
		}
		v.note.SetText("")
		v.u.autosave.cancel()
		v.afterWrite()
		if then != nil {
			then()
		}
	})
}

// afterWrite redraws after a save or a status move: the editor (unless
// typing went on meanwhile), the list and counts.
func (v *editorView) afterWrite() {
	if !v.ed.Dirty() {
		v.fill()
	} else {
		v.showProblems()
		v.u.renderStatus()
	}
	v.u.background(func(ctx context.Context) { _ = v.u.ctl.Reload(ctx) }, v.u.render)
}

// saveFailed explains a failed save: problems next to their fields, a
// conflict as a plain question, anything else in a dialog.
func (v *editorView) saveFailed(err error, req SaveRequest, then func()) {
	var ve *app.ValidationError
	switch {
	case errors.As(err, &ve):
		v.showProblems()
		v.selectProblemTab(ve)
	case app.ErrorCode(err) == app.ECONFLICT:
		msg := userMessage(err) + "\n\nYour edits are still here. Save them over the newer revision, or keep editing (copy what you need, then reload with Ctrl+R)."
		dialog.ShowCustomConfirm("Someone else saved this article", "Save mine over theirs", "Keep editing",
			&widget.Label{Text: msg, Wrapping: fyne.TextWrapWord}, func(ok bool) {
				if ok {
					req.Overwrite = true
					v.save(req, then)
				}
			}, v.u.win)
	default:
		v.u.ShowError(err)
	}
	v.u.renderStatus()
}

// selectProblemTab shows the tab holding the first problem.
func (v *editorView) selectProblemTab(ve *app.ValidationError) {
	if len(ve.Problems) == 0 {
		return
	}
	switch f := ve.Problems[0].Field; {
	case f == "headline" || f == "dek" || f == "body":
		v.selectTab(0)
	default:
		v.selectTab(1)
	}
}

// onAction runs a status move; a kill asks why, publishing asks to confirm.
func (v *editorView) onAction(act app.Action) {
	v.flushBody()
	switch act.To {
	case app.StatusKilled:
		v.askNote(capitalize(act.Label), "Why? The note is kept with the story.", capitalize(act.Label), func(note string) {
			v.transition(act.To, note)
		})
	case app.StatusPublished:
		dialog.ShowConfirm("Publish now", "Publish this story now?", func(ok bool) {
			if ok {
				v.transition(act.To, "")
			}
		}, v.u.win)
	default:
		v.transition(act.To, "")
	}
}

func (v *editorView) transition(to app.Status, note string) {
	var err error
	v.u.background(func(ctx context.Context) { _, err = v.ed.Transition(ctx, to, note) }, func() {
		if err != nil {
			v.saveFailed(err, SaveRequest{}, nil)
			return
		}
		v.afterWrite()
	})
}

// onNew starts a new article, asking first about unsaved edits.
func (v *editorView) onNew() {
	v.u.confirmLeave("New article", func() {
		v.ed.New()
		v.u.ShowView("")
		v.fill()
		v.selectTab(0)
		v.u.list.update(v.u.ctl.Visible(), "")
		v.u.win.Canvas().Focus(v.write.headline)
	})
}

// onClose closes the open article, asking first about unsaved edits.
func (v *editorView) onClose() {
	v.u.confirmLeave("Close article", func() {
		v.u.setPref(prefArticle, "")
		v.u.list.update(v.u.ctl.Visible(), "")
		v.fill()
	})
}

// confirmLeave runs then once the open article may be left: at once when
// it has no unsaved edits; else after the editor chose to save them (and
// the save worked) or to discard them. Cancel leaves everything as it was.
// Leaving closes the article and drops its recovery slot.
func (u *UI) confirmLeave(what string, then func()) {
	leave := func() {
		_ = u.ed.Close(u.ctx)
		then()
	}
	u.editor.flushBody()
	if !u.ed.Dirty() {
		leave()
		return
	}
	title := headlineOrPlaceholder(u.ed.Article().Headline)
	p := &u.editor.leave
	p.save = &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: func() {
		p.dlg.Hide()
		u.editor.saveThen("", leave)
	}}
	p.discard = &widget.Button{Text: "Discard changes", Importance: widget.DangerImportance, OnTapped: func() {
		p.dlg.Hide()
		leave()
	}}
	p.cancel = &widget.Button{Text: "Cancel", OnTapped: func() {
		p.dlg.Hide()
		u.list.update(u.ctl.Visible(), u.ed.ID())
	}}
	p.dlg = dialog.NewCustomWithoutButtons(what, widget.NewLabel(fmt.Sprintf("“%s” has unsaved changes. Save them?", title)), u.win)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.discard, p.save})
	p.dlg.Show()
}

// leavePrompt is the "unsaved changes" question, kept for tests to answer.
type leavePrompt struct {
	dlg                   *dialog.CustomDialog
	save, discard, cancel *widget.Button
}

// OpenArticle opens article id in the editor, asking first about unsaved
// edits to the one open.
func (u *UI) OpenArticle(id string) {
	u.confirmLeave("Open another article", func() {
		var err error
		u.background(func(ctx context.Context) { err = u.ed.Open(ctx, id) }, func() {
			if err != nil {
				u.ShowError(err)
			} else {
				u.setPref(prefArticle, id)
			}
			u.ShowView("")
			u.editor.fill()
			u.list.update(u.ctl.Visible(), u.ed.ID())
		})
	})
}

// onAutosave writes unsaved edits to the recovery slot at a typing pause.
func (u *UI) onAutosave() {
	u.editor.flushBody()
	u.background(func(ctx context.Context) { _ = u.ed.Autosave(ctx) }, func() {})
}
