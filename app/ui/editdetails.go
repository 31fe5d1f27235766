package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// maxTagSuggestions bounds the row of suggested tags under the tag box.
const maxTagSuggestions = 6

// detailsTab holds the byline (people in order, or an agency), the
// section and the tags; the schedule sits at the end of the Details tab.
type detailsTab struct {
	v        *editorView
	byline   *fyne.Container
	names    []*widget.Entry
	source   *widget.Entry
	section  *widget.SelectEntry
	tags     *fyne.Container
	tagInput *widget.Entry
	suggest  *fyne.Container
	schedule *scheduleView
	top      fyne.CanvasObject
}

func newDetailsTab(v *editorView) *detailsTab {
	d := &detailsTab{v: v}
	d.byline = container.NewVBox()
	addName := &widget.Button{Text: "Add a name", Icon: theme.ContentAddIcon(), OnTapped: d.onAddName}
	d.source = &widget.Entry{PlaceHolder: "Agency, when no person is named (e.g. Xinhua)"}
	d.source.OnChanged = func(s string) { v.edit(func(a *app.Article) { a.Source = s }) }
	d.section = widget.NewSelectEntry(nil)
	d.section.PlaceHolder = "Section (pick one, or type a new one)"
	d.section.OnChanged = func(s string) { v.edit(func(a *app.Article) { a.Section = s }) }

	d.tags = container.New(layout.NewRowWrapLayout())
	d.tagInput = &widget.Entry{PlaceHolder: "Add a tag and press Enter"}
	d.tagInput.OnChanged = func(string) { d.showSuggestions() }
	d.tagInput.OnSubmitted = d.onAddTag
	d.suggest = container.New(layout.NewRowWrapLayout())
	d.schedule = newScheduleView(v)

	d.top = container.NewVBox(
		heading("Byline"), d.byline, container.NewHBox(addName), v.noteFor("byline"),
		d.source, v.noteFor("source"),
		heading("Section"), d.section, v.noteFor("section"),
		heading("Tags"), d.tags, d.tagInput, d.suggest, v.noteFor("tags"),
	)
	return d
}

func heading(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}}
}

func (d *detailsTab) fill(a *app.Article) {
	if len(d.names) != len(a.Byline) {
		d.buildByline(a.Byline)
	}
	for i, n := range a.Byline {
		setEntry(d.names[i], n)
	}
	setEntry(d.source, a.Source)
	d.section.SetOptions(d.v.u.ctl.Sections())
	setEntry(&d.section.Entry, a.Section)
	d.buildTags(a.Tags)
	d.schedule.fill()
}

// buildByline makes one row per name: the entry and buttons to move it up
// or down (the first name leads the byline) or remove it.
func (d *detailsTab) buildByline(names []string) {
	d.names = d.names[:0]
	d.byline.Objects = nil
	for i := range names {
		e := &widget.Entry{PlaceHolder: "Name"}
		e.OnChanged = func(s string) {
			d.v.edit(func(a *app.Article) {
				if i < len(a.Byline) {
					a.Byline[i] = s
				}
			})
		}
		d.names = append(d.names, e)
		buttons := container.NewHBox(
			&widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { d.restructure(func(a *app.Article) { moveItem(a.Byline, i, -1) }) }},
			&widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { d.restructure(func(a *app.Article) { moveItem(a.Byline, i, 1) }) }},
			&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { d.restructure(func(a *app.Article) { a.Byline = removeItem(a.Byline, i) }) }},
		)
		d.byline.Add(container.NewBorder(nil, nil, nil, buttons, e))
	}
	d.byline.Refresh()
}

// restructure applies an edit that adds, removes or reorders items, then
// redraws the article's lists.
func (d *detailsTab) restructure(f func(a *app.Article)) {
	d.v.ed.Update(f)
	a := d.v.ed.Article()
	d.v.filling = true
	d.buildByline(a.Byline)
	d.fill(a)
	d.v.filling = false
	d.v.changed()
}

func (d *detailsTab) onAddName() {
	d.restructure(func(a *app.Article) { a.Byline = append(a.Byline, "") })
	if n := len(d.names); n > 0 {
		d.v.u.win.Canvas().Focus(d.names[n-1])
	}
}

func (d *detailsTab) buildTags(tags []string) {
	d.tags.Objects = nil
	for _, t := range tags {
		d.tags.Add(&widget.Button{Text: t, Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: func() {
			d.restructure(func(a *app.Article) {
				if i := slices.Index(a.Tags, t); i >= 0 {
					a.Tags = removeItem(a.Tags, i)
				}
			})
		}})
	}
	d.tags.Refresh()
	d.showSuggestions()
}

// showSuggestions offers the newsroom's tags matching what is typed, most
// used first; with nothing typed, the most used ones.
func (d *detailsTab) showSuggestions() {
	a := d.v.ed.Article()
	d.suggest.Objects = nil
	if a != nil {
		for _, t := range SuggestTags(d.v.u.ctl.Tags(), d.tagInput.Text, a.Tags, maxTagSuggestions) {
			d.suggest.Add(&widget.Button{Text: fmt.Sprintf("%s (%d)", t.Name, t.Count), Icon: theme.ContentAddIcon(),
				OnTapped: func() { d.onAddTag(t.Name) }})
		}
	}
	d.suggest.Refresh()
}

func (d *detailsTab) onAddTag(tag string) {
	if d.v.ed.AddTag(tag, d.v.u.ctl.Tags()) == "" && d.tagInput.Text == tag {
		return // already there: keep the text so the editor sees why
	}
	d.tagInput.SetText("")
	a := d.v.ed.Article()
	d.buildTags(a.Tags)
	d.v.changed()
}
