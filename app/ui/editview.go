package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// editorView is the editing pane: a toolbar (save, the status moves the
// workflow allows, a revision note), a banner for problems and notices, and
// the tabs Write, Details, Preview and any added ones. It binds to the
// ArticleEditor: widgets write edits through edit, and fill draws the
// state back.
type editorView struct {
	u  *UI
	ed *ArticleEditor

	write   *writeTab
	details *detailsTab
	media   *photosView
	links   *linksView
	preview *detailView
	extra   []ArticleTab

	tabs        *container.AppTabs
	saveBtn     *widget.Button
	note        *widget.Entry
	actions     *fyne.Container
	statusLabel *widget.Label
	banner      *widget.Label
	placeholder fyne.CanvasObject
	pane        fyne.CanvasObject
	root        fyne.CanvasObject

	leave leavePrompt

	// notes are the problem labels next to fields, by field path prefix.
	notes map[string]*widget.Label
	// filling is set while fill writes state into widgets, so that the
	// widgets' change callbacks do not echo it back as edits.
	filling bool
}

func newEditorView(u *UI) *editorView {
	v := &editorView{u: u, ed: u.ed, notes: map[string]*widget.Label{}}
	v.write = newWriteTab(v)
	v.details = newDetailsTab(v)
	v.media = newPhotosView(v)
	v.links = newLinksView(v)
	v.preview = newDetailView()

	v.saveBtn = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance,
		OnTapped: func() { v.onSave("") }}
	v.note = &widget.Entry{PlaceHolder: "Revision note (optional)", OnSubmitted: func(string) { v.onSave("") }}
	v.actions = container.NewHBox()
	v.statusLabel = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	v.banner = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	v.banner.Hide()
	closeBtn := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: v.onClose}
	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(v.saveBtn, v.statusLabel), container.NewHBox(v.actions, closeBtn), v.note)

	detailsBox := container.NewVBox(v.details.top, widget.NewSeparator(), v.media.root,
		widget.NewSeparator(), v.links.root, widget.NewSeparator(), v.details.schedule.root)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Write", theme.DocumentCreateIcon(), v.write.root),
		container.NewTabItemWithIcon("Details", theme.ListIcon(), container.NewVScroll(container.NewPadded(detailsBox))),
		container.NewTabItemWithIcon("Preview", theme.VisibilityIcon(), v.preview.root),
	)
	v.tabs.OnSelected = v.onTab
	v.pane = container.NewBorder(container.NewVBox(toolbar, v.banner), nil, nil, nil, v.tabs)
	newBtn := &widget.Button{Text: "New article", Icon: theme.DocumentCreateIcon(), OnTapped: v.onNew}
	v.placeholder = container.NewCenter(container.NewVBox(
		&widget.Label{Text: "Select an article to edit it, or start a new one.", Alignment: fyne.TextAlignCenter, Importance: widget.LowImportance},
		container.NewCenter(newBtn)))
	v.root = container.NewStack(v.pane, v.placeholder)
	v.pane.Hide()
	return v
}

// note returns a hidden problem label registered for field, to be placed
// next to that field's widget.
func (v *editorView) noteFor(field string) *widget.Label {
	l := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance, SizeName: theme.SizeNameCaptionText}
	l.Hide()
	v.notes[field] = l
	return l
}

// edit applies a change typed into a widget to the editor state.
func (v *editorView) edit(f func(a *app.Article)) {
	if v.filling {
		return
	}
	v.ed.Update(f)
	v.changed()
}

// changed redraws what depends on every edit: counts, problems, the status
// bar; and asks for an autosave at the next pause.
func (v *editorView) changed() {
	v.write.showStats()
	v.showProblems()
	v.u.renderStatus()
	v.u.autosave.poke()
}

// dirty reports unsaved edits, including body keystrokes not yet synced.
func (v *editorView) dirty() bool { return v.ed.Dirty() || v.write.bodyPending }

// flushBody copies the body editor's text into the state now.
func (v *editorView) flushBody() { v.write.flushBody() }

// fill draws the editor state into every widget: after opening, saving or
// a status move. Widgets whose value is unchanged are left alone, so a
// caret in them stays where it is.
func (v *editorView) fill() {
	a := v.ed.Article()
	if a == nil {
		v.pane.Hide()
		v.placeholder.Show()
		v.showExtra(nil)
		v.u.updateArticleMenu()
		v.u.renderStatus()
		return
	}
	v.filling = true
	v.write.fill(a)
	v.details.fill(a)
	v.media.fill(a)
	v.links.fill(a)
	v.filling = false

	v.statusLabel.SetText(a.Status.Label())
	v.actions.Objects = nil
	for _, act := range v.ed.Actions() {
		v.actions.Add(&widget.Button{Text: capitalize(act.Label), OnTapped: func() { v.onAction(act) }})
	}
	v.actions.Refresh()
	if why := v.ed.ReadOnly(); why != "" {
		v.saveBtn.Disable()
	} else {
		v.saveBtn.Enable()
	}
	v.placeholder.Hide()
	v.pane.Show()
	v.showProblems()
	v.write.showStats()
	if v.tabs.Selected() != nil && v.tabs.Selected().Text == "Preview" {
		v.showPreview()
	}
	v.showExtra(a)
	v.u.updateArticleMenu()
	v.u.renderStatus()
}

// showProblems puts each validation problem next to its field, and those
// with no field on screen (and notices) in the banner.
func (v *editorView) showProblems() {
	p := v.ed.Problems()
	msgs := map[string][]string{}
	shown := map[int]bool{}
	if p != nil {
		for i, fe := range p.Problems {
			// The most specific note wins: a photo's credit goes under
			// that photo, not under the photos heading.
			best := ""
			for field := range v.notes {
				if len(field) > len(best) && (fe.Field == field || strings.HasPrefix(fe.Field, field+".") || strings.HasPrefix(fe.Field, field+"[")) {
					best = field
				}
			}
			if best != "" {
				msgs[best] = append(msgs[best], fieldMessage(fe))
				shown[i] = true
			}
		}
	}
	for field, l := range v.notes {
		setNote(l, msgs[field])
	}
	var banner []string
	if why := v.ed.ReadOnly(); why != "" {
		banner = append(banner, why)
	}
	if v.ed.Recovered() {
		banner = append(banner, "Recovered unsaved edits: save them, or close the article to discard them.")
	}
	if p != nil {
		for i, fe := range p.Problems {
			if !shown[i] {
				banner = append(banner, fe.String())
			}
		}
		if n := len(p.Problems); n > 0 {
			banner = append(banner, fmt.Sprintf("%s to fix before this can be saved or move on; each is shown next to its field.", plural(n, "problem")))
		}
	}
	v.banner.SetText(strings.Join(banner, "\n"))
	if len(banner) == 0 {
		v.banner.Hide()
	} else {
		v.banner.Show()
	}
}

// fieldMessage phrases a problem for the label under its field:
// "photos[0].credit: is required" becomes "Credit is required".
func fieldMessage(fe app.FieldError) string {
	name := fe.Field
	if i := strings.LastIndexAny(name, ".]"); i >= 0 && i+1 < len(name) {
		name = name[i+1:]
	}
	if i := strings.IndexByte(name, '['); i > 0 {
		name = name[:i]
	}
	name = strings.ReplaceAll(name, "_", " ")
	if strings.HasSuffix(fe.Field, "]") {
		return capitalize(fe.Message)
	}
	return capitalize(name) + " " + fe.Message
}

func setNote(l *widget.Label, msgs []string) {
	text := strings.Join(msgs, "\n")
	if l.Text != text {
		l.SetText(text)
	}
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// capitalize upper-cases the first letter: "send to copy desk" -> "Send to copy desk".
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func (v *editorView) selectTab(i int) {
	if v.pane.Visible() && i < len(v.tabs.Items) {
		v.tabs.SelectIndex(i)
	}
}

func (v *editorView) onTab(t *container.TabItem) {
	if t.Text == "Preview" {
		v.showPreview()
	}
}

// showPreview draws the article as the portal will show it.
func (v *editorView) showPreview() {
	v.flushBody()
	a := v.ed.Article()
	if a == nil {
		return
	}
	d := &Detail{Article: a}
	for _, p := range a.Photos {
		pv := PhotoView{Photo: p, Thumb: v.ed.Thumb(p.Image)}
		if pv.Thumb == nil {
			pv.Problem = "no image attached"
		}
		d.Photos = append(d.Photos, pv)
	}
	for _, r := range a.Related {
		d.Related = append(d.Related, RelatedView{Related: r, Title: v.ed.RelatedTitle(r)})
	}
	v.preview.show(d)
}

func (v *editorView) addTab(t ArticleTab) {
	v.extra = append(v.extra, t)
	v.tabs.Append(container.NewTabItemWithIcon(t.Title, t.Icon, t.Content))
}

func (v *editorView) showExtra(a *app.Article) {
	for _, t := range v.extra {
		if t.Show != nil {
			t.Show(a)
		}
	}
}
