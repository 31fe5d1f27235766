package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// agendaSpans are the lengths the agenda offers, in days.
var agendaSpans = map[string]int{"Today": 1, "7 days": 7, "14 days": 14, "30 days": 30}

// AgendaView shows the scheduled stories by day in the newsroom's zone,
// conflicts marked in words and colour. Clicking a story opens it.
type AgendaView struct {
	ctl  *AgendaController
	svc  *app.Service
	run  *deskRunner
	days int

	// OnOpen is called with a story's id when it is clicked.
	OnOpen func(id string)

	rows    []AgendaRow
	span    *widget.Select
	auto    *widget.Check // the missed-schedule policy
	syncing bool          // set while auto is updated from the store
	summary *widget.Label
	list    *widget.List
	root    fyne.CanvasObject
	gen     uint64
}

// NewAgendaView returns the agenda over svc, empty until Reload.
func NewAgendaView(svc *app.Service) *AgendaView { return newAgendaView(svc, nil) }

func newAgendaView(svc *app.Service, do func(func())) *AgendaView {
	v := &AgendaView{ctl: NewAgendaController(svc), svc: svc, run: newDeskRunner(do), days: 7}
	v.summary = &widget.Label{Text: "Loading the agenda…", Wrapping: fyne.TextWrapWord}
	v.span = widget.NewSelect([]string{"Today", "7 days", "14 days", "30 days"}, func(s string) {
		v.days = agendaSpans[s]
		v.Reload()
	})
	v.span.Selected = "7 days"
	v.list = widget.NewList(
		func() int { return len(v.rows) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(v.rows) {
				return
			}
			r, l := v.rows[id], o.(*widget.Label)
			l.Text = r.Text()
			l.TextStyle = fyne.TextStyle{Bold: r.Heading}
			l.Importance = widget.MediumImportance
			if r.Item.Conflict {
				l.Importance = widget.WarningImportance
			}
			l.Refresh()
		},
	)
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.UnselectAll()
		if id >= 0 && id < len(v.rows) && !v.rows[id].Heading && v.OnOpen != nil {
			v.OnOpen(v.rows[id].Item.ID)
		}
	}
	refresh := &widget.Button{Icon: theme.ViewRefreshIcon(), OnTapped: v.Reload}
	v.auto = widget.NewCheck("Publish stories that fell due while Newsdesk was closed without asking", v.onAuto)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(v.span, refresh), v.summary)
	v.root = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), v.auto, nil, nil, v.list)
	return v
}

// Object is the view's content.
func (v *AgendaView) Object() fyne.CanvasObject { return v.root }

// Reload reads the agenda again off the UI goroutine.
func (v *AgendaView) Reload() {
	v.gen++
	gen, days := v.gen, v.days
	now := time.Now
	if v.svc.Now != nil {
		now = v.svc.Now
	}
	v.run.run(func(ctx context.Context) func() {
		err := v.ctl.Load(ctx, now(), days)
		policy, perr := LoadMissedPolicy(ctx, v.svc)
		return func() {
			if gen != v.gen {
				return
			}
			if perr == nil {
				v.syncing = true
				v.auto.SetChecked(policy == MissedPublish)
				v.syncing = false
			}
			if err != nil {
				v.summary.SetText(userMessage(err))
				return
			}
			v.rows = v.ctl.Rows()
			v.summary.SetText(v.ctl.Summary(days))
			v.list.Refresh()
		}
	})
}

// onAuto stores the missed-schedule policy the check box says.
func (v *AgendaView) onAuto(on bool) {
	if v.syncing {
		return
	}
	p := MissedAsk
	if on {
		p = MissedPublish
	}
	v.run.run(func(ctx context.Context) func() {
		err := SaveMissedPolicy(ctx, v.svc, p)
		return func() {
			if err != nil {
				v.summary.SetText(userMessage(err))
			}
		}
	})
}

// Close stops loading.
func (v *AgendaView) Close() { v.run.close() }

// ShowAgendaWindow opens the agenda in a window of its own; onOpen (may
// be nil) is called with the id of a clicked story.
func ShowAgendaWindow(a fyne.App, svc *app.Service, onOpen func(id string)) (fyne.Window, *AgendaView) {
	w := a.NewWindow("Agenda")
	v := NewAgendaView(svc)
	v.OnOpen = onOpen
	w.SetContent(v.Object())
	w.SetOnClosed(v.Close)
	w.Resize(fyne.NewSize(760, 600))
	v.Reload()
	w.Show()
	return w, v
}
