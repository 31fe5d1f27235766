package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// progressDialog is the dialog long work (import, export) runs behind: a
// bar, a line saying what is being done, and Cancel. dialog.NewProgress is
// deprecated, hence this one.
type progressDialog struct {
	dlg    *dialog.CustomDialog
	bar    *widget.ProgressBar
	file   *widget.Label
	cancel *widget.Button
}

// newProgressDialog shows a progress dialog titled title over win; Cancel
// calls stop once and leaves "Stopping…" on screen until the work ends.
func newProgressDialog(win fyne.Window, title, text string, stop func()) *progressDialog {
	p := &progressDialog{bar: widget.NewProgressBar(), file: &widget.Label{Text: text, Truncation: fyne.TextTruncateEllipsis}}
	p.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() {
		stop()
		p.cancel.Disable()
		p.file.SetText("Stopping…")
	}}
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.file, p.bar), win)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel})
	p.dlg.Resize(fyne.NewSize(460, p.dlg.MinSize().Height))
	p.dlg.Show()
	return p
}

// set shows how far the work has got, unless Cancel was pressed: then
// "Stopping…" stays until the work ends. Call it on the UI goroutine.
func (p *progressDialog) set(fraction float64, text string) {
	if p.cancel.Disabled() {
		return
	}
	p.bar.SetValue(fraction)
	p.file.SetText(text)
}

// hide closes the dialog.
func (p *progressDialog) hide() { p.dlg.Hide() }

// coalescer carries progress from a worker to the UI goroutine without
// queueing one redraw per step: an export of 50,000 pages reports 50,000
// times, and the screen only needs the latest. At most one draw is
// pending at a time, and it draws the newest value.
type coalescer[T any] struct {
	do   func(func())
	draw func(T)

	mu      sync.Mutex
	latest  T
	pending bool
}

// post records v and schedules a draw unless one is already pending.
func (c *coalescer[T]) post(v T) {
	c.mu.Lock()
	c.latest = v
	schedule := !c.pending
	c.pending = true
	c.mu.Unlock()
	if !schedule {
		return
	}
	c.do(func() {
		c.mu.Lock()
		v := c.latest
		c.pending = false
		c.mu.Unlock()
		c.draw(v)
	})
}

// reportDialog builds a report: a bold summary, then each section's title
// and lines; lines naming an article open it (closing the report) when
// onOpen is set. It is not shown yet, so that a caller may replace its
// Close button (SetButtons) with a choice.
func reportDialog(win fyne.Window, title, summary string, sections []ReportSection, onOpen func(id string)) *dialog.CustomDialog {
	box := container.NewVBox(&widget.Label{Text: summary, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}})
	var d *dialog.CustomDialog
	for _, s := range sections {
		box.Add(&widget.Label{Text: s.Title, TextStyle: fyne.TextStyle{Bold: true}})
		for _, l := range s.Lines {
			if l.ID != "" && onOpen != nil {
				id := l.ID
				box.Add(&widget.Hyperlink{Text: l.Text, Wrapping: fyne.TextWrapWord, OnTapped: func() {
					d.Hide()
					onOpen(id)
				}})
				continue
			}
			box.Add(&widget.Label{Text: l.Text, Wrapping: fyne.TextWrapWord})
		}
	}
	d = dialog.NewCustom(title, "Close", container.NewVScroll(box), win)
	d.Resize(fyne.NewSize(640, 460))
	return d
}
