package main

import (
	"fmt"
	"strings"
	"time"

	"newsdesk/app"
	"newsdesk/app/export"
)

func cmdStatus(e *env, args []string) error {
	fs := e.flags("status")
	note := fs.String("note", "", "why: required to kill a story, recorded in the revision")
	at := fs.String("at", "", "publication `TIME` when the status is scheduled")
	tz := fs.String("tz", app.DefaultTimeZone, "time `ZONE` of --at")
	pos, err := e.parse(fs, args, 2, -1)
	if err != nil {
		return err
	}
	to, err := app.ParseStatus(pos[len(pos)-1])
	if err != nil {
		return usagef("status", "%v", err)
	}
	opt := app.TransitionOptions{Author: e.authorName(), Note: *note, Base: -1}
	if *at != "" {
		t, err := parseAt(e, *at, *tz)
		if err != nil {
			return err
		}
		opt.At = &t
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		res, ok := svc.TransitionMany(e.ctx, pos[:len(pos)-1], to, opt)
		if err := writeBulk(e, res, "moved to "+string(to)); err != nil {
			return err
		}
		if !ok {
			return silentError{fmt.Errorf("%d of %d articles could not move to %s", failures(res), len(res), to)}
		}
		return nil
	})
}

func cmdSchedule(e *env, args []string) error {
	fs := e.flags("schedule")
	at := fs.String("at", "", "publication `TIME`: \"2026-12-01 09:00\" in --tz, or RFC 3339")
	tz := fs.String("tz", "", "time `ZONE` of --at (default: the article's own zone, else "+app.DefaultTimeZone+")")
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *at == "" {
		return usagef("schedule", "--at TIME is required")
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		zone := *tz
		if zone == "" {
			sum, err := svc.Store.Summary(e.ctx, pos[0])
			if err != nil {
				return err
			}
			zone = sum.TimeZone
		}
		t, err := parseAt(e, *at, zone)
		if err != nil {
			return err
		}
		// The schedule keeps the zone it was chosen in.
		return moveOne(e, svc, pos[0], app.StatusScheduled, app.TransitionOptions{Author: e.authorName(), At: &t, Zone: zone, Base: -1})
	})
}

func cmdUnschedule(e *env, args []string) error {
	fs := e.flags("unschedule")
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		return moveOne(e, svc, pos[0], app.StatusReady, app.TransitionOptions{Author: e.authorName(), Base: -1})
	})
}

func moveOne(e *env, svc *app.Service, id string, to app.Status, opt app.TransitionOptions) error {
	a, err := svc.Transition(e.ctx, id, to, opt)
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, app.SummaryOf(a.InZone()))
	}
	line := fmt.Sprintf("%s is %s (revision %d)", a.ID, a.Status, a.Revision)
	if a.ScheduledAt != nil && a.Status == app.StatusScheduled {
		loc := a.Location()
		line += fmt.Sprintf(", to publish %s (%s)", a.ScheduledAt.In(loc).Format("2006-01-02 15:04 MST"), loc)
	}
	_, err = fmt.Fprintln(e.stdout, line)
	return err
}

// parseAt reads --at; an ambiguous wall-clock time is taken as its first
// occurrence, and the user is told.
func parseAt(e *env, s, zone string) (time.Time, error) {
	t, ambiguous, err := app.ParseLocalTime(s, zone)
	if err != nil {
		return time.Time{}, err
	}
	if ambiguous {
		fmt.Fprintf(e.stderr, "newsdeskctl: %s happens twice in %s (clocks go back); using the first, %s; give an RFC 3339 time for the other\n",
			s, zone, t.Format(time.RFC3339))
	}
	return t, nil
}

func cmdAgenda(e *env, args []string) error {
	fs := e.flags("agenda")
	days := fs.Int("days", 7, "how many `N` days to show, from today")
	tz := fs.String("tz", app.DefaultTimeZone, "the newsroom's time `ZONE`")
	if _, err := e.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *days < 1 || *days > 366 {
		return usagef("agenda", "--days must be between 1 and 366")
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		agenda, err := svc.Agenda(e.ctx, time.Now(), *days, *tz)
		if err != nil {
			return err
		}
		if e.json {
			return writeJSON(e.stdout, agenda)
		}
		if len(agenda) == 0 {
			_, err := fmt.Fprintf(e.stdout, "nothing scheduled in the next %s\n", plural(*days, "day"))
			return err
		}
		loc, _ := app.LoadZone(*tz)
		var sb strings.Builder
		for _, d := range agenda {
			sb.WriteString(d.Date + "\n")
			t := &table{}
			for _, it := range d.Items {
				mark := ""
				if it.Conflict {
					mark = "CONFLICT"
				}
				t.add("  "+it.ScheduledAt.In(loc).Format("15:04"), it.Section, oneLine(it.Headline), mark, it.ID)
			}
			if err := t.write(&sb); err != nil {
				return err
			}
		}
		_, err = fmt.Fprint(e.stdout, sb.String())
		return err
	})
}

func cmdPublishDue(e *env, args []string) error {
	fs := e.flags("publish-due")
	nowFlag := fs.String("now", "", "act as if it were `TIME` (default: now)")
	tz := fs.String("tz", app.DefaultTimeZone, "time `ZONE` of --now")
	dry := fs.Bool("dry-run", false, "list what is due without publishing")
	wait := fs.Duration("wait", 30*time.Second, "how long to wait for a store another process is using")
	if _, err := e.parse(fs, args, 0, 0); err != nil {
		return err
	}
	now := time.Now()
	if *nowFlag != "" {
		t, err := parseAt(e, *nowFlag, *tz)
		if err != nil {
			return err
		}
		now = t
	}
	e.lockWait = *wait
	return e.withService(mustExist, func(svc *app.Service) error {
		// Publishing exports to the default profile's portal; a failed
		// export keeps the story scheduled for the next run.
		svc.Publisher = &export.Publisher{Exporter: &export.Exporter{Store: svc.Store, StoreDir: svc.Store.Path(), Log: svc.Log}, By: "publish-due"}
		rep, err := svc.PublishDue(e.ctx, now, *dry, "publish-due")
		if err != nil {
			return err
		}
		if e.json {
			if err := writeJSON(e.stdout, rep); err != nil {
				return err
			}
		} else {
			var sb strings.Builder
			for _, r := range rep.Due {
				fmt.Fprintf(&sb, "due        %s  %s\n", r.ID, r.Headline)
			}
			for _, r := range rep.Published {
				fmt.Fprintf(&sb, "published  %s  %s (revision %d)\n", r.ID, r.Headline, r.Revision)
			}
			for _, r := range rep.Skipped {
				fmt.Fprintf(&sb, "skipped    %s  %s: %s\n", r.ID, r.Headline, r.Error)
			}
			for _, r := range rep.Failed {
				fmt.Fprintf(&sb, "FAILED     %s  %s: %s\n", r.ID, r.Headline, r.Error)
			}
			if sb.Len() == 0 {
				sb.WriteString("nothing is due\n")
			}
			if _, err := fmt.Fprint(e.stdout, sb.String()); err != nil {
				return err
			}
		}
		if len(rep.Failed) > 0 {
			return silentError{fmt.Errorf("%d of the due articles failed to publish; they stay scheduled and are retried on the next run", len(rep.Failed))}
		}
		return nil
	})
}

// writeBulk prints one line per article of a bulk move, failures included.
func writeBulk(e *env, res []app.BulkResult, done string) error {
	if e.json {
		return writeJSON(e.stdout, res)
	}
	var sb strings.Builder
	for _, r := range res {
		if r.Error != "" {
			fmt.Fprintf(&sb, "FAILED  %s: %s\n", r.ID, r.Error)
		} else {
			fmt.Fprintf(&sb, "ok      %s %s (revision %d): %s\n", r.ID, done, r.Revision, oneLine(r.Headline))
		}
	}
	_, err := fmt.Fprint(e.stdout, sb.String())
	return err
}

func failures(res []app.BulkResult) int {
	n := 0
	for _, r := range res {
		if r.Error != "" {
			n++
		}
	}
	return n
}

// silentError is an error whose details were already printed in the
// report; it still exits 1, with a one-line summary on stderr.
type silentError struct{ error }
