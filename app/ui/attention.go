package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"newsdesk/app"
)

// NeedsAttention reports whether a live article asks for an editor: it
// carries flags (an import's "needs headline" or "photo missing") or its
// scheduled time has passed without it going out, so publish-due has not
// run or failed on it.
func NeedsAttention(s *app.Summary, now time.Time) bool {
	return !s.Deleted && (len(s.Flags) > 0 || missedSchedule(s, now))
}

func missedSchedule(s *app.Summary, now time.Time) bool {
	return s.Status == app.StatusScheduled && s.ScheduledAt != nil && s.ScheduledAt.Before(now)
}

// AttentionNote says in a list row why an article needs attention,
// "⚑ needs headline, missed schedule", or returns "" when it does not.
func AttentionNote(s *app.Summary, now time.Time) string {
	if !NeedsAttention(s, now) {
		return ""
	}
	reasons := append([]string(nil), s.Flags...)
	if missedSchedule(s, now) {
		reasons = append(reasons, "missed schedule")
	}
	return "⚑ " + strings.Join(reasons, ", ")
}

// attentionOf keeps the summaries that need attention, in listing order.
func attentionOf(items []app.Summary, now time.Time) []app.Summary {
	var out []app.Summary
	for i := range items {
		if NeedsAttention(&items[i], now) {
			out = append(out, items[i])
		}
	}
	return out
}

// loadAttention returns the live articles needing attention, newest update
// first. No index holds flags, so this reads every live summary: a few
// hundred bytes each, well under a second for tens of thousands of
// articles, and it runs off the UI goroutine with the rest of Reload. Past
// that, the store should keep a flags index. When listed already holds
// every live article (the "All" desk, not cut by MaxListed), no second
// read is needed.
func (c *Controller) loadAttention(ctx context.Context, folder Folder, listed *app.ListResult, now time.Time) ([]app.Summary, error) {
	if folder != (Folder{}) || listed == nil || len(listed.Items) < listed.Total {
		var err error
		if listed, err = c.svc.List(ctx, app.Filter{}); err != nil {
			return nil, fmt.Errorf("list articles needing attention: %w", err)
		}
	}
	return attentionOf(listed.Items, now), nil
}

// clock is the service's clock, so tests judge missed schedules exactly.
func (c *Controller) clock() time.Time {
	if c.svc.Now != nil {
		return c.svc.Now()
	}
	return time.Now()
}

// AsOf returns the time of the last load, against which missed schedules
// were judged; list rows use it too, so that they agree with the count.
func (c *Controller) AsOf() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.asOf
}
