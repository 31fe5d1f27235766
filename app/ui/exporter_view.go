package ui

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
	"newsdesk/app/export"
)

// exportView is File > Export: a dialog choosing the profile and the
// stories, a dry run listing what would be written and every problem,
// then the export itself off the UI goroutine behind a progress dialog
// with Cancel, and the report.
type exportView struct {
	win fyne.Window
	ctl *ExportController
	do  func(func())
	// selected returns the stories selected in the bulk view, if any;
	// onDone runs after an export (the window reloads); onOpen opens a
	// reported story.
	selected func() []string
	onDone   func()
	onOpen   func(id string)

	chooser *exportChooser
	// progress is the dialog of the run in flight, nil when none is;
	// report and last are the last report shown and its outcome.
	progress *progressDialog
	report   *dialog.CustomDialog
	last     *ExportOutcome

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newExportView(win fyne.Window, svc *app.Service, author func() string, do func(func())) *exportView {
	if do == nil {
		do = fyne.Do
	}
	v := &exportView{win: win, ctl: NewExportController(svc, author), do: do}
	v.ctx, v.cancel = context.WithCancel(context.Background())
	return v
}

// exportChooser is the first dialog: profile, statuses, selection.
type exportChooser struct {
	dlg      *dialog.CustomDialog
	profile  *widget.Select
	target   *widget.Label
	statuses map[string]*widget.Check // "ready", "due", "published"
	selected *widget.Check            // nil when nothing is selected
	ids      []string
	dryRun   *widget.Button
}

// onExport opens the chooser. The profiles are one setting read, done
// here rather than in the background so that the dialog opens filled.
func (v *exportView) onExport() {
	if v.progress != nil {
		return // one export at a time
	}
	ps, err := v.ctl.Profiles(v.ctx)
	if err != nil {
		v.ctl.svc.Log.Error("export", "err", err)
		dialog.ShowError(errors.New(userMessage(err)), v.win)
		return
	}
	var ids []string
	if v.selected != nil {
		ids = v.selected()
	}
	v.chooser = v.newChooser(ps, ids)
	v.chooser.dlg.Show()
}

func (v *exportView) newChooser(ps *export.Profiles, ids []string) *exportChooser {
	c := &exportChooser{statuses: map[string]*widget.Check{}, ids: ids,
		target: &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}}
	names := make([]string, len(ps.Profiles))
	for i, p := range ps.Profiles {
		names[i] = p.Name
	}
	c.profile = widget.NewSelect(names, func(name string) {
		if p, err := ps.Get(name); err == nil {
			c.target.SetText("To " + v.ctl.Target(p))
		}
	})
	c.profile.SetSelected(ps.Default)

	boxes := container.NewHBox()
	for _, s := range []struct{ key, label string }{{"ready", "Ready"}, {"due", "Due (scheduled, time come)"}, {"published", "Published"}} {
		chk := widget.NewCheck(s.label, func(bool) { c.update() })
		chk.Checked = true
		c.statuses[s.key] = chk
		boxes.Add(chk)
	}
	form := container.NewVBox(
		&widget.Label{Text: "Profile", TextStyle: fyne.TextStyle{Bold: true}}, c.profile, c.target,
		&widget.Label{Text: "Stories", TextStyle: fyne.TextStyle{Bold: true}}, boxes)
	if len(ids) > 0 {
		c.selected = widget.NewCheck(fmt.Sprintf("Only the %s selected in Bulk status changes", storyCount(len(ids))), func(bool) { c.update() })
		c.selected.Checked = true
		form.Add(c.selected)
	}
	form.Add(&widget.Label{Text: "A dry run comes first: it lists what would be written or pushed and every problem, and writes nothing.",
		Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText})

	c.dlg = dialog.NewCustomWithoutButtons("Export to the portal", form, v.win)
	c.dryRun = &widget.Button{Text: "Dry run…", Importance: widget.HighImportance, OnTapped: func() {
		c.dlg.Hide()
		v.start(c.choice(), true)
	}}
	c.dlg.SetButtons([]fyne.CanvasObject{&widget.Button{Text: "Cancel", OnTapped: c.dlg.Hide}, c.dryRun})
	c.dlg.Resize(fyne.NewSize(520, c.dlg.MinSize().Height))
	c.update()
	return c
}

// choice is what the chooser says to export.
func (c *exportChooser) choice() ExportChoice {
	ch := ExportChoice{Profile: c.profile.Selected}
	for _, key := range []string{"ready", "due", "published"} {
		if c.statuses[key].Checked {
			ch.Statuses = append(ch.Statuses, key)
		}
	}
	if c.selected != nil && c.selected.Checked {
		ch.IDs = c.ids
	}
	return ch
}

// update allows a dry run only when some status is ticked: with none,
// the engine would take every status, which is not what an unticked box
// says.
func (c *exportChooser) update() {
	cmpEnable(c.dryRun, len(c.choice().Statuses) > 0)
}

// start runs the export (or its dry run) of ch behind the progress
// dialog; the report follows. One run at a time.
func (v *exportView) start(ch ExportChoice, dryRun bool) {
	if v.progress != nil || v.ctx.Err() != nil {
		return
	}
	ctx, cancel := context.WithCancel(v.ctx)
	title := "Exporting"
	if dryRun {
		title = "Dry run"
	}
	p := newProgressDialog(v.win, title, "Starting…", cancel)
	v.progress = p
	show := &coalescer[ExportProgress]{do: v.do, draw: func(pr ExportProgress) {
		if v.progress == p {
			p.set(pr.Fraction(), pr.Text())
		}
	}}

	v.wg.Add(1)
	go func() {
		defer v.wg.Done()
		defer cancel()
		out := v.ctl.Run(ctx, ch, dryRun, show.post)
		v.do(func() {
			p.hide()
			v.progress = nil
			if v.ctx.Err() != nil {
				return // the window is closing
			}
			if !dryRun && v.onDone != nil {
				v.onDone()
			}
			v.showReport(out, ch)
		})
	}()
}

// showReport shows what a run did. After a dry run that found work, the
// report offers the export itself.
func (v *exportView) showReport(out *ExportOutcome, ch ExportChoice) {
	v.last = out
	d := reportDialog(v.win, out.Title(), out.Summary(), out.Sections(), v.onOpen)
	if out.CanExport() {
		n := len(out.Report.Exported)
		label := "Export " + storyCount(n)
		if n == 0 {
			label = "Export"
		}
		d.SetButtons([]fyne.CanvasObject{
			&widget.Button{Text: "Close", OnTapped: d.Hide},
			&widget.Button{Text: label, Icon: theme.UploadIcon(), Importance: widget.HighImportance, OnTapped: func() {
				d.Hide()
				v.start(ch, false)
			}},
		})
	}
	v.report = d
	d.Show()
}

// close cancels an export in flight and waits for it, so that the store
// may be closed after it; a cancelled folder export leaves the old portal.
func (v *exportView) close() {
	v.cancel()
	v.wg.Wait()
}
