package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// settingsHeading titles a group of settings.
func settingsHeading(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

// explain is a line of help under a heading, wrapped to the window.
func explain(s string) *widget.Label {
	return &widget.Label{Text: s, Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
}

// buildSections makes one row per section: its name (typing renames it),
// a Retired switch, and buttons to move it up and down.
func (v *settingsView) buildSections(secs []app.Section) {
	v.sections.Objects = nil
	v.sectionRows = nil
	for i, s := range secs {
		name := &widget.Entry{Text: s.Name, OnChanged: v.changed(func(t string) { v.ctl.RenameSection(i, t) })}
		retired := widget.NewCheck("Retired", func(on bool) {
			if v.filling {
				return
			}
			v.ctl.SetRetired(i, on)
			v.refreshNotes()
		})
		retired.Checked = s.Retired
		up := &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { v.moveSection(i, -1) }}
		down := &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { v.moveSection(i, 1) }}
		if i == 0 {
			up.Disable()
		}
		if i == len(secs)-1 {
			down.Disable()
		}
		v.sectionRows = append(v.sectionRows, name)
		row := container.NewBorder(nil, nil, nil, container.NewHBox(retired, up, down), name)
		v.sections.Add(container.NewVBox(row, v.note(fmt.Sprintf("sections[%d]", i))))
	}
	// Notes of rows that no longer exist would keep old messages.
	for i := len(secs); ; i++ {
		key := fmt.Sprintf("sections[%d]", i)
		if _, ok := v.notes[key]; !ok {
			break
		}
		delete(v.notes, key)
	}
	v.sections.Refresh()
}

func (v *settingsView) moveSection(i, delta int) {
	v.ctl.MoveSection(i, delta)
	v.rebuildSections()
}

// rebuildSections redraws the rows after a change of order or number.
func (v *settingsView) rebuildSections() {
	v.filling = true
	v.buildSections(v.ctl.Draft().Sections)
	v.filling = false
	v.refreshNotes()
}

func (v *settingsView) onAddSection() {
	if err := v.ctl.AddSection(v.newSection.Text); err != nil {
		showNote(v.note("new_section"), userMessage(err))
		return
	}
	showNote(v.note("new_section"), "")
	v.newSection.SetText("")
	v.rebuildSections()
}

// requiredGrid is a table of checkboxes: a row per status, a column per
// field a newsroom may require to enter it.
func (v *settingsView) requiredGrid() fyne.CanvasObject {
	cols := len(app.RequirableFields) + 1
	grid := container.NewGridWithColumns(cols, widget.NewLabel("To enter…"))
	for _, f := range app.RequirableFields {
		grid.Add(&widget.Label{Text: strings.ReplaceAll(f, "_", " "), TextStyle: fyne.TextStyle{Italic: true}})
	}
	for _, st := range RequirableStatuses {
		grid.Add(widget.NewLabel(capitalize(st.Label())))
		for _, f := range app.RequirableFields {
			c := widget.NewCheck("", func(on bool) {
				if !v.filling {
					v.ctl.SetRequired(st, f, on)
					v.refreshNotes()
				}
			})
			v.required[string(st)+"/"+f] = c
			grid.Add(c)
		}
	}
	return container.NewVBox(
		explain("Besides a headline, a byline or source, a section, a body and photo credits, a story needs:"),
		container.NewHScroll(grid))
}
