package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// articleList is the virtualised list of summaries: only the visible rows
// exist as widgets, so a store of thousands of articles scrolls smoothly.
type articleList struct {
	// items is the view's own snapshot, replaced only on the UI goroutine:
	// the list asks for its length and then for rows in separate calls, and
	// a background reload must not change the slice in between.
	items    []app.Summary
	list     *widget.List
	filter   *searchField // Esc clears it; search_install.go adds the full-text search
	empty    *widget.Label
	body     *fyne.Container // the list and its empty note; search results take its place
	widget   fyne.CanvasObject
	onSelect func(id string)
	// onMenu, when set, opens a row's context menu (right-click): the
	// workflow's status moves for that story.
	onMenu func(s app.Summary, at fyne.Position)
	// asOf is the time missed schedules are judged against: the
	// controller's last load, so that rows agree with the sidebar count.
	asOf func() time.Time
	// syncing is set while the view itself moves the highlight to match
	// the controller, so that it does not count as a click.
	syncing bool
}

func newArticleList(onSelect func(id string), onFilter func(q string)) *articleList {
	l := &articleList{onSelect: onSelect, asOf: time.Now}
	l.filter = newSearchField("Filter by headline, byline or section (Ctrl+F)", onFilter)
	l.filter.ActionItem = &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance,
		OnTapped: func() { l.filter.SetText("") }}
	l.list = widget.NewList(
		func() int { return len(l.items) },
		func() fyne.CanvasObject {
			headline := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
			meta := &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
			// The attention note leads the second line at its full width,
			// so a long byline never truncates it away.
			note := &widget.Label{SizeName: theme.SizeNameCaptionText, Importance: widget.WarningImportance}
			note.Hide()
			second := container.NewBorder(nil, nil, note, nil, meta)
			// Each label pads itself; the usual gap between them on top
			// would make rows twice as tall as they need to be.
			content := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), headline, second)
			return newListRow(content, func(id int) { l.list.Select(id) }, func(id int, at fyne.Position) {
				if l.onMenu != nil && id >= 0 && id < len(l.items) {
					l.onMenu(l.items[id], at)
				}
			})
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(l.items) {
				return
			}
			s := &l.items[id]
			r := o.(*listRow)
			r.id = id
			row := r.content.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(headlineOrPlaceholder(s.Headline))
			second := row.Objects[1].(*fyne.Container)
			second.Objects[0].(*widget.Label).SetText(SummaryMeta(s))
			note := second.Objects[1].(*widget.Label)
			if text := AttentionNote(s, l.asOf()); text != "" {
				note.SetText(text)
				note.Show()
			} else {
				note.Hide()
			}
			second.Refresh()
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		if l.syncing || id < 0 || id >= len(l.items) {
			return
		}
		l.onSelect(l.items[id].ID)
	}
	l.empty = &widget.Label{Text: "No articles here.", Alignment: fyne.TextAlignCenter, Importance: widget.LowImportance}
	l.empty.Hide()
	l.body = container.NewStack(l.list, container.NewCenter(l.empty))
	l.widget = container.NewBorder(l.filter, nil, nil, nil, l.body)
	return l
}

// update shows items and highlights selID when it is listed.
func (l *articleList) update(items []app.Summary, selID string) {
	l.items = items
	l.syncing = true
	defer func() { l.syncing = false }()
	idx := -1
	for i := range items {
		if items[i].ID == selID {
			idx = i
			break
		}
	}
	if idx < 0 {
		l.list.UnselectAll()
	} else {
		l.list.Select(idx)
	}
	l.list.Refresh()
	if len(items) == 0 {
		l.empty.Show()
	} else {
		l.empty.Hide()
	}
}

func (l *articleList) clearSelection() {
	l.syncing = true
	l.list.UnselectAll()
	l.syncing = false
}

// listRow is one row of the article list: its content, and a right-click
// that opens the row's context menu. The desktop driver hands a click to
// the innermost widget taking any kind of tap, so the row must take the
// primary tap too and select itself, as the list would.
type listRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	id      int
	onTap   func(id int)
	onMenu  func(id int, at fyne.Position)
}

func newListRow(content fyne.CanvasObject, onTap func(id int), onMenu func(id int, at fyne.Position)) *listRow {
	r := &listRow{content: content, onTap: onTap, onMenu: onMenu}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped selects the row.
func (r *listRow) Tapped(*fyne.PointEvent) { r.onTap(r.id) }

// CreateRenderer draws the content.
func (r *listRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// TappedSecondary opens the context menu where the pointer is.
func (r *listRow) TappedSecondary(ev *fyne.PointEvent) { r.onMenu(r.id, ev.AbsolutePosition) }
