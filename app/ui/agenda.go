package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"newsdesk/app"
)

// AgendaRow is one line of the agenda: a day's heading, or a story.
type AgendaRow struct {
	Heading bool
	// Date is the day, in the newsroom's zone ("Tuesday, December 1").
	Date string
	Item app.AgendaItem
	// Time is the story's time in the newsroom's zone ("09:00"); Local is
	// the same instant on this computer when its clock reads differently
	// ("02:00 CET here"), else "".
	Time, Local string
}

// Text is the row as shown. A conflict says so in words, not only in
// colour: "⚠ 09:00 · Economy · Headline — same minute as another Economy story".
func (r AgendaRow) Text() string {
	if r.Heading {
		return r.Date
	}
	t := r.Time
	if r.Local != "" {
		t += " (" + r.Local + ")"
	}
	parts := []string{t, r.Item.Section, headlineOrPlaceholder(r.Item.Headline)}
	if who := bylineNames(r.Item.Byline, r.Item.Source); who != "" {
		parts = append(parts, who)
	}
	s := strings.Join(parts, " · ")
	if r.Item.Conflict {
		s = "⚠ " + s + " — same minute as another " + r.Item.Section + " story"
	}
	return s
}

// AgendaController loads the scheduled stories by day in the newsroom's
// time zone for the agenda view. It is tested without a window.
type AgendaController struct {
	svc *app.Service
	// Local is the editor's zone, shown beside the newsroom's.
	Local *time.Location

	mu        sync.Mutex
	rows      []AgendaRow
	zone      string
	stories   int
	conflicts int
}

// NewAgendaController returns a controller over svc.
func NewAgendaController(svc *app.Service) *AgendaController {
	return &AgendaController{svc: svc, Local: time.Local}
}

// Load reads the stories scheduled from the start of from's day (in the
// newsroom's zone) for days days.
func (c *AgendaController) Load(ctx context.Context, from time.Time, days int) error {
	nr, err := c.svc.Newsroom(ctx)
	if err != nil {
		return fmt.Errorf("agenda: %w", err)
	}
	zoneName := nr.TimeZone
	if zoneName == "" {
		zoneName = app.DefaultTimeZone
	}
	agenda, err := c.svc.Agenda(ctx, from, days, zoneName)
	if err != nil {
		return err
	}
	loc := zone(zoneName)
	var rows []AgendaRow
	stories, conflicts := 0, 0
	for _, d := range agenda {
		day, err := time.ParseInLocation("2006-01-02", d.Date, loc)
		label := d.Date
		if err == nil {
			label = day.Format("Monday, January 2, 2006")
		}
		rows = append(rows, AgendaRow{Heading: true, Date: label})
		for _, it := range d.Items {
			at := it.ScheduledAt.In(loc)
			r := AgendaRow{Date: label, Item: it, Time: at.Format("15:04")}
			if l := it.ScheduledAt.In(c.Local); l.Format("15:04 MST") != at.Format("15:04 MST") {
				r.Local = l.Format("15:04 MST") + " here"
				if l.YearDay() != at.YearDay() {
					r.Local = l.Format("Mon 15:04 MST") + " here"
				}
			}
			rows = append(rows, r)
			stories++
			if it.Conflict {
				conflicts++
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows, c.zone, c.stories, c.conflicts = rows, zoneName, stories, conflicts
	return nil
}

// Rows returns the agenda lines; the slice must not be modified.
func (c *AgendaController) Rows() []AgendaRow {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rows
}

// Summary says what the agenda holds: "5 stories in the next 7 days
// (Asia/Shanghai time); 2 in conflict."
func (c *AgendaController) Summary(days int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := fmt.Sprintf("%s scheduled in the next %s (%s time)", storyCount(c.stories), plural(days, "day"), c.zone)
	if c.conflicts > 0 {
		return s + fmt.Sprintf("; %d in conflict (same section, same minute).", c.conflicts)
	}
	return s + "."
}
