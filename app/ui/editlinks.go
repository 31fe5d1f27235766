package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// maxRelatedSuggestions bounds the stories offered under the search box.
const maxRelatedSuggestions = 5

var roles = []string{string(app.RoleReporter), string(app.RoleEditor), string(app.RoleOther)}

// linksView edits the contact lines, the related stories (ours, found by
// headline, or an outside headline and address) and the read-more link.
type linksView struct {
	v        *editorView
	contacts *fyne.Container
	// contactRows are the entries of each contact row, in order.
	contactRows []contactRow
	related     *fyne.Container
	relatedIDs  []app.Related
	find        *widget.Entry
	found       *fyne.Container
	outHeadline *widget.Entry
	outURL      *widget.Entry
	moreText    *widget.Entry
	moreURL     *widget.Entry
	root        fyne.CanvasObject
}

type contactRow struct {
	role                 *widget.Select
	name, email, twitter *widget.Entry
}

func newLinksView(v *editorView) *linksView {
	l := &linksView{v: v, contacts: container.NewVBox(), related: container.NewVBox(),
		found: container.New(layout.NewRowWrapLayout())}
	addContact := &widget.Button{Text: "Add a contact", Icon: theme.ContentAddIcon(), OnTapped: func() {
		l.restructure(func(a *app.Article) { a.Contacts = append(a.Contacts, app.Contact{Role: app.RoleReporter}) })
	}}
	l.find = &widget.Entry{PlaceHolder: "Find one of our stories by headline"}
	l.find.OnChanged = func(string) { l.showFound() }
	l.outHeadline = &widget.Entry{PlaceHolder: "Outside story: headline"}
	l.outURL = &widget.Entry{PlaceHolder: "https://…"}
	addOutside := &widget.Button{Text: "Add link", Icon: theme.ContentAddIcon(), OnTapped: l.onAddOutside}
	l.moreText = &widget.Entry{PlaceHolder: "Read the full story here"}
	l.moreURL = &widget.Entry{PlaceHolder: "https://…"}
	for _, e := range []*widget.Entry{l.moreText, l.moreURL} {
		e.OnChanged = func(string) { l.onReadMore() }
	}
	l.root = container.NewVBox(
		heading("Contacts"), l.contacts, container.NewHBox(addContact), v.noteFor("contacts"),
		heading("Related stories"), l.related, l.find, l.found,
		container.NewBorder(nil, nil, nil, addOutside, container.NewGridWithColumns(2, l.outHeadline, l.outURL)),
		v.noteFor("related"),
		heading("Read more"), container.NewGridWithColumns(2, l.moreText, l.moreURL), v.noteFor("read_more"),
	)
	return l
}

func (l *linksView) fill(a *app.Article) {
	if len(l.contactRows) != len(a.Contacts) {
		l.buildContacts(len(a.Contacts))
	}
	for i, c := range a.Contacts {
		r := l.contactRows[i]
		if r.role.Selected != string(c.Role) {
			r.role.SetSelected(string(c.Role))
		}
		setEntry(r.name, c.Name)
		setEntry(r.email, c.Email)
		setEntry(r.twitter, c.Twitter)
	}
	if !relatedEqual(l.relatedIDs, a.Related) {
		l.buildRelated(a.Related)
	}
	l.showFound()
	text, url := "", ""
	if a.ReadMore != nil {
		text, url = a.ReadMore.Text, a.ReadMore.URL
	}
	setEntry(l.moreText, text)
	setEntry(l.moreURL, url)
}

func relatedEqual(a, b []app.Related) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// buildContacts makes n rows: role, name, e-mail and Twitter handle, each
// checked as it is typed, with the row's problems under it.
func (l *linksView) buildContacts(n int) {
	l.contacts.Objects = nil
	l.contactRows = nil
	for i := range n {
		edit := func(f func(c *app.Contact)) {
			l.v.edit(func(a *app.Article) {
				if i < len(a.Contacts) {
					f(&a.Contacts[i])
				}
			})
		}
		r := contactRow{
			role:    widget.NewSelect(roles, func(s string) { edit(func(c *app.Contact) { c.Role = app.ContactRole(s) }) }),
			name:    &widget.Entry{PlaceHolder: "Name"},
			email:   &widget.Entry{PlaceHolder: "name@example.com"},
			twitter: &widget.Entry{PlaceHolder: "@handle"},
		}
		r.name.OnChanged = func(s string) { edit(func(c *app.Contact) { c.Name = s }) }
		r.email.OnChanged = func(s string) { edit(func(c *app.Contact) { c.Email = s }) }
		r.twitter.OnChanged = func(s string) { edit(func(c *app.Contact) { c.Twitter = s }) }
		l.contactRows = append(l.contactRows, r)
		remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() {
			l.restructure(func(a *app.Article) { a.Contacts = removeItem(a.Contacts, i) })
		}}
		fields := container.NewGridWithColumns(4, r.role, r.name, r.email, r.twitter)
		l.contacts.Add(container.NewVBox(container.NewBorder(nil, nil, nil, remove, fields),
			l.v.noteFor(fmt.Sprintf("contacts[%d]", i))))
	}
	dropNotes(l.v.notes, "contacts", n)
	l.contacts.Refresh()
}

// dropNotes forgets the notes of list rows from index n on, which no
// longer exist.
func dropNotes(notes map[string]*widget.Label, list string, n int) {
	for i := n; ; i++ {
		key := fmt.Sprintf("%s[%d]", list, i)
		if _, ok := notes[key]; !ok {
			return
		}
		delete(notes, key)
	}
}

func (l *linksView) buildRelated(rel []app.Related) {
	l.related.Objects = nil
	l.relatedIDs = append([]app.Related(nil), rel...)
	for i, r := range rel {
		title := l.v.ed.RelatedTitle(r)
		if r.ID == "" && r.URL != "" && r.Headline != "" {
			title += "  ·  " + r.URL
		}
		buttons := container.NewHBox(
			&widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { l.restructure(func(a *app.Article) { moveItem(a.Related, i, -1) }) }},
			&widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { l.restructure(func(a *app.Article) { moveItem(a.Related, i, 1) }) }},
			&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { l.restructure(func(a *app.Article) { a.Related = removeItem(a.Related, i) }) }},
		)
		l.related.Add(container.NewVBox(
			container.NewBorder(nil, nil, nil, buttons, &widget.Label{Text: title, Truncation: fyne.TextTruncateEllipsis}),
			l.v.noteFor(fmt.Sprintf("related[%d]", i))))
	}
	dropNotes(l.v.notes, "related", len(rel))
	l.related.Refresh()
}

func (l *linksView) restructure(f func(a *app.Article)) {
	l.v.ed.Update(f)
	a := l.v.ed.Article()
	l.v.filling = true
	l.buildContacts(len(a.Contacts))
	l.buildRelated(a.Related)
	l.fill(a)
	l.v.filling = false
	l.v.changed()
}

// showFound offers the listed stories whose headline, byline or section
// match the search, the open article left out.
func (l *linksView) showFound() {
	l.found.Objects = nil
	if q := strings.TrimSpace(l.find.Text); q != "" {
		self := l.v.ed.ID()
		for _, s := range l.v.u.ctl.Headlines(q, maxRelatedSuggestions+1) {
			if s.ID == self || len(l.found.Objects) == maxRelatedSuggestions {
				continue
			}
			l.found.Add(&widget.Button{Text: headlineOrPlaceholder(s.Headline), Icon: theme.ContentAddIcon(), OnTapped: func() {
				l.v.ed.AddRelated(s.ID, headlineOrPlaceholder(s.Headline))
				l.find.SetText("")
				l.restructure(func(*app.Article) {})
			}})
		}
	}
	l.found.Refresh()
}

func (l *linksView) onAddOutside() {
	h, u := strings.TrimSpace(l.outHeadline.Text), strings.TrimSpace(l.outURL.Text)
	if h == "" && u == "" {
		return
	}
	l.restructure(func(a *app.Article) { a.Related = append(a.Related, app.Related{Headline: h, URL: u}) })
	l.outHeadline.SetText("")
	l.outURL.SetText("")
}

func (l *linksView) onReadMore() {
	text, url := l.moreText.Text, l.moreURL.Text
	l.v.edit(func(a *app.Article) {
		if strings.TrimSpace(text) == "" && strings.TrimSpace(url) == "" {
			a.ReadMore = nil
			return
		}
		a.ReadMore = &app.ReadMore{Text: text, URL: url}
	})
}
