package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// BulkPanel lists stories with a check column for multi-selection (click,
// Ctrl+click, Shift+click, or the check box alone) and applies the bulk
// actions to the selection, with one report.
type BulkPanel struct {
	wf      *Workflow
	filter  *widget.Select
	status  app.Status // the desk listed, "" for every live story
	sel     *Selection
	items   []app.Summary
	order   []string
	list    *widget.List
	count   *widget.Label
	actions []*widget.Button
	root    fyne.CanvasObject
}

// NewBulkPanel returns an empty panel running its actions through wf.
func NewBulkPanel(wf *Workflow) *BulkPanel {
	b := &BulkPanel{wf: wf, sel: NewSelection()}
	b.sel.OnChanged = b.update
	b.list = widget.NewList(
		func() int { return len(b.items) },
		func() fyne.CanvasObject { return newBulkRow(b) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(b.items) {
				o.(*bulkRow).set(id, &b.items[id], b.sel.Has(b.items[id].ID))
			}
		},
	)
	// Keyboard: arrows move, Space toggles the focused story.
	b.list.OnSelected = func(id widget.ListItemID) {
		b.list.UnselectAll()
		if id >= 0 && id < len(b.items) {
			b.sel.Toggle(b.items[id].ID)
		}
	}
	b.count = &widget.Label{Text: "No stories selected."}
	for _, a := range BulkActions() {
		b.actions = append(b.actions, &widget.Button{Text: a.Label, OnTapped: func() { b.Run(a) }})
	}
	all := &widget.Button{Text: "Select all", OnTapped: func() { b.sel.SelectAll(b.order) }}
	none := &widget.Button{Text: "Select none", OnTapped: b.sel.Clear}
	var desks []string
	for _, f := range Folders() {
		if !f.Trash {
			desks = append(desks, f.Label())
		}
	}
	b.filter = widget.NewSelect(desks, func(label string) {
		for _, f := range Folders() {
			if f.Label() == label && !f.Trash {
				b.status = f.Status
			}
		}
		b.Reload()
	})
	bar := container.NewHBox(b.filter, b.count, layout.NewSpacer(), all, none)
	actions := container.NewHBox()
	for _, btn := range b.actions {
		actions.Add(btn)
	}
	hint := &widget.Label{Text: "Click selects one story, Ctrl+click adds or removes one, Shift+click selects a run.",
		SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	b.root = container.NewBorder(container.NewVBox(bar, actions), hint, nil, nil, b.list)
	b.update()
	return b
}

// Object is the panel's content.
func (b *BulkPanel) Object() fyne.CanvasObject { return b.root }

// Selection is the panel's selection model.
func (b *BulkPanel) Selection() *Selection { return b.sel }

// SetItems shows a listing; selected stories that are no longer listed
// are dropped from the selection.
func (b *BulkPanel) SetItems(items []app.Summary) {
	b.items = items
	b.order = make([]string, len(items))
	for i := range items {
		b.order[i] = items[i].ID
	}
	b.sel.Prune(b.order)
	b.list.Refresh()
}

// Reload lists the chosen desk again, off the UI goroutine.
func (b *BulkPanel) Reload() {
	status := b.status
	b.wf.run.run(func(ctx context.Context) func() {
		res, err := b.wf.svc.List(ctx, app.Filter{Status: status, Limit: MaxListed})
		return func() {
			if status != b.status {
				return // another desk was chosen meanwhile
			}
			if err != nil {
				b.count.SetText(userMessage(err))
				return
			}
			b.SetItems(res.Items)
		}
	})
}

// ShowDesk lists one desk (status "" for every live story).
func (b *BulkPanel) ShowDesk(status app.Status) {
	b.status = status
	b.filter.Selected = Folder{Status: status}.Label()
	b.filter.Refresh()
	b.Reload()
}

// Run applies action to the selected stories.
func (b *BulkPanel) Run(action BulkAction) {
	b.wf.Bulk(b.sel.IDs(b.order), action)
}

func (b *BulkPanel) update() {
	n := b.sel.Len()
	switch n {
	case 0:
		b.count.SetText("No stories selected.")
	default:
		b.count.SetText(fmt.Sprintf("%s selected", storyCount(n)))
	}
	for _, btn := range b.actions {
		cmpEnable(btn, n > 0)
	}
	b.list.Refresh()
}

// bulkRow is one story with its check box. It takes clicks itself (not
// the list) because it needs the modifier keys, which the list's
// selection does not report.
type bulkRow struct {
	widget.BaseWidget
	panel    *BulkPanel
	id       int
	check    *widget.Icon
	headline *widget.Label
	meta     *widget.Label
	mod      fyne.KeyModifier
}

func newBulkRow(p *BulkPanel) *bulkRow {
	r := &bulkRow{panel: p, id: -1, check: widget.NewIcon(theme.CheckButtonIcon()),
		headline: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		meta:     &widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}}
	r.ExtendBaseWidget(r)
	return r
}

func (r *bulkRow) set(id int, s *app.Summary, checked bool) {
	r.id = id
	r.headline.SetText(headlineOrPlaceholder(s.Headline))
	r.meta.SetText(SummaryMeta(s))
	if checked {
		r.check.SetResource(theme.CheckButtonCheckedIcon())
	} else {
		r.check.SetResource(theme.CheckButtonIcon())
	}
}

func (r *bulkRow) CreateRenderer() fyne.WidgetRenderer {
	text := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), r.headline, r.meta)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.check), nil, text))
}

// MouseDown notes the modifiers of the click that Tapped will complete.
func (r *bulkRow) MouseDown(e *desktop.MouseEvent) { r.mod = e.Modifier }

// MouseUp is needed to receive MouseDown.
func (r *bulkRow) MouseUp(*desktop.MouseEvent) {}

// TappedSecondary pops up the story's status menu: a right click moves
// one story without selecting it.
func (r *bulkRow) TappedSecondary(e *fyne.PointEvent) {
	p := r.panel
	if r.id < 0 || r.id >= len(p.items) {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		p.wf.ShowMenu(p.items[r.id], c, e.AbsolutePosition)
	}
}

// Tapped selects: on the check box it toggles, elsewhere it follows the
// modifiers of the click.
func (r *bulkRow) Tapped(e *fyne.PointEvent) {
	p := r.panel
	if r.id < 0 || r.id >= len(p.items) {
		return
	}
	id := p.items[r.id].ID
	mod := r.mod
	r.mod = 0
	if e.Position.X <= r.check.Size().Width+2*theme.Padding() {
		p.sel.Toggle(id)
		return
	}
	p.sel.Click(id, mod, p.order)
}

// ShowBulkWindow opens the bulk actions in a window of their own, listing
// the desk status ("" for every live story); onChanged (may be nil) is
// told which stories moved, so that the main window reloads.
func ShowBulkWindow(a fyne.App, svc *app.Service, author string, status app.Status, onChanged func(ids []string)) fyne.Window {
	w := a.NewWindow("Bulk actions")
	wf := NewWorkflow(w, svc, author)
	p := NewBulkPanel(wf)
	wf.OnChanged = func(ids []string) {
		p.Reload()
		if onChanged != nil {
			onChanged(ids)
		}
	}
	w.SetContent(p.Object())
	w.SetOnClosed(wf.Close)
	w.Resize(fyne.NewSize(860, 640))
	p.ShowDesk(status)
	w.Show()
	return w
}
