package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"newsdesk/app"
)

// DateLayout is how the portal prints a story's time ("Oct 21, 2020 11:17 AM"),
// so the read-only view looks like the page readers will see.
const DateLayout = "Jan 02, 2006 03:04 PM"

// listDateLayout adds the zone abbreviation: in a list mixing desks in
// several zones, a bare clock time would mislead.
const listDateLayout = "Jan 02, 2006 03:04 PM MST"

// zones caches loaded locations: list rows are formatted on every scroll and
// time.LoadLocation parses the embedded zone file each time.
var zones sync.Map // string -> *time.Location

// zone returns the location named name, falling back to the newsroom
// default exactly as app.Article.Location does.
func zone(name string) *time.Location {
	if l, ok := zones.Load(name); ok {
		return l.(*time.Location)
	}
	loc := (&app.Article{TimeZone: name}).Location()
	zones.Store(name, loc)
	return loc
}

// bylineNames returns who the story is by: the people, or the agency for
// syndicated copy with no named author.
func bylineNames(byline []string, source string) string {
	if s := app.JoinNames(byline); s != "" {
		return s
	}
	return source
}

// BylineLine renders the portal's byline line,
// "By A and B / Oct 21, 2020 11:17 AM / Section", in the article's zone. The
// time is the publication time once published, else the last update.
func BylineLine(a *app.Article) string {
	var parts []string
	if who := bylineNames(a.Byline, a.Source); who != "" {
		parts = append(parts, "By "+who)
	}
	t := a.UpdatedAt
	if a.PublishedAt != nil {
		t = *a.PublishedAt
	}
	if !t.IsZero() {
		parts = append(parts, t.In(a.Location()).Format(DateLayout))
	}
	if a.Section != "" {
		parts = append(parts, a.Section)
	}
	return strings.Join(parts, " / ")
}

// ContactLine renders the contacts as the portal's closing line:
// "Contact reporter A (a@x.com) and editor B (b@x.com)".
func ContactLine(contacts []app.Contact) string {
	parts := make([]string, 0, len(contacts))
	for _, c := range contacts {
		s := c.Name
		if c.Role != "" && c.Role != app.RoleOther {
			s = string(c.Role) + " " + s
		}
		var ways []string
		for _, w := range []string{c.Email, c.Twitter, c.Phone} {
			if w != "" {
				ways = append(ways, w)
			}
		}
		if len(ways) > 0 {
			s += " (" + strings.Join(ways, ", ") + ")"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return ""
	}
	return "Contact " + app.JoinNames(parts)
}

// SummaryMeta is the second line of a list row: who, desk, status (with
// the publication time once scheduled or published), and the last update
// and editor, with times in the article's own zone.
func SummaryMeta(s *app.Summary) string {
	parts := make([]string, 0, 5)
	if who := bylineNames(s.Byline, s.Source); who != "" {
		parts = append(parts, who)
	}
	if s.Section != "" {
		parts = append(parts, s.Section)
	}
	loc := zone(s.TimeZone)
	switch {
	case s.Status == app.StatusPublished && s.PublishedAt != nil:
		parts = append(parts, "Published "+s.PublishedAt.In(loc).Format(listDateLayout))
	case s.Status == app.StatusScheduled && s.ScheduledAt != nil:
		parts = append(parts, "Scheduled for "+s.ScheduledAt.In(loc).Format(listDateLayout))
	default:
		parts = append(parts, s.Status.Label())
	}
	if !s.UpdatedAt.IsZero() {
		updated := "updated " + s.UpdatedAt.In(loc).Format(listDateLayout)
		if s.UpdatedBy != "" {
			updated += " by " + s.UpdatedBy
		}
		parts = append(parts, updated)
	}
	return strings.Join(parts, " · ")
}

// headlineOrPlaceholder keeps untitled drafts visible and clickable in lists.
func headlineOrPlaceholder(h string) string {
	if strings.TrimSpace(h) == "" {
		return "(untitled)"
	}
	return h
}

// userMessage is what people see of an error: the domain message when there
// is one (the log keeps the whole chain), else the error text.
func userMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *app.Error
	if errors.As(err, &e) {
		return e.Message
	}
	var v *app.ValidationError
	if errors.As(err, &v) {
		return v.Error()
	}
	return err.Error()
}

// plural formats a count with its noun: "1 article", "3 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
