package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// Labels of the theme choices, in the order offered.
var themeLabels = []string{"System", "Light", "Dark"}

// personalForm is the Personal tab: the name and initials that sign this
// person's revisions, and the appearance. They live in Fyne Preferences,
// not in the store: they belong to the person at this computer.
func (v *settingsView) personalForm() fyne.CanvasObject {
	id := LoadIdentity(v.prefs, v.fallback)
	v.person = &widget.Entry{Text: id.Name}
	v.initials = &widget.Entry{Text: id.Initials}
	v.person.OnChanged = func(s string) {
		// Initials follow the name until they are typed by hand.
		if v.initials.Text == "" || v.initials.Text == InitialsOf(id.Name) {
			v.initials.SetText(InitialsOf(s))
		}
		id.Name = s
		v.showIdentityProblems(Identity{Name: s, Initials: v.initials.Text})
	}
	v.initials.OnChanged = func(s string) {
		v.showIdentityProblems(Identity{Name: v.person.Text, Initials: s})
	}
	v.themeSel = widget.NewRadioGroup(themeLabels, nil)
	v.themeSel.Horizontal = true
	v.themeSel.Required = true
	th := LoadThemeChoice(v.prefs)
	v.themeSel.Selected = strings.ToUpper(string(th[:1])) + string(th[1:])
	return container.NewVBox(
		settingsHeading("You"),
		explain("Your name signs every revision, autosave and status change you make from this computer."),
		labelled("Display name", v.person, v.note("person.name")),
		labelled("Initials", v.initials, v.note("person.initials")),
		settingsHeading("Appearance"),
		labelled("Theme", v.themeSel, v.note("person.theme")),
	)
}

// showIdentityProblems shows what is wrong with id next to its fields and
// reports whether it is valid.
func (v *settingsView) showIdentityProblems(id Identity) bool {
	err := id.Validate()
	var ve *app.ValidationError
	msg := map[string]string{}
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			msg[p.Field] = p.Message
		}
	}
	showNote(v.note("person.name"), msg["name"])
	showNote(v.note("person.initials"), msg["initials"])
	if v.scrolls != nil {
		v.relayout()
	}
	return err == nil
}
