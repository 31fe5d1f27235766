package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// onRestore asks before restoring: the restore is a new revision and
// loses nothing, which the question says.
func (p *HistoryPanel) onRestore() {
	n, latest := p.selected, p.ctl.Latest()
	if n == 0 || n == latest {
		return
	}
	msg := fmt.Sprintf("Revision %d will be saved again as a new revision %d.\nRevisions %d to %d stay in the history; nothing is lost.",
		n, latest+1, n+1, latest)
	dialog.ShowConfirm(fmt.Sprintf("Restore revision %d?", n), msg, func(ok bool) {
		if ok {
			p.restoreRevision(n)
		}
	}, p.win)
}

func (p *HistoryPanel) restoreRevision(n int) {
	p.run.run(func(ctx context.Context) func() {
		a, err := p.ctl.Restore(ctx, n)
		return func() {
			if err != nil {
				p.showError(err)
				return
			}
			p.showInfo(fmt.Sprintf("Revision %d restored as revision %d.", n, a.Revision))
			p.showRows(a.Revision)
			p.changed(a.ID)
		}
	})
}

// keepOlder saves change i of res back to its older wording and redoes
// the comparison against the new revision, at the same place.
func (p *HistoryPanel) keepOlder(res *CompareResult, i int) {
	p.run.run(func(ctx context.Context) func() {
		a, err := p.ctl.KeepOlder(ctx, res, i)
		return func() {
			if err != nil {
				p.showError(err)
				return
			}
			p.showInfo(fmt.Sprintf("Change %d kept as in revision %d; saved as revision %d.", i+1, res.Old.Number, a.Revision))
			p.rows = p.ctl.Rows()
			p.revList.Refresh()
			p.blame.refresh()
			p.selected = a.Revision
			p.highlight(a.Revision)
			p.updateButtons()
			p.compare(res.Old.Number, a.Revision, i)
			p.changed(a.ID)
		}
	})
}

func (p *HistoryPanel) changed(id string) {
	if p.OnChanged != nil {
		p.OnChanged(id)
	}
}

func (p *HistoryPanel) showError(err error) {
	p.status.Importance = widget.DangerImportance
	p.status.SetText(userMessage(err))
	p.status.Show()
}

func (p *HistoryPanel) showInfo(text string) {
	p.status.Importance = widget.SuccessImportance
	p.status.SetText(text)
	p.status.Show()
}

func (p *HistoryPanel) hideStatus() {
	if p.status.Importance == widget.DangerImportance {
		p.status.Hide()
	}
}

// ShowHistoryWindow opens article id's History panel in a window of its
// own; onChanged (may be nil) is told when the panel saves a revision.
func ShowHistoryWindow(a fyne.App, svc *app.Service, author, id, title string, onChanged func(id string)) fyne.Window {
	w := a.NewWindow("History: " + headlineOrPlaceholder(title))
	p := NewHistoryPanel(w, svc, author)
	p.OnChanged = onChanged
	w.SetContent(p.Object())
	p.AddShortcuts(w.Canvas())
	w.SetOnClosed(p.Close)
	w.Resize(fyne.NewSize(1100, 720))
	p.Open(id)
	w.Show()
	return w
}
