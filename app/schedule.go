package app

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// ParseLocalTime reads a publication time as editors type it: a wall
// clock "2026-12-01 09:00" (seconds optional, "T" allowed) in zone, or an
// RFC 3339 instant with its own offset. A wall-clock time that does not
// exist (the hour skipped when clocks go forward) is refused; one that
// happens twice (when clocks go back) means the first occurrence, and
// ambiguous says so, so the caller can tell the editor.
func ParseLocalTime(s, zone string) (t time.Time, ambiguous bool, err error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	if zone == "" {
		zone = DefaultTimeZone
	}
	loc, err := LoadZone(zone)
	if err != nil {
		return time.Time{}, false, Errorf(EINVALID, "%q is not an IANA time zone (e.g. Asia/Shanghai)", zone)
	}
	var wall time.Time
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if wall, err = time.Parse(layout, s); err == nil {
			break
		}
	}
	if err != nil {
		return time.Time{}, false, Errorf(EINVALID, "%q is not a time: write 2026-12-01 09:00 (in %s) or an RFC 3339 time like 2026-12-01T09:00:00+08:00", s, zone)
	}
	y, mo, d := wall.Date()
	h, mi, sec := wall.Clock()
	t = time.Date(y, mo, d, h, mi, sec, 0, loc)
	if th, tm, _ := t.Clock(); th != h || tm != mi {
		return time.Time{}, false, Errorf(EINVALID, "%s does not exist in %s: the clocks go forward that night; pick a time after %s",
			wall.Format("2006-01-02 15:04"), zone, t.Format("15:04 MST"))
	}
	// Go may return either occurrence of a repeated hour; look for an
	// earlier instant with the same wall clock and take the first.
	for _, back := range []time.Duration{time.Hour, 30 * time.Minute, 2 * time.Hour} {
		e := t.Add(-back)
		if eh, em, es := e.Clock(); eh == h && em == mi && es == sec && e.Day() == d {
			return e, true, nil
		}
	}
	for _, fwd := range []time.Duration{time.Hour, 30 * time.Minute, 2 * time.Hour} {
		l := t.Add(fwd)
		if lh, lm, ls := l.Clock(); lh == h && lm == mi && ls == sec && l.Day() == d {
			return t, true, nil
		}
	}
	return t, false, nil
}

// Publisher sends a story to the portal when it goes live. The export
// issue provides one; without it, publishing only changes the status.
type Publisher interface {
	Publish(ctx context.Context, a *Article) error
}

// DueReport says what a publish-due run did.
type DueReport struct {
	Now       time.Time    `json:"now"`
	DryRun    bool         `json:"dry_run,omitempty"`
	Published []BulkResult `json:"published"`
	// Due lists what a dry run would publish.
	Due     []BulkResult `json:"due,omitempty"`
	Skipped []BulkResult `json:"skipped"`
	Failed  []BulkResult `json:"failed"`
}

// PublishDue publishes every scheduled story whose time has come, in
// schedule order. A story under embargo waits; a story the publisher
// fails to export stays scheduled and is tried again on the next run. Each
// publication is a revision based on the one read, so two runs racing for
// the same story cannot both publish it: the second gets a conflict and
// reports it skipped.
func (s *Service) PublishDue(ctx context.Context, now time.Time, dryRun bool, author string) (*DueReport, error) {
	if author == "" {
		author = "scheduler"
	}
	rep := &DueReport{Now: now, DryRun: dryRun, Published: []BulkResult{}, Skipped: []BulkResult{}, Failed: []BulkResult{}}
	due, err := s.Store.List(ctx, Filter{Status: StatusScheduled, Sort: SortScheduled, Ascending: true, ScheduledTo: now.Add(time.Nanosecond)})
	if err != nil {
		return nil, fmt.Errorf("publish-due: %w", err)
	}
	for _, sum := range due.Items {
		r := BulkResult{ID: sum.ID, Headline: sum.Headline, Revision: sum.Revision}
		if sum.Status != StatusScheduled || sum.ScheduledAt == nil || sum.ScheduledAt.After(now) {
			continue
		}
		if sum.EmbargoUntil != nil && now.Before(*sum.EmbargoUntil) {
			r.Error = "embargoed until " + sum.EmbargoUntil.In(zoneOf(sum.TimeZone)).Format("2006-01-02 15:04 MST")
			rep.Skipped = append(rep.Skipped, r)
			continue
		}
		if dryRun {
			rep.Due = append(rep.Due, r)
			continue
		}
		if err := s.publishOne(ctx, sum, now, author); err != nil {
			r.Error = err.Error()
			if ErrorCode(err) == ECONFLICT {
				rep.Skipped = append(rep.Skipped, r) // another run got there first
			} else {
				rep.Failed = append(rep.Failed, r)
			}
			continue
		}
		r.Revision++
		rep.Published = append(rep.Published, r)
	}
	return rep, nil
}

func (s *Service) publishOne(ctx context.Context, sum Summary, now time.Time, author string) error {
	if s.Publisher != nil {
		a, err := s.Store.Article(ctx, sum.ID)
		if err != nil {
			return err
		}
		live := a.Clone()
		live.Status, live.PublishedAt = StatusPublished, &now
		if err := s.Publisher.Publish(ctx, live); err != nil {
			return fmt.Errorf("export to the portal failed, the story stays scheduled: %w", err)
		}
	}
	_, err := s.Transition(ctx, sum.ID, StatusPublished, TransitionOptions{Author: author, Note: "published on schedule", Base: sum.Revision, Now: now})
	return err
}

func zoneOf(name string) *time.Location {
	if loc, err := LoadZone(name); err == nil && name != "" {
		return loc
	}
	loc, _ := LoadZone(DefaultTimeZone)
	return loc
}

// AgendaItem is one scheduled story in the agenda.
type AgendaItem struct {
	Summary
	// Conflict is set when another story of the same section is scheduled
	// for the same minute: two lead stories cannot go up at once.
	Conflict bool `json:"conflict,omitempty"`
}

// AgendaDay is one day of the agenda, in the newsroom's time zone.
type AgendaDay struct {
	Date  string       `json:"date"` // 2006-01-02
	Items []AgendaItem `json:"items"`
}

// Agenda lists scheduled stories from `from` for `days` days, by day in
// zone, in schedule order, with conflicts marked.
func (s *Service) Agenda(ctx context.Context, from time.Time, days int, zone string) ([]AgendaDay, error) {
	loc := zoneOf(zone)
	y, m, d := from.In(loc).Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, loc)
	end := start.AddDate(0, 0, days)
	res, err := s.Store.List(ctx, Filter{Status: StatusScheduled, Sort: SortScheduled, Ascending: true, ScheduledFrom: start, ScheduledTo: end})
	if err != nil {
		return nil, fmt.Errorf("agenda: %w", err)
	}
	slot := map[string]int{}
	for _, it := range res.Items {
		slot[it.Section+"\x00"+it.ScheduledAt.Truncate(time.Minute).UTC().String()]++
	}
	out := []AgendaDay{}
	for _, it := range res.Items {
		day := it.ScheduledAt.In(loc).Format("2006-01-02")
		if len(out) == 0 || out[len(out)-1].Date != day {
			out = append(out, AgendaDay{Date: day})
		}
		conflict := slot[it.Section+"\x00"+it.ScheduledAt.Truncate(time.Minute).UTC().String()] > 1
		out[len(out)-1].Items = append(out[len(out)-1].Items, AgendaItem{Summary: it, Conflict: conflict})
	}
	return out, nil
}
