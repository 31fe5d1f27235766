package ui

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// runner runs work off the UI goroutine and then done on it (UI.Background).
type runner func(work func(ctx context.Context), done func())

// settingsView is the Settings window's content: a Newsroom tab (stored in
// the store, for everyone) and a Personal tab (Fyne Preferences, for the
// person at this computer). Problems show next to their fields as they are
// typed; Save refuses invalid settings and applies valid ones.
type settingsView struct {
	ctl      *SettingsController
	prefs    fyne.Preferences
	fallback string // the name the window was opened with
	run      runner
	// onSaved runs after a successful save, on the UI goroutine.
	onSaved func(n app.Newsroom, id Identity, th ThemeChoice)
	// onCancel closes the window without saving.
	onCancel func()

	name        *widget.Entry
	zone        *widget.SelectEntry
	sections    *fyne.Container
	sectionRows []*widget.Entry
	newSection  *widget.Entry
	defaultSel  *widget.Select
	tags        *widget.Entry
	controlled  *widget.Check
	headlineMax *widget.Entry
	required    map[string]*widget.Check // "<status>/<field>"

	portal *portalForm

	person   *widget.Entry
	initials *widget.Entry
	themeSel *widget.RadioGroup

	// notes are the problem labels under the fields, by field name.
	notes   map[string]*widget.Label
	status  *widget.Label
	save    *widget.Button
	tabs    *container.AppTabs
	scrolls []*container.Scroll // the tabs' contents
	root    fyne.CanvasObject
	filling bool
	loaded  bool
}

func newSettingsView(svc *app.Service, prefs fyne.Preferences, fallback string, run runner) *settingsView {
	v := &settingsView{ctl: NewSettingsController(svc), prefs: prefs, fallback: fallback, run: run,
		notes: map[string]*widget.Label{}, required: map[string]*widget.Check{}}
	v.status = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	v.save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: v.onSave}
	v.save.Disable() // until the settings are loaded
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() {
		if v.onCancel != nil {
			v.onCancel()
		}
	}}
	v.portal = newPortalForm(svc, run)
	v.scrolls = []*container.Scroll{
		container.NewVScroll(container.NewPadded(v.newsroomForm())),
		container.NewVScroll(container.NewPadded(v.personalForm())),
		container.NewVScroll(container.NewPadded(v.portal.root)),
	}
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Newsroom", theme.HomeIcon(), v.scrolls[0]),
		container.NewTabItemWithIcon("Personal", theme.AccountIcon(), v.scrolls[1]),
		container.NewTabItemWithIcon("Portal", theme.UploadIcon(), v.scrolls[2]),
	)
	buttons := container.NewHBox(layout.NewSpacer(), cancel, v.save)
	v.root = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), v.status, buttons), nil, nil, v.tabs)
	v.load()
	return v
}

// note returns the problem label of field, made on first use.
func (v *settingsView) note(field string) *widget.Label {
	l, ok := v.notes[field]
	if !ok {
		l = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
		l.Hide()
		v.notes[field] = l
	}
	return l
}

func (v *settingsView) newsroomForm() fyne.CanvasObject {
	v.name = &widget.Entry{OnChanged: v.changed(v.ctl.SetName)}
	v.zone = widget.NewSelectEntry(commonZones)
	v.zone.OnChanged = v.changed(v.ctl.SetTimeZone)
	v.sections = container.NewVBox()
	v.newSection = &widget.Entry{PlaceHolder: "New section"}
	add := &widget.Button{Text: "Add section", Icon: theme.ContentAddIcon(), OnTapped: v.onAddSection}
	v.newSection.OnSubmitted = func(string) { v.onAddSection() }
	v.defaultSel = widget.NewSelect(nil, v.changed(v.ctl.SetDefaultSection))
	v.tags = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: "One tag per line", OnChanged: v.changed(v.ctl.SetTags)}
	v.tags.SetMinRowsVisible(4)
	v.controlled = widget.NewCheck("Only these tags may be used (a controlled vocabulary)", func(on bool) {
		if !v.filling {
			v.ctl.SetControlled(on)
			v.refreshNotes()
		}
	})
	v.headlineMax = &widget.Entry{OnChanged: v.changed(v.ctl.SetHeadlineMax)}
	return container.NewVBox(
		settingsHeading("Newsroom"),
		labelled("Name", v.name, v.note("name")),
		labelled("Time zone", v.zone, v.note("time_zone")),
		settingsHeading("Sections"),
		explain("In the order the desks show them. A retired section is not offered for new stories; the stories filed under it keep it."),
		v.sections, v.note("sections"),
		container.NewBorder(nil, nil, nil, add, v.newSection), v.note("new_section"),
		labelled("Default section", v.defaultSel, v.note("default_section")),
		settingsHeading("Tags"),
		v.tags, v.controlled, v.note("tags"),
		settingsHeading("Headlines and required fields"),
		labelled("Headline limit (characters)", v.headlineMax, v.note("headline_max")),
		v.requiredGrid(), v.note("required"),
	)
}

// labelled puts a label to the left of a field and its note under it.
func labelled(label string, field fyne.CanvasObject, note *widget.Label) fyne.CanvasObject {
	return container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(label), nil, field), note)
}

// changed returns an OnChanged handler that edits the draft and shows
// what is wrong with it now.
func (v *settingsView) changed(set func(string)) func(string) {
	return func(s string) {
		if v.filling {
			return
		}
		set(s)
		v.refreshNotes()
	}
}

// load reads the settings in the background and fills the form.
func (v *settingsView) load() {
	var err error
	v.run(func(ctx context.Context) { err = v.ctl.Load(ctx) }, func() {
		if err != nil {
			v.status.SetText(userMessage(err))
			return
		}
		v.loaded = true
		v.save.Enable()
		v.fill()
	})
}

// fill shows the draft in the form.
func (v *settingsView) fill() {
	n := v.ctl.Draft()
	v.filling = true
	defer func() { v.filling = false }()
	v.name.SetText(n.Name)
	v.zone.SetText(n.TimeZone)
	v.buildSections(n.Sections)
	v.tags.SetText(strings.Join(n.Tags, "\n"))
	v.controlled.SetChecked(n.ControlledTags)
	v.headlineMax.SetText(strconv.Itoa(n.HeadlineMax))
	for key, c := range v.required {
		st, field, _ := strings.Cut(key, "/")
		c.SetChecked(v.ctl.Required(app.Status(st), field))
	}
	v.refreshNotes()
}

// refreshNotes shows each problem next to its field and offers the open
// sections as the default.
func (v *settingsView) refreshNotes() {
	n := v.ctl.Draft()
	v.defaultSel.SetOptions(n.OpenSections())
	v.defaultSel.Selected = n.DefaultSection
	v.defaultSel.Refresh()

	probs := v.ctl.Problems()
	// Required-field problems are named per status; one note holds them.
	var req []string
	for f, msg := range probs {
		if strings.HasPrefix(f, "required") {
			req = append(req, msg)
			delete(probs, f)
		}
	}
	sort.Strings(req)
	if len(req) > 0 {
		probs["required"] = strings.Join(req, "; ")
	}
	for f, l := range v.notes {
		if f == "new_section" || strings.HasPrefix(f, "person.") {
			continue // set by their own actions
		}
		showNote(l, probs[f])
		delete(probs, f)
	}
	// Anything without a field of its own goes to the status line.
	var rest []string
	for f, msg := range probs {
		rest = append(rest, strings.TrimPrefix(f+": ", ": ")+msg)
	}
	sort.Strings(rest)
	v.status.SetText(strings.Join(rest, "\n"))
	v.relayout()
}

// relayout makes room for the notes just shown (or closes the gaps of
// those hidden): the form is laid out again from its scroller down.
func (v *settingsView) relayout() {
	for _, s := range v.scrolls {
		s.Refresh()
		if c, ok := s.Content.(*fyne.Container); ok {
			c.Refresh()
			for _, o := range c.Objects {
				o.Refresh()
			}
		}
	}
}

func showNote(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// onSave saves both tabs: the newsroom (in the background) when it
// changed, then the identity and theme. Invalid input is refused with the
// messages next to the fields, and nothing is saved.
func (v *settingsView) onSave() {
	if !v.loaded {
		return
	}
	v.refreshNotes()
	id := Identity{Name: v.person.Text, Initials: v.initials.Text}
	idOK := v.showIdentityProblems(id)
	if len(v.ctl.Problems()) > 0 || !idOK {
		if idOK {
			v.tabs.SelectIndex(0)
		} else {
			v.tabs.SelectIndex(1)
		}
		v.status.SetText("Nothing was saved: correct the fields marked in red, then save again.")
		return
	}
	th, _ := ParseThemeChoice(strings.ToLower(v.themeSel.Selected))
	dirty := v.ctl.Dirty()
	var err error
	v.save.Disable()
	v.run(func(ctx context.Context) {
		if dirty {
			err = v.ctl.Save(ctx)
		}
	}, func() {
		v.save.Enable()
		if err != nil {
			v.refreshNotes()
			var ve *app.ValidationError
			if !errors.As(err, &ve) {
				v.status.SetText(userMessage(err))
			}
			return
		}
		if err := SaveIdentity(v.prefs, id); err != nil {
			v.showIdentityProblems(id)
			return
		}
		v.prefs.SetString(prefTheme, string(th))
		v.status.SetText("")
		if v.onSaved != nil {
			v.onSaved(v.ctl.Saved(), LoadIdentity(v.prefs, v.fallback), th)
		}
	})
}
