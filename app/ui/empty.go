package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// emptyState is what an empty store shows: a friendly word and a way to
// fill it with the sample newsroom, offered once per run in a dialog too.
type emptyState struct {
	u      *UI
	root   fyne.CanvasObject
	create *widget.Button

	offered  bool
	offerDlg *dialog.CustomDialog
	offerYes *widget.Button
	offerNo  *widget.Button

	running   bool
	progress  *dialog.CustomDialog
	cancelBtn *widget.Button
}

func newEmptyState(u *UI) *emptyState {
	e := &emptyState{u: u}
	e.create = &widget.Button{
		Text: "Create sample newsroom", Icon: theme.ContentAddIcon(),
		Importance: widget.HighImportance, OnTapped: e.onCreate,
	}
	e.root = container.NewCenter(container.NewVBox(
		&widget.Label{Text: "No articles yet", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Alignment: fyne.TextAlignCenter},
		&widget.Label{Text: "This store is empty. A sample newsroom — about thirty stories in English\n" +
			"and Chinese, in every status, with photos and revisions — shows how Newsdesk works.\n" +
			"Use newsdeskctl put to add your own.", Alignment: fyne.TextAlignCenter},
		container.NewCenter(e.create),
	))
	return e
}

// offer asks once per run whether to create the sample newsroom.
func (e *emptyState) offer() {
	if e.offered || e.running || e.u.opts.NoSampleOffer {
		return
	}
	e.offered = true
	e.offerYes = &widget.Button{Text: "Create sample newsroom", Importance: widget.HighImportance, OnTapped: e.onCreate}
	e.offerNo = &widget.Button{Text: "Not now", OnTapped: func() { e.offerDlg.Hide() }}
	e.offerDlg = dialog.NewCustomWithoutButtons("Sample newsroom",
		widget.NewLabel("This store is empty. Create a sample newsroom?"), e.u.win)
	e.offerDlg.SetButtons([]fyne.CanvasObject{e.offerNo, e.offerYes})
	e.offerDlg.Show()
}

// onCreate writes the sample newsroom in the background behind a progress
// dialog that can cancel it.
func (e *emptyState) onCreate() {
	if e.offerDlg != nil {
		e.offerDlg.Hide()
	}
	if e.running {
		return
	}
	if !e.u.ctl.Empty() {
		// Sample stories mixed into real work would be hard to tell apart.
		dialog.ShowInformation("Sample newsroom",
			"The sample newsroom goes only into an empty store.\nStart Newsdesk with --store on a new folder to try it.", e.u.win)
		return
	}
	e.running = true
	e.create.Disable()

	ctx, cancel := context.WithCancel(e.u.ctx)
	bar := widget.NewProgressBarInfinite()
	e.cancelBtn = &widget.Button{Text: "Cancel", OnTapped: cancel}
	e.progress = dialog.NewCustomWithoutButtons("Creating sample newsroom",
		container.NewVBox(widget.NewLabel("Writing articles, photos and revisions…"), bar), e.u.win)
	e.progress.SetButtons([]fyne.CanvasObject{e.cancelBtn})
	e.progress.Show()

	var n int
	var err error
	author := e.u.opts.Author
	e.u.background(func(context.Context) {
		n, err = e.u.ctl.FillSample(ctx, author)
	}, func() {
		cancelled := ctx.Err() != nil
		cancel()
		bar.Stop()
		e.progress.Hide()
		e.running = false
		e.create.Enable()
		e.u.render()
		switch {
		case err != nil && cancelled && errors.Is(err, context.Canceled):
			dialog.ShowInformation("Sample newsroom", fmt.Sprintf("Cancelled after %s.", plural(n, "article")), e.u.win)
		case err != nil:
			dialog.ShowError(errors.New(userMessage(err)), e.u.win)
		}
	})
}
