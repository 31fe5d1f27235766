package export

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"newsdesk/app"
)

// candidate is one story of a batch on its way through the checks.
type candidate struct {
	sum app.Summary
	art *app.Article // loaded once the story must be exported
	// explicit is set for stories named by id: when they do not match the
	// other filters they are reported skipped, not silently left out.
	explicit bool
}

// statusNames are the selectable statuses; due means scheduled with its
// time come.
var statusNames = []string{"ready", "due", "published"}

// ParseStatuses checks status names given by people ("ready,published").
func ParseStatuses(names []string) ([]string, error) {
	var out []string
	for _, n := range names {
		for _, s := range strings.Split(n, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if !slices.Contains(statusNames, s) {
				return nil, app.Errorf(app.EINVALID, "status %q cannot be exported (want ready, due or published)", s)
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// gather lists the stories a selection names, newest first.
func (x *Exporter) gather(ctx context.Context, sel Selection) ([]*candidate, error) {
	statuses, err := ParseStatuses(sel.Statuses)
	if err != nil {
		return nil, err
	}
	var out []*candidate
	seen := map[string]bool{}
	add := func(c *candidate) {
		if !seen[c.sum.ID] {
			seen[c.sum.ID] = true
			out = append(out, c)
		}
	}
	for _, a := range sel.Articles {
		add(&candidate{sum: app.SummaryOf(a), art: a, explicit: true})
	}
	for _, id := range sel.IDs {
		sum, err := x.Store.Summary(ctx, id)
		if app.ErrorCode(err) == app.ENOTFOUND {
			add(&candidate{sum: app.Summary{ID: id}, explicit: true})
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("select %s: %w", id, err)
		}
		add(&candidate{sum: *sum, explicit: true})
	}
	if len(sel.IDs) == 0 && len(sel.Articles) == 0 {
		if len(statuses) == 0 {
			statuses = statusNames
		}
		for _, s := range statuses {
			f := app.Filter{Section: sel.Section, Tag: sel.Tag}
			switch s {
			case "due":
				f.Status, f.ScheduledTo = app.StatusScheduled, x.now().Add(time.Nanosecond)
			default:
				f.Status = app.Status(s)
			}
			res, err := x.Store.List(ctx, f)
			if err != nil {
				return nil, fmt.Errorf("select %s stories: %w", s, err)
			}
			for _, sum := range res.Items {
				add(&candidate{sum: sum})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := summaryTime(out[i].sum), summaryTime(out[j].sum)
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return out[i].sum.ID < out[j].sum.ID
	})
	return out, nil
}

// summaryTime is displayTime for a summary.
func summaryTime(s app.Summary) time.Time {
	switch {
	case s.PublishedAt != nil:
		return *s.PublishedAt
	case s.ScheduledAt != nil:
		return *s.ScheduledAt
	}
	return s.UpdatedAt
}

// selectionProblem says why a story cannot go out in this batch, or "".
// Filters are checked again for stories named by id; holdEmbargoed is
// true for the public portal.
func (x *Exporter) selectionProblem(c *candidate, sel Selection, holdEmbargoed bool) string {
	s, now := c.sum, x.now()
	if s.CreatedAt.IsZero() && c.art == nil {
		return "no such article in the store"
	}
	if s.Deleted {
		return "the article is in the Trash"
	}
	switch s.Status {
	case app.StatusReady, app.StatusPublished:
	case app.StatusScheduled:
		if s.ScheduledAt == nil || s.ScheduledAt.After(now) {
			when := "no time"
			if s.ScheduledAt != nil {
				when = s.ScheduledAt.In(zoneOf(s.TimeZone)).Format("2006-01-02 15:04 MST")
			}
			return "scheduled for " + when + ": not due yet"
		}
	default:
		return fmt.Sprintf("the article is %s; only ready, due and published stories are exported", s.Status)
	}
	if c.explicit {
		statuses, _ := ParseStatuses(sel.Statuses)
		if len(statuses) > 0 && !slices.Contains(statuses, statusKey(s)) {
			return fmt.Sprintf("status %s is not among the selected (%s)", statusKey(s), strings.Join(statuses, ", "))
		}
		if sel.Section != "" && s.Section != sel.Section {
			return fmt.Sprintf("section %q is not the selected %q", s.Section, sel.Section)
		}
		if sel.Tag != "" && !slices.ContainsFunc(s.Tags, func(t string) bool { return strings.EqualFold(t, sel.Tag) }) {
			return fmt.Sprintf("not tagged %q", sel.Tag)
		}
	}
	t := summaryTime(s)
	if (!sel.From.IsZero() && t.Before(sel.From)) || (!sel.To.IsZero() && !t.Before(sel.To)) {
		return "its time " + t.In(zoneOf(s.TimeZone)).Format("2006-01-02 15:04 MST") + " is outside the selected range"
	}
	if holdEmbargoed && s.EmbargoUntil != nil && now.Before(*s.EmbargoUntil) {
		return "embargoed until " + s.EmbargoUntil.In(zoneOf(s.TimeZone)).Format("2006-01-02 15:04 MST")
	}
	return ""
}

// statusKey names a story's status as selections do: a scheduled story
// that got this far is due.
func statusKey(s app.Summary) string {
	if s.Status == app.StatusScheduled {
		return "due"
	}
	return string(s.Status)
}

// contentProblems lists what keeps a loaded story off the portal: every
// rule of a publishable story, flags left by an import, photos without a
// stored image.
func contentProblems(a *app.Article) []string {
	var out []string
	if err := app.Validate(a, app.DefaultRules, true); err != nil {
		for _, p := range err.(*app.ValidationError).Problems {
			out = append(out, p.String())
		}
	}
	for _, f := range a.Flags {
		out = append(out, "flagged: "+f+" (clear the flag once an editor has looked)")
	}
	for i, p := range a.Photos {
		if p.Image != "" && !blobRef.MatchString(p.Image) {
			out = append(out, fmt.Sprintf("photos[%d].image: %q is not a stored image", i, p.Image))
		}
	}
	return out
}

func zoneOf(name string) *time.Location {
	return (&app.Article{TimeZone: name}).Location()
}

func itemOf(s app.Summary) ItemResult {
	return ItemResult{ID: s.ID, Headline: s.Headline, Revision: s.Revision}
}
