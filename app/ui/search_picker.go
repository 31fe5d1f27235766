package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// pickerRows is how many results the picker shows without scrolling.
const pickerRows = 5

// ArticlePicker chooses one of our stories with the same search as the
// main window (ranked, as you type, in English and Chinese): for the
// editor's related-story field. Type, then click a result or press Enter;
// Esc clears. The results show only while there is a query.
type ArticlePicker struct {
	widget.BaseWidget
	box     *searchBox
	results *fyne.Container
	content *fyne.Container // the field over the results
}

// NewArticlePicker returns a picker over svc calling onPick on the UI
// goroutine with the chosen article's id and headline; the field is then
// cleared for the next pick. Call Close when the picker goes away.
func NewArticlePicker(svc *app.Service, onPick func(id, headline string)) *ArticlePicker {
	return newArticlePicker(svc, nil, onPick)
}

// newArticlePicker is NewArticlePicker with the UI goroutine's runner
// (tests pass their own event loop; nil means fyne.Do).
func newArticlePicker(svc *app.Service, do func(func()), onPick func(id, headline string)) *ArticlePicker {
	p := &ArticlePicker{}
	field := newSearchField("Find one of our stories: words of its headline or text", nil)
	p.box = newSearchBox(svc, field, do)
	field.OnChanged = p.box.onChanged
	p.box.onOpen = func(id, headline string) {
		if onPick != nil {
			onPick(id, headline)
		}
		field.SetText("")
		p.box.searchNow()
	}
	// A fixed height for the results, so that the picker does not grow
	// and shrink the form it sits in as results come and go.
	rows := canvas.NewRectangle(nil)
	rows.SetMinSize(fyne.NewSize(0, float32(pickerRows)*newHitRow().MinSize().Height))
	p.results = container.NewStack(rows, p.box.panel)
	p.results.Hide()
	p.content = container.NewBorder(field, nil, nil, nil, p.results)
	p.box.onActive = func(on bool) {
		if on {
			p.results.Show()
		} else {
			p.results.Hide()
		}
		p.content.Refresh() // lay the results out: they had no room while hidden
	}
	p.box.loadSections(svc, nil)
	p.ExtendBaseWidget(p)
	return p
}

// Exclude leaves article id (the one being edited) out of the results.
func (p *ArticlePicker) Exclude(id string) { p.box.exclude = id }

// Field returns the search field, to focus it.
func (p *ArticlePicker) Field() fyne.Focusable { return p.box.field }

// Close stops searches in flight.
func (p *ArticlePicker) Close() { p.box.close() }

// CreateRenderer lays the field over the results.
func (p *ArticlePicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// ShowArticlePicker opens the picker in a dialog over win and calls
// onPick with the story chosen; exclude (may be "") is left out.
func ShowArticlePicker(win fyne.Window, svc *app.Service, exclude string, onPick func(id, headline string)) {
	var d *dialog.CustomDialog
	p := NewArticlePicker(svc, func(id, headline string) {
		d.Hide()
		onPick(id, headline)
	})
	p.Exclude(exclude)
	d = dialog.NewCustom("Add a related story", "Cancel", p, win)
	d.SetOnClosed(p.Close)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
	win.Canvas().Focus(p.box.field)
}
