package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"newsdesk/app"
)

// renderArticle prints an article for people, in the order the portal shows
// it (headline, dek, byline line, photos, body, read-more, contacts), with
// the desk's data (status, revision, tags) under the byline. titles maps
// related article ids to their headlines.
func renderArticle(w io.Writer, a *app.Article, titles map[string]string) error {
	a = a.InZone()
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }

	line("%s", orPlaceholder(a.Headline, "(no headline)"))
	if a.Dek != "" {
		line("%s", a.Dek)
	}
	line("")
	line("%s", bylineLine(a))
	line("")
	status := fmt.Sprintf("Status: %s · revision %d · updated %s", a.Status.Label(), a.Revision, a.UpdatedAt.Format(portalTime))
	if a.UpdatedBy != "" {
		status += " by " + a.UpdatedBy
	}
	if a.Deleted {
		status += " · in the Trash"
	}
	line("%s", status)
	if a.Status == app.StatusScheduled && a.ScheduledAt != nil {
		line("Scheduled: %s (%s)", a.ScheduledAt.Format(portalTime), a.TimeZone)
	}
	line("ID: %s", a.ID)
	if a.Slug != "" {
		line("Slug: %s", a.Slug)
	}
	if len(a.Tags) > 0 {
		line("Tags: %s", strings.Join(a.Tags, ", "))
	}
	if a.Note != "" {
		line("Note: %s", a.Note)
	}
	for _, p := range a.Photos {
		line("")
		line("Photo: %s", orPlaceholder(p.Credit, "(no credit)"))
		if p.Caption != "" {
			line("  %s", p.Caption)
		}
		if p.Alt != "" {
			line("  Alt: %s", p.Alt)
		}
		if p.Image != "" {
			line("  Image: %s", p.Image)
		}
	}
	line("")
	if strings.TrimSpace(a.Body) == "" {
		line("(no body)")
	} else {
		line("%s", strings.TrimRight(a.Body, "\n"))
	}
	if a.ReadMore != nil {
		line("")
		line("%s: %s", orPlaceholder(a.ReadMore.Text, "Read more"), a.ReadMore.URL)
	}
	if len(a.Contacts) > 0 {
		line("")
		line("%s", contactLine(a.Contacts))
	}
	if len(a.Related) > 0 {
		line("")
		line("Related:")
		for _, r := range a.Related {
			line("  - %s", relatedLine(r, titles))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// bylineLine is the portal's "By A and B / Oct 21, 2020 11:17 AM / Section",
// dated by publication, else the schedule, else the last update.
func bylineLine(a *app.Article) string {
	var parts []string
	if by := bylineOf(a.Byline, a.Source); by != "" {
		parts = append(parts, "By "+by)
	}
	parts = append(parts, articleTime(a).Format(portalTime))
	if a.Section != "" {
		parts = append(parts, a.Section)
	}
	return strings.Join(parts, " / ")
}

func articleTime(a *app.Article) time.Time {
	switch {
	case a.PublishedAt != nil:
		return *a.PublishedAt
	case a.ScheduledAt != nil:
		return *a.ScheduledAt
	}
	return a.UpdatedAt
}

// contactLine is the portal's "Contact reporter X (x@y) and editor Y (y@z)".
func contactLine(cs []app.Contact) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		s := c.Name
		if c.Role == app.RoleReporter || c.Role == app.RoleEditor {
			s = string(c.Role) + " " + c.Name
		}
		var reach []string
		for _, v := range []string{c.Email, c.Twitter, c.Phone} {
			if v != "" {
				reach = append(reach, v)
			}
		}
		if len(reach) > 0 {
			s += " (" + strings.Join(reach, ", ") + ")"
		}
		parts = append(parts, s)
	}
	return "Contact " + app.JoinNames(parts)
}

func relatedLine(r app.Related, titles map[string]string) string {
	switch {
	case r.ID != "" && titles[r.ID] != "":
		return fmt.Sprintf("%s (%s)", titles[r.ID], r.ID)
	case r.ID != "" && r.Headline != "":
		return fmt.Sprintf("%s (%s, not in this store)", r.Headline, r.ID)
	case r.ID != "":
		return fmt.Sprintf("(article %s, not in this store)", r.ID)
	}
	return fmt.Sprintf("%s <%s>", r.Headline, r.URL)
}

func orPlaceholder(s, placeholder string) string {
	if s == "" {
		return placeholder
	}
	return s
}
