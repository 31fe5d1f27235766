package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// Workflow runs status moves from the article list's context menu, a
// toolbar's status button and the bulk panel: it asks what a move needs
// (a time to schedule, a reason to kill), moves off the UI goroutine, and
// reports. Moves go through app.Service.Transition, so the rules, the
// messages and the revisions are the CLI's.
type Workflow struct {
	win    fyne.Window
	svc    *app.Service
	author string
	run    *deskRunner

	// Local is the editor's time zone, shown beside the newsroom's.
	Local *time.Location
	// OnChanged is called on the UI goroutine after stories moved, so
	// that the list and the open article reload.
	OnChanged func(ids []string)

	last *BulkReport // the last report shown, for tests
}

// NewWorkflow returns the status actions for win; author signs the moves.
// Call Close when the window goes away.
func NewWorkflow(win fyne.Window, svc *app.Service, author string) *Workflow {
	return newWorkflow(win, svc, author, nil)
}

func newWorkflow(win fyne.Window, svc *app.Service, author string, do func(func())) *Workflow {
	return &Workflow{win: win, svc: svc, author: author, run: newDeskRunner(do), Local: time.Local}
}

// Close stops the moves in flight from reporting.
func (w *Workflow) Close() { w.run.close() }

// MenuItems are the moves a story in sum's status can make, in workflow
// order, labelled as the desk says them ("Send back to copy desk").
func (w *Workflow) MenuItems(sum app.Summary) []*fyne.MenuItem {
	var out []*fyne.MenuItem
	if sum.Deleted {
		item := fyne.NewMenuItem("In the Trash: no status moves", nil)
		item.Disabled = true
		return []*fyne.MenuItem{item}
	}
	for _, a := range app.Transitions(sum.Status) {
		to := a.To
		label := strings.ToUpper(a.Label[:1]) + a.Label[1:]
		if to == app.StatusScheduled || to == app.StatusKilled {
			label += "…"
		}
		out = append(out, fyne.NewMenuItem(label, func() { w.Move(sum, to) }))
	}
	if len(out) == 0 {
		item := fyne.NewMenuItem(sum.Status.Label()+": no status moves", nil)
		item.Disabled = true
		out = append(out, item)
	}
	return out
}

// Menu is the status menu of one story.
func (w *Workflow) Menu(sum app.Summary) *fyne.Menu {
	return fyne.NewMenu("Status", w.MenuItems(sum)...)
}

// ShowMenu pops the status menu up at pos on c: the list's context menu.
func (w *Workflow) ShowMenu(sum app.Summary, c fyne.Canvas, pos fyne.Position) {
	widget.ShowPopUpMenuAtPosition(w.Menu(sum), c, pos)
}

// StatusButton is a toolbar button that pops up the status menu of the
// story current returns (ok false: none, and the button does nothing).
func (w *Workflow) StatusButton(current func() (app.Summary, bool)) *widget.Button {
	var b *widget.Button
	b = &widget.Button{Text: "Status", Icon: theme.MenuDropDownIcon(), IconPlacement: widget.ButtonIconTrailingText}
	b.OnTapped = func() {
		sum, ok := current()
		if !ok {
			return
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
		if c != nil {
			w.ShowMenu(sum, c, pos)
		}
	}
	return b
}

// Move moves one story, asking first when the move needs a time or a
// reason. A refused move says why in a dialog; a done one is quiet.
func (w *Workflow) Move(sum app.Summary, to app.Status) {
	switch to {
	case app.StatusScheduled:
		w.askSchedule("Schedule “"+headlineOrPlaceholder(sum.Headline)+"”", sum.TimeZone, func(at time.Time, zone string) {
			w.moveOne(sum, to, app.TransitionOptions{Author: w.author, At: &at, Zone: zone, Base: -1})
		})
	case app.StatusKilled:
		w.askReason(sum, func(note string) {
			w.moveOne(sum, to, app.TransitionOptions{Author: w.author, Note: note, Base: -1})
		})
	default:
		w.moveOne(sum, to, app.TransitionOptions{Author: w.author, Base: -1})
	}
}

func (w *Workflow) moveOne(sum app.Summary, to app.Status, opt app.TransitionOptions) {
	w.run.run(func(ctx context.Context) func() {
		_, err := w.svc.Transition(ctx, sum.ID, to, opt)
		return func() {
			if err != nil {
				w.svc.Log.Warn("status move", "id", sum.ID, "to", to, "err", err)
				dialog.ShowError(errors.New(headlineOrPlaceholder(sum.Headline)+": "+userMessage(err)), w.win)
				return
			}
			w.changed([]string{sum.ID})
		}
	})
}

// Bulk applies action to the stories ids (asking for the time first when
// it schedules) and shows one report of every outcome.
func (w *Workflow) Bulk(ids []string, action BulkAction) {
	if len(ids) == 0 {
		return
	}
	runIt := func(opt app.TransitionOptions) {
		w.run.run(func(ctx context.Context) func() {
			rep := RunBulk(ctx, w.svc, ids, action, opt)
			return func() {
				w.last = &rep
				showBulkReport(w.win, rep)
				w.changed(ids)
			}
		})
	}
	if action.To != app.StatusScheduled {
		runIt(app.TransitionOptions{Author: w.author, Base: -1})
		return
	}
	w.askSchedule(fmt.Sprintf("Schedule %s", storyCount(len(ids))), "", func(at time.Time, zone string) {
		runIt(app.TransitionOptions{Author: w.author, At: &at, Zone: zone, Base: -1})
	})
}

// askSchedule reads the newsroom's zone off the UI goroutine, then asks
// for the time; zone "" means the newsroom's.
func (w *Workflow) askSchedule(title, zone string, onOK func(at time.Time, zone string)) {
	w.run.run(func(ctx context.Context) func() {
		nr, err := w.svc.Newsroom(ctx)
		newsroom := nr.TimeZone
		if err != nil || newsroom == "" {
			newsroom = app.DefaultTimeZone
		}
		return func() {
			z := zone
			if z == "" {
				z = newsroom
			}
			showScheduleDialog(w.win, title, z, newsroom, w.Local, w.svc.Now(), onOK)
		}
	})
}

// askReason asks why a story is killed or spiked: the note is required
// and kept on the story.
func (w *Workflow) askReason(sum app.Summary, onOK func(note string)) {
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("Why is the story withdrawn? Readers of a killed story see this.")
	reason.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("say why")
		}
		return nil
	}
	verb := "Kill"
	if sum.Status != app.StatusPublished {
		verb = "Spike"
	}
	d := dialog.NewForm(verb+" “"+headlineOrPlaceholder(sum.Headline)+"”?", verb, "Cancel",
		[]*widget.FormItem{{Text: "Reason", Widget: reason}}, func(ok bool) {
			if ok {
				onOK(strings.TrimSpace(reason.Text))
			}
		}, w.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

func (w *Workflow) changed(ids []string) {
	if w.OnChanged != nil {
		w.OnChanged(ids)
	}
}

// showBulkReport shows one report for a bulk action: the summary, then a
// line per story saying what happened or why not.
func showBulkReport(win fyne.Window, rep BulkReport) {
	lines := rep.Lines()
	list := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(lines[id])
			l.Importance = widget.MediumImportance
			if strings.HasPrefix(lines[id], "✗") {
				l.Importance = widget.DangerImportance
			}
			l.Refresh()
		},
	)
	list.OnSelected = func(id widget.ListItemID) {
		// A long reason does not fit a row: the whole line is one click away.
		dialog.ShowInformation("Details", lines[id], win)
		list.UnselectAll()
	}
	summary := &widget.Label{Text: rep.Summary(), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	content := container.NewBorder(summary, nil, nil, nil, list)
	d := dialog.NewCustom(rep.Action.Label+": report", "Close", content, win)
	d.Resize(fyne.NewSize(640, min(160+float32(len(lines))*40, 520)))
	d.Show()
}
