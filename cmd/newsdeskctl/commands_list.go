package main

import (
	"fmt"
	"strconv"
	"time"

	"newsdesk/app"
)

// listTime shows each article's own zone offset: a listing mixes zones, and
// without the offset its newest-first order would look wrong.
const listTime = "2006-01-02 15:04 -0700"

func cmdList(e *env, args []string) error {
	fs := e.flags("list")
	status := fs.String("status", "", "only articles in status `S` (draft, copyedit, ready, scheduled, published, killed)")
	section := fs.String("section", "", "only articles in section `S`")
	tag := fs.String("tag", "", "only articles tagged `T`")
	trash := fs.Bool("trash", false, "list the Trash instead of live articles")
	limit := fs.Int("limit", 0, "print at most `N` articles (0: all)")
	if _, err := e.parse(fs, args, 0, 0); err != nil {
		return err
	}
	f := app.Filter{Section: *section, Tag: *tag, Deleted: *trash, Limit: *limit}
	if *status != "" {
		st, err := app.ParseStatus(*status)
		if err != nil {
			return usagef("list", "--status: %v", err)
		}
		f.Status = st
	}
	if *limit < 0 {
		return usagef("list", "--limit must be 0 or more, not %d", *limit)
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		res, err := svc.List(e.ctx, f)
		if err != nil {
			return err
		}
		items := make([]app.Summary, 0, len(res.Items)) // "[]", never "null", for scripts
		for _, s := range res.Items {
			items = append(items, summaryInZone(s))
		}
		if e.json {
			return writeJSON(e.stdout, items)
		}
		if len(items) == 0 {
			_, err := fmt.Fprintln(e.stderr, "no articles")
			return err
		}
		t := &table{}
		t.add("ID", "STATUS", "REV", "UPDATED", "SECTION", "BYLINE", "HEADLINE")
		for _, s := range items {
			t.add(s.ID, string(s.Status), strconv.Itoa(s.Revision), s.UpdatedAt.Format(listTime),
				clipWidth(oneLine(s.Section), 24), clipWidth(oneLine(bylineOf(s.Byline, s.Source)), 32), oneLine(s.Headline))
		}
		return t.write(e.stdout)
	})
}

// summaryInZone expresses a summary's times in its article's time zone.
func summaryInZone(s app.Summary) app.Summary {
	loc := zone(s.TimeZone)
	s.CreatedAt, s.UpdatedAt = s.CreatedAt.In(loc), s.UpdatedAt.In(loc)
	for _, p := range []**time.Time{&s.ScheduledAt, &s.PublishedAt, &s.DeletedAt} {
		if *p != nil {
			t := (*p).In(loc)
			*p = &t
		}
	}
	return s
}
