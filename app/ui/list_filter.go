package ui

import (
	"strings"

	"newsdesk/app"
)

// SetQuery sets the instant filter over the loaded listing: summaries whose
// headline, byline, source or section contain every word of q, ignoring
// case. It reads no store, so it is cheap enough to run on every keystroke.
func (c *Controller) SetQuery(q string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.query = q
}

// Query returns the instant filter's text.
func (c *Controller) Query() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.query
}

// Visible returns the listing narrowed by the instant filter. Like Items,
// the slice must not be modified.
func (c *Controller) Visible() []app.Summary {
	c.mu.Lock()
	items, q := c.items, c.query
	c.mu.Unlock()
	return FilterSummaries(items, q)
}

// FilterSummaries returns the summaries matching every word of q in their
// headline, byline, source or section, case-insensitively; all of them when
// q is blank.
func FilterSummaries(items []app.Summary, q string) []app.Summary {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return items
	}
	var out []app.Summary
	for i := range items {
		s := &items[i]
		hay := strings.ToLower(s.Headline + "\x00" + strings.Join(s.Byline, "\x00") + "\x00" + s.Source + "\x00" + s.Section)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, *s)
		}
	}
	return out
}

// Sections returns the sections in use, most used first: what the
// editor's section picker offers.
func (c *Controller) Sections() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts == nil {
		return nil
	}
	tags := sortedTags(c.counts.Section)
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t.Name != "" {
			out = append(out, t.Name)
		}
	}
	return out
}

// Tags returns the tags in use with their counts, most used first.
func (c *Controller) Tags() []TagCount {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts == nil {
		return nil
	}
	return sortedTags(c.counts.Tag)
}

// Headlines returns the listed stories a related link can point at,
// matching q like the instant filter, in listing order.
func (c *Controller) Headlines(q string, limit int) []app.Summary {
	c.mu.Lock()
	items := c.items
	c.mu.Unlock()
	out := FilterSummaries(items, q)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
