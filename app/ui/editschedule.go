package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// commonZones are offered by the zone picker; any IANA name may be typed.
var commonZones = []string{
	"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo",
	"Europe/London", "Europe/Berlin", "Europe/Brussels", "America/New_York", "America/Los_Angeles", "UTC",
}

// scheduleView edits the publication time: a date (typed, or picked from a
// calendar), a time and a time zone, and shows the result in the
// newsroom's zone and on the editor's own clock.
type scheduleView struct {
	v     *editorView
	date  *widget.Entry
	clock *widget.Entry
	zone  *widget.SelectEntry
	when  *widget.Label
	root  fyne.CanvasObject
	// local is the editor's own zone; a field so tests can fix it.
	local *time.Location
}

func newScheduleView(v *editorView) *scheduleView {
	s := &scheduleView{v: v, local: time.Local}
	s.date = &widget.Entry{PlaceHolder: "2026-12-01"}
	s.clock = &widget.Entry{PlaceHolder: "09:00"}
	s.zone = widget.NewSelectEntry(commonZones)
	for _, e := range []*widget.Entry{s.date, s.clock, &s.zone.Entry} {
		e.OnChanged = func(string) { s.onChange() }
	}
	s.when = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	pick := &widget.Button{Icon: theme.CalendarIcon(), Importance: widget.LowImportance, OnTapped: s.onPickDate}
	clear := &widget.Button{Text: "Clear", Importance: widget.LowImportance, OnTapped: func() {
		s.date.SetText("")
		s.clock.SetText("")
	}}
	row := container.NewGridWithColumns(3,
		container.NewBorder(nil, nil, nil, pick, s.date), s.clock, s.zone)
	s.root = container.NewVBox(
		container.NewBorder(nil, nil, heading("Publication time"), clear),
		row, s.when, v.noteFor("scheduled_at"), v.noteFor("time_zone"),
	)
	return s
}

func (s *scheduleView) fill() {
	in := s.v.ed.Schedule()
	setEntry(s.date, in.Date)
	setEntry(s.clock, in.Clock)
	setEntry(&s.zone.Entry, in.Zone)
	s.showWhen()
}

func (s *scheduleView) onChange() {
	if s.v.filling {
		return
	}
	s.v.ed.SetSchedule(ScheduleInput{Date: s.date.Text, Clock: s.clock.Text, Zone: s.zone.Text})
	s.showWhen()
	s.v.changed()
}

func (s *scheduleView) showWhen() {
	text := s.v.ed.ScheduleText(s.local)
	if text == "" {
		text = "No publication time set. Pick one, then use Schedule to put the story on the agenda."
	}
	s.when.SetText(text)
}

// onPickDate shows a calendar; the picked day goes into the date field.
func (s *scheduleView) onPickDate() {
	var pop *widget.PopUp
	cal := widget.NewCalendar(time.Now(), func(t time.Time) {
		s.date.SetText(t.Format("2006-01-02"))
		pop.Hide()
	})
	c := s.v.u.win.Canvas()
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.date)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, s.date.Size().Height)))
}
