package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// scheduleLayout shows a publication time with its weekday and zone, so
// that "Tue" and "CST" catch a wrong day or zone before it goes out.
const scheduleLayout = "Mon Jan 2, 2006 15:04 MST"

// SchedulePreview reads a publication time as the editor types it (wall
// clock in zone, or RFC 3339) and says when that is in the newsroom's
// zone and on this computer, side by side. A time that does not exist
// (clocks go forward) is an error; one that happens twice (clocks go
// back) is read as the first and the preview says so.
func SchedulePreview(text, zone, newsroom string, local *time.Location) (time.Time, string, error) {
	t, ambiguous, err := app.ParseLocalTime(text, zone)
	if err != nil {
		return time.Time{}, "", err
	}
	nz, err := app.LoadZone(newsroom)
	if err != nil {
		nz, _ = app.LoadZone(app.DefaultTimeZone)
	}
	parts := []string{"Newsroom: " + t.In(nz).Format(scheduleLayout)}
	if z, err := app.LoadZone(zone); err == nil && zone != "" && z.String() != nz.String() {
		parts = append(parts, zone+": "+t.In(z).Format(scheduleLayout))
	}
	parts = append(parts, "your computer: "+t.In(local).Format(scheduleLayout))
	s := strings.Join(parts, " · ")
	if ambiguous {
		s += fmt.Sprintf("\n%s happens twice in %s (clocks go back); this is the first one, %s.",
			t.In(scheduleZone(zone)).Format("15:04"), zone, t.UTC().Format("15:04 UTC"))
	}
	return t, s, nil
}

func scheduleZone(name string) *time.Location {
	if loc, err := app.LoadZone(name); err == nil && name != "" {
		return loc
	}
	loc, _ := app.LoadZone(app.DefaultTimeZone)
	return loc
}

// scheduleForm is the "Schedule at…" question: a time, its zone, and the
// preview in the newsroom's zone and the editor's.
type scheduleForm struct {
	when    *widget.Entry
	zone    *widget.SelectEntry
	preview *widget.Label
	at      time.Time
	err     error

	newsroom string
	local    *time.Location
}

func newScheduleForm(zone, newsroom string, local *time.Location, now time.Time) *scheduleForm {
	f := &scheduleForm{newsroom: newsroom, local: local}
	f.when = widget.NewEntry()
	f.when.SetPlaceHolder("2026-12-01 09:00")
	// Start at the next full hour in the chosen zone: a time to edit
	// rather than to type from nothing.
	next := now.In(scheduleZone(zone)).Truncate(time.Hour).Add(time.Hour)
	f.when.SetText(next.Format("2006-01-02 15:04"))
	zones := []string{newsroom, "Asia/Shanghai", "Asia/Hong_Kong", "Europe/London", "America/New_York", "UTC"}
	f.zone = widget.NewSelectEntry(uniqueZones(append([]string{zone}, zones...)))
	f.zone.SetText(zone)
	f.preview = &widget.Label{Wrapping: fyne.TextWrapWord}
	f.when.OnChanged = func(string) { f.update() }
	f.zone.OnChanged = func(string) { f.update() }
	f.update()
	return f
}

func (f *scheduleForm) update() {
	var s string
	f.at, s, f.err = SchedulePreview(f.when.Text, strings.TrimSpace(f.zone.Text), f.newsroom, f.local)
	if f.err != nil {
		f.preview.Importance = widget.DangerImportance
		f.preview.SetText(userMessage(f.err))
		return
	}
	f.preview.Importance = widget.MediumImportance
	f.preview.SetText(s)
}

func (f *scheduleForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: "Publish at", Widget: f.when, HintText: "YYYY-MM-DD HH:MM, or an RFC 3339 time"},
		{Text: "Time zone", Widget: f.zone},
		{Text: "", Widget: f.preview},
	}
}

// showScheduleDialog asks when to publish; onOK gets the instant and the
// zone it was chosen in.
func showScheduleDialog(win fyne.Window, title, zone, newsroom string, local *time.Location, now time.Time,
	onOK func(at time.Time, zone string)) dialog.Dialog {
	f := newScheduleForm(zone, newsroom, local, now)
	d := dialog.NewForm(title, "Schedule", "Cancel", f.items(), func(ok bool) {
		if ok && f.err == nil {
			onOK(f.at, strings.TrimSpace(f.zone.Text))
		}
	}, win)
	f.when.Validator = func(text string) error {
		_, _, err := SchedulePreview(text, strings.TrimSpace(f.zone.Text), newsroom, local)
		return err
	}
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
	return d
}

func uniqueZones(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
