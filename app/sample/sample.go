// Package sample fills an empty store with a sample newsroom: thirty
// articles in English and Chinese, written for Newsdesk, across the sections
// and in every status, each with photos, contacts, links and a history of
// several saves by different people. A first run of the GUI, `newsdeskctl
// demo` and the tests all use it, so that lists, history and diffs have
// realistic material to show.
//
// Everything is deterministic: given the same service clock, two fills give
// the same articles, revisions and times (only the store's ids differ).
package sample

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"newsdesk/app"
)

// DefaultAuthor is who takes the wire copy when Fill is given no author.
const DefaultAuthor = "Newsdesk sample"

// Fill saves the sample newsroom into the store behind svc and returns the
// number of articles created. author is the person loading it; the wire
// stories are filed under that name, the rest under the sample staff.
//
// Times are laid out backwards from svc.Now (revisions in the past days,
// schedules in the coming days); svc itself is not modified. Fill refuses a
// store that already holds articles, live or in the Trash, with an EINVALID
// error: the sample is a starting point, not something to mix with real work.
// If a save fails midway the articles saved so far stay and are counted.
func Fill(ctx context.Context, svc *app.Service, author string) (int, error) {
	if err := checkEmpty(ctx, svc); err != nil {
		return 0, err
	}
	author = strings.TrimSpace(author)
	if author == "" {
		author = DefaultAuthor
	}
	now := time.Now
	if svc.Now != nil {
		now = svc.Now
	}
	// A service of its own, on the same store and rules, whose clock
	// replays the newsroom's past, save by save.
	own := app.NewService(svc.Store)
	own.SetRules(svc.Rules())
	own.Publisher = svc.Publisher
	if svc.Log != nil {
		own.Log = svc.Log
	}
	n := &newsroom{svc: own, base: now().Truncate(time.Minute), author: author, ids: map[string]string{}}
	n.svc.Now = func() time.Time { return n.clock }
	all := stories()
	for i := range all {
		if err := ctx.Err(); err != nil {
			return len(n.ids), fmt.Errorf("sample newsroom: stopped after %d articles: %w", len(n.ids), err)
		}
		if err := n.file(ctx, i, &all[i]); err != nil {
			return len(n.ids), fmt.Errorf("sample newsroom: story %q: %w", all[i].key, err)
		}
	}
	n.svc.Log.Info("sample newsroom filled", "store", svc.Store.Path(), "articles", len(n.ids), "by", author)
	return len(n.ids), nil
}

func checkEmpty(ctx context.Context, svc *app.Service) error {
	total := 0
	for _, deleted := range []bool{false, true} {
		res, err := svc.List(ctx, app.Filter{Deleted: deleted, Limit: 1})
		if err != nil {
			return fmt.Errorf("sample newsroom: check the store is empty: %w", err)
		}
		total += res.Total
	}
	if total > 0 {
		return app.Errorf(app.EINVALID, "the store %s already has %d articles; the sample newsroom only fills an empty store", svc.Store.Path(), total)
	}
	return nil
}

// newsroom replays the sample stories through a copy of the service whose
// clock it moves forward save by save.
type newsroom struct {
	svc    *app.Service
	base   time.Time
	clock  time.Time
	author string
	ids    map[string]string // story key -> article id
}

// file replays one story's history: first draft, completed draft, copy
// desk, then whatever its final status needs (kill, ready, schedule,
// publish, correction, late tag). Every story gets at least two saves.
func (n *newsroom) file(ctx context.Context, idx int, st *story) error {
	names := splitByline(st.byline)
	reporter, second := n.author, n.author
	if len(names) > 0 {
		reporter, second = names[0], names[len(names)-1]
	}
	copyEditor := copyEditorsEN[idx%len(copyEditorsEN)]
	if st.language == "zh" {
		copyEditor = copyEditorsZH[idx%len(copyEditorsZH)]
	}
	photos, err := n.attach(ctx, idx, st)
	if err != nil {
		return err
	}
	zone := st.zone
	if zone == "" {
		zone = app.DefaultTimeZone
	}
	filed := st.filedBody()
	// Stories start at odd minutes past the hour, as real ones do.
	n.clock = n.base.Add(-st.age + time.Duration(idx*17%60)*time.Minute)
	step := 0
	save := func(a *app.Article, author, msg string) (*app.Article, error) {
		if step > 0 {
			n.clock = n.clock.Add(gap(idx, step))
		}
		step++
		base := a.Revision
		if a.ID == "" {
			base = -1
		}
		return n.svc.Save(ctx, a, app.SaveOptions{Author: author, Message: msg, Base: base})
	}

	// 1. The reporter's first draft: no closing paragraph, no credits yet.
	headline := st.headline
	if st.firstHead != "" {
		headline = st.firstHead
	}
	uncredited := slices.Clone(photos)
	for i := range uncredited {
		uncredited[i].Credit = ""
	}
	a := &app.Article{
		Headline: headline, Byline: names, Source: st.source, Section: st.section,
		Tags: st.tags[:len(st.tags)-1], Body: withoutLastParagraph(filed), Photos: uncredited,
		Status: app.StatusDraft, TimeZone: zone, Language: st.language,
	}
	if len(names) > 0 {
		a.Contacts = st.contacts()[:1]
	}
	msg := "First draft"
	if st.source != "" {
		msg = "Take " + st.source + " wire copy"
	}
	if a, err = save(a, reporter, msg); err != nil {
		return err
	}
	n.ids[st.key] = a.ID

	// 2. The draft completed: closing paragraph, dek, credits, contacts and
	// links; filed to the copy desk unless it stays a draft.
	a.Body, a.Dek, a.Photos, a.Contacts = filed, st.dek, photos, st.contacts()
	if a.Related, err = n.related(st); err != nil {
		return err
	}
	if st.readMore != "" {
		a.ReadMore = &app.ReadMore{Text: "Read the full story here", URL: st.readMore}
	}
	msg = "Add closing paragraph, photo credits and links"
	if st.status != app.StatusDraft {
		a.Status = app.StatusCopyedit
		msg = "File to copy desk"
	}
	if a, err = save(a, second, msg); err != nil || st.status == app.StatusDraft {
		return err
	}

	// 3. The copy desk, or a kill.
	switch st.status {
	case app.StatusKilled:
		a.Status, a.Note = app.StatusKilled, st.note
		_, err = save(a, st.editor, "Kill story")
		return err
	case app.StatusCopyedit:
		a.Body = applyEdits(filed, st.edits[:(len(st.edits)+1)/2])
		_, err = save(a, copyEditor, "Copy edit, first pass")
		return err
	}
	a.Body, a.Headline, a.Tags, a.Status = applyEdits(filed, st.edits), st.headline, st.tags, app.StatusReady
	msg = "Copy edit; add tag " + st.tags[len(st.tags)-1]
	if st.firstHead != "" {
		msg = "Copy edit; new headline; add tag " + st.tags[len(st.tags)-1]
	}
	if a, err = save(a, copyEditor, msg); err != nil || st.status == app.StatusReady {
		return err
	}

	// 4. Out of the door: scheduled or published.
	if st.status == app.StatusScheduled {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			return fmt.Errorf("time zone %s: %w", zone, err)
		}
		day := n.base.In(loc)
		at := time.Date(day.Year(), day.Month(), day.Day()+st.slot.days, st.slot.hour, st.slot.minute, 0, 0, loc)
		a.Status, a.ScheduledAt = app.StatusScheduled, &at
		_, err = save(a, st.editor, "Schedule for "+at.Format("Mon 2 Jan 15:04 MST"))
		return err
	}
	// The publication time is the time of the save that publishes.
	published := n.clock.Add(gap(idx, step))
	a.Status, a.PublishedAt = app.StatusPublished, &published
	if a, err = save(a, st.editor, "Publish"); err != nil {
		return err
	}

	// 5. After publication: a correction, a tag for the topic page.
	if st.correction != nil {
		n.clock = n.clock.Add(5 * time.Hour)
		a.Body, a.Note = st.body, st.note
		if a, err = save(a, reporter, "Correct a published error; add the correction note"); err != nil {
			return err
		}
	}
	if st.lateTag != "" {
		a.Tags = append(a.Tags, st.lateTag)
		if _, err = save(a, copyEditor, "Add tag "+st.lateTag+" for the topic page"); err != nil {
			return err
		}
	}
	return nil
}

// gap is the time between two saves of a story: 20 to 74 minutes, varied
// by story and step so that histories do not all look alike.
func gap(idx, step int) time.Duration {
	return time.Duration(20+(idx*37+step*23)%55) * time.Minute
}

func (n *newsroom) related(st *story) ([]app.Related, error) {
	var out []app.Related
	for _, k := range st.related {
		id, ok := n.ids[k]
		if !ok {
			return nil, fmt.Errorf("related story %q is not filed before this one", k)
		}
		out = append(out, app.Related{ID: id})
	}
	return append(out, st.outside...), nil
}

// attach draws and stores the story's photos and returns them credited.
func (n *newsroom) attach(ctx context.Context, idx int, st *story) ([]app.Photo, error) {
	var out []app.Photo
	for i, sh := range st.photos {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s/%d", st.key, i)
		data, ext, err := encode(picture(st.section, h.Sum64()), sh.jpeg)
		if err != nil {
			return nil, fmt.Errorf("photo %d: %w", i+1, err)
		}
		ref, err := n.svc.AttachImage(ctx, fmt.Sprintf("%s-%d.%s", st.key, i+1, ext), data)
		if err != nil {
			return nil, err
		}
		out = append(out, app.Photo{Image: ref, Caption: sh.caption, Credit: sh.credit, Alt: sh.alt})
	}
	return out, nil
}
