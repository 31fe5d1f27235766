package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/app"
)

func articlesEqual(a, b *app.Article) bool { return reflect.DeepEqual(a, b) }

// Stats are the live counts the editor shows beside the headline and body.
type Stats struct {
	HeadlineChars, HeadlineMax int
	Words, Minutes             int
}

// Stats counts the open article's headline characters and body words
// (each Chinese character is a word) and estimates its reading time.
func (e *ArticleEditor) Stats() Stats {
	s := Stats{HeadlineMax: e.svc.Rules().HeadlineMax}
	if s.HeadlineMax <= 0 {
		s.HeadlineMax = app.DefaultRules.HeadlineMax
	}
	e.mu.Lock()
	if e.art == nil {
		e.mu.Unlock()
		return s
	}
	// Strings are immutable: counting a 20,000-word body needs no lock.
	headline, body := e.art.Headline, e.art.Body
	e.mu.Unlock()
	s.HeadlineChars = utf8.RuneCountInString(strings.TrimSpace(headline))
	s.Words = app.CountWords(body)
	s.Minutes = app.ReadingMinutes(body)
	return s
}

// moveItem moves item i of s by delta places (-1 up, +1 down) if it can.
func moveItem[T any](s []T, i, delta int) {
	j := i + delta
	if i < 0 || j < 0 || i >= len(s) || j >= len(s) {
		return
	}
	s[i], s[j] = s[j], s[i]
}

// removeItem returns s without item i.
func removeItem[T any](s []T, i int) []T {
	if i < 0 || i >= len(s) {
		return s
	}
	return slices.Delete(slices.Clone(s), i, i+1)
}

// MoveByline moves byline name i up (-1) or down (+1): the first name
// leads the byline.
func (e *ArticleEditor) MoveByline(i, delta int) {
	e.Update(func(a *app.Article) { moveItem(a.Byline, i, delta) })
}

// AddTag adds a tag unless the article has it already (in any case). A tag
// that exists in the newsroom under another case takes that spelling, so
// "npc" typed becomes the newsroom's "NPC". It returns the tag added, or "".
func (e *ArticleEditor) AddTag(tag string, known []TagCount) string {
	tag = strings.Join(strings.Fields(tag), " ")
	if tag == "" {
		return ""
	}
	for _, k := range known {
		if strings.EqualFold(k.Name, tag) {
			tag = k.Name
			break
		}
	}
	added := ""
	e.Update(func(a *app.Article) {
		if slices.ContainsFunc(a.Tags, func(t string) bool { return strings.EqualFold(t, tag) }) {
			return
		}
		a.Tags = append(a.Tags, tag)
		added = tag
	})
	return added
}

// TagCount is a tag in use and the number of live articles carrying it.
type TagCount struct {
	Name  string
	Count int
}

// SuggestTags returns up to limit known tags containing prefix (those that
// start with it first, then the most used), leaving out tags in have.
func SuggestTags(known []TagCount, prefix string, have []string, limit int) []TagCount {
	p := strings.ToLower(strings.TrimSpace(prefix))
	var starts, contains []TagCount
	for _, k := range known {
		if slices.ContainsFunc(have, func(t string) bool { return strings.EqualFold(t, k.Name) }) {
			continue
		}
		l := strings.ToLower(k.Name)
		switch {
		case strings.HasPrefix(l, p):
			starts = append(starts, k)
		case p != "" && strings.Contains(l, p):
			contains = append(contains, k)
		}
	}
	out := append(starts, contains...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// sortedTags orders counts by use, then by name.
func sortedTags(m map[string]int) []TagCount {
	out := make([]TagCount, 0, len(m))
	for k, v := range m {
		out = append(out, TagCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// AttachPhoto stores an image file's bytes (checked to be a whole JPEG,
// PNG or GIF) and adds it as the article's last photo, with an empty credit
// for the editor to fill in.
func (e *ArticleEditor) AttachPhoto(ctx context.Context, name string, data []byte) error {
	ref, err := e.svc.AttachImage(ctx, name, data)
	if err != nil {
		return err
	}
	thumb := decodeThumb(data)
	e.mu.Lock()
	if thumb != nil {
		e.thumbs[ref] = thumb
	}
	e.mu.Unlock()
	e.Update(func(a *app.Article) { a.Photos = append(a.Photos, app.Photo{Image: ref}) })
	return nil
}

func decodeThumb(data []byte) image.Image {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return thumbnail(img, ThumbMax)
}

// AddRelated links one of our stories by id, remembering its headline for
// display; linking the article to itself or twice does nothing.
func (e *ArticleEditor) AddRelated(id, headline string) {
	e.mu.Lock()
	if e.titles != nil {
		e.titles[id] = headline
	}
	e.mu.Unlock()
	e.Update(func(a *app.Article) {
		if id == "" || id == a.ID || slices.ContainsFunc(a.Related, func(r app.Related) bool { return r.ID == id }) {
			return
		}
		a.Related = append(a.Related, app.Related{ID: id})
	})
}

// RelatedTitle returns what to show for related story r.
func (e *ArticleEditor) RelatedTitle(r app.Related) string {
	if r.ID == "" {
		if r.Headline != "" {
			return r.Headline
		}
		return r.URL
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if t, ok := e.titles[r.ID]; ok {
		return t
	}
	return "(article " + r.ID + ")"
}

// ScheduleInput is the publication time as typed in the schedule fields.
type ScheduleInput struct {
	Date  string // 2006-01-02
	Clock string // 15:04
	Zone  string // IANA name
}

func scheduleOf(a *app.Article) ScheduleInput {
	in := ScheduleInput{Zone: a.TimeZone}
	if in.Zone == "" {
		in.Zone = app.DefaultTimeZone
	}
	if a.ScheduledAt != nil {
		t := a.ScheduledAt.In(a.Location())
		in.Date, in.Clock = t.Format("2006-01-02"), t.Format("15:04")
	}
	return in
}

// Schedule returns the schedule fields as typed.
func (e *ArticleEditor) Schedule() ScheduleInput {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.sched
}

// SetSchedule takes the schedule fields as typed. Empty date and time clear
// the publication time; a time that does not parse (or does not exist that
// night in that zone) is kept as typed and reported at "scheduled_at".
func (e *ArticleEditor) SetSchedule(in ScheduleInput) {
	in.Date, in.Clock, in.Zone = strings.TrimSpace(in.Date), strings.TrimSpace(in.Clock), strings.TrimSpace(in.Zone)
	if in.Zone == "" {
		in.Zone = app.DefaultTimeZone
	}
	var at *time.Time
	msg := ""
	switch {
	case in.Date == "" && in.Clock == "":
	case in.Date == "" || in.Clock == "":
		msg = "give both a date (2026-12-01) and a time (09:00)"
	default:
		t, ambiguous, err := app.ParseLocalTime(in.Date+" "+in.Clock, in.Zone)
		if err != nil {
			msg = userMessage(err)
		} else {
			at = &t
			if ambiguous {
				e.log.Info("ambiguous schedule time: first occurrence taken", "time", in.Date+" "+in.Clock, "zone", in.Zone)
			}
		}
	}
	e.mu.Lock()
	e.sched, e.schedErr = in, msg
	e.mu.Unlock()
	if msg != "" {
		e.mu.Lock()
		e.validate()
		e.mu.Unlock()
		return
	}
	e.Update(func(a *app.Article) {
		a.ScheduledAt = at
		if _, err := app.LoadZone(in.Zone); err == nil {
			a.TimeZone = in.Zone
		}
	})
	e.mu.Lock()
	e.validate()
	e.mu.Unlock()
}

// NewsroomZone is the zone the newsroom plans in; schedules show it beside
// the editor's own clock.
const NewsroomZone = app.DefaultTimeZone

// ScheduleText describes the open article's publication time in the
// newsroom's zone and in local (the editor's computer), or "" when none.
func (e *ArticleEditor) ScheduleText(local *time.Location) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.art == nil || e.art.ScheduledAt == nil || e.schedErr != "" {
		return ""
	}
	return describeSchedule(*e.art.ScheduledAt, e.art.Location(), local)
}

func describeSchedule(t time.Time, zone, local *time.Location) string {
	const layout = "Mon Jan 2, 2006 15:04 MST"
	newsroom, _ := app.LoadZone(NewsroomZone)
	s := fmt.Sprintf("Newsroom time %s", t.In(newsroom).Format(layout))
	if zone.String() != NewsroomZone {
		s += fmt.Sprintf(" · %s %s", zone, t.In(zone).Format(layout))
	}
	return s + fmt.Sprintf(" · on this computer %s", t.In(local).Format(layout))
}
