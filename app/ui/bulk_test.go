package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"newsdesk/app"
)

func TestSelectionGestures(t *testing.T) {
	order := []string{"a", "b", "c", "d", "e"}
	s := NewSelection()
	changes := 0
	s.OnChanged = func() { changes++ }

	s.Click("b", 0, order)
	s.Click("d", fyne.KeyModifierShift, order)
	if got := s.IDs(order); !slices.Equal(got, []string{"b", "c", "d"}) {
		t.Fatalf("shift+click range = %v", got)
	}
	s.Click("c", fyne.KeyModifierShortcutDefault, order)
	if got := s.IDs(order); !slices.Equal(got, []string{"b", "d"}) {
		t.Fatalf("ctrl+click toggles off: %v", got)
	}
	// Ctrl+Shift extends from the anchor (c) without dropping the rest.
	s.Click("e", fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, order)
	if got := s.IDs(order); !slices.Equal(got, []string{"b", "c", "d", "e"}) {
		t.Fatalf("ctrl+shift+click = %v", got)
	}
	s.Click("a", 0, order)
	if got := s.IDs(order); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("plain click selects one: %v", got)
	}
	s.SelectAll(order)
	s.Prune([]string{"e", "a"})
	if got := s.IDs(order); !slices.Equal(got, []string{"a", "e"}) || s.Len() != 2 {
		t.Fatalf("after prune: %v", got)
	}
	s.Clear()
	if s.Len() != 0 || changes != 8 {
		t.Errorf("len %d after clear, %d change calls", s.Len(), changes)
	}
}

// deskDesk saves five stories across the desks and returns their ids:
// a complete draft, a complete copy-desk story, a copy-desk story without
// a byline, a ready story and a scheduled one.
func deskDesk(tb testing.TB, svc *app.Service) (draft, copy, nobyline, ready, scheduled string) {
	tb.Helper()
	ctx := context.Background()
	story := func(h string, byline ...string) *app.Article {
		return &app.Article{Headline: h, Byline: byline, Section: "Economy", Body: "Port traffic rose. 港口吞吐量回升。", Status: app.StatusDraft}
	}
	move := func(id string, to ...app.Status) {
		for _, s := range to {
			opt := app.TransitionOptions{Author: "Li Na", Base: -1}
			if s == app.StatusScheduled {
				at := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
				opt.At = &at
			}
			if _, err := svc.Transition(ctx, id, s, opt); err != nil {
				tb.Fatalf("move %s to %s: %v", id, s, err)
			}
		}
	}
	draft = deskSave(tb, svc, story("Draft story", "Li Na"), "Li Na", "").ID
	copy = deskSave(tb, svc, story("Copy desk story", "王磊"), "Li Na", "").ID
	move(copy, app.StatusCopyedit)
	nobyline = deskSave(tb, svc, story("No byline yet"), "Li Na", "").ID
	move(nobyline, app.StatusCopyedit)
	ready = deskSave(tb, svc, story("Ready story", "Anna Berg"), "Li Na", "").ID
	move(ready, app.StatusCopyedit, app.StatusReady)
	scheduled = deskSave(tb, svc, story("Scheduled story", "Chen Yu"), "Li Na", "").ID
	move(scheduled, app.StatusCopyedit, app.StatusReady, app.StatusScheduled)
	return
}

func TestRunBulkReportsEveryStory(t *testing.T) {
	svc, _ := deskService(t)
	draft, copy, nobyline, ready, scheduled := deskDesk(t, svc)
	ctx := context.Background()
	opt := app.TransitionOptions{Author: "Zhou Yu", Base: -1}

	rep := RunBulk(ctx, svc, []string{draft, copy, nobyline, scheduled, "no-such-id"}, BulkMarkReady, opt)
	want := []string{
		`✗ Draft story: is Draft; "Mark ready" applies to copy desk stories`,
		"✓ Copy desk story: revision 3",
		"✗ No byline yet: invalid article: byline: needs at least one name, or a source agency",
		`✗ Scheduled story: is Scheduled; "Mark ready" applies to copy desk stories`,
	}
	got := rep.Lines()
	if !slices.Equal(got[:4], want) || !strings.HasPrefix(got[4], "✗ (untitled): ") {
		t.Fatalf("report:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Summary() != "1 of 5 stories marked ready; 4 failed." {
		t.Errorf("summary = %q", rep.Summary())
	}
	// The scheduled story was not unscheduled by "mark ready".
	if s, _ := svc.Store.Summary(ctx, scheduled); s.Status != app.StatusScheduled {
		t.Errorf("scheduled story is now %s", s.Status)
	}

	at := time.Date(2026, 12, 2, 1, 30, 0, 0, time.UTC)
	opt.At, opt.Zone = &at, "Europe/London"
	rep = RunBulk(ctx, svc, []string{copy, ready}, BulkSchedule, opt)
	if rep.Failed() != 0 || rep.Summary() != "2 of 2 stories scheduled." {
		t.Fatalf("schedule: %q %q", rep.Summary(), rep.Lines())
	}
	a, _ := svc.Article(ctx, ready)
	if a.Status != app.StatusScheduled || !a.ScheduledAt.Equal(at) || a.TimeZone != "Europe/London" {
		t.Errorf("ready story after scheduling: %s %v %s", a.Status, a.ScheduledAt, a.TimeZone)
	}
	// Each move is a revision that History shows with who and what.
	h, _ := svc.History(ctx, ready)
	if h[0].Author != "Zhou Yu" || h[0].StatusFrom != app.StatusReady || h[0].Message != "ready -> scheduled" {
		t.Errorf("revision of the move: %+v", h[0])
	}

	rep = RunBulk(ctx, svc, []string{scheduled, draft}, BulkUnschedule, app.TransitionOptions{Author: "Zhou Yu", Base: -1})
	if got := rep.Lines(); !strings.HasPrefix(got[0], "✓ Scheduled story") || !strings.Contains(got[1], "is Draft") {
		t.Errorf("unschedule: %q", got)
	}
	rep = RunBulk(ctx, svc, []string{draft}, BulkSendToCopyDesk, app.TransitionOptions{Author: "Zhou Yu", Base: -1})
	if rep.Summary() != "1 of 1 story sent to the copy desk." {
		t.Errorf("send: %q", rep.Summary())
	}
}

func TestSchedulePreviewAcrossZones(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	cases := []struct {
		text, zone string
		want       string
		err        string
	}{
		{"2026-12-01 09:00", "Asia/Shanghai", "Newsroom: Tue Dec 1, 2026 09:00 CST · your computer: Tue Dec 1, 2026 02:00 CET", ""},
		{"2026-12-01 09:00", "America/New_York",
			"Newsroom: Tue Dec 1, 2026 22:00 CST · America/New_York: Tue Dec 1, 2026 09:00 EST · your computer: Tue Dec 1, 2026 15:00 CET", ""},
		{"2026-11-01 01:30", "America/New_York", "happens twice in America/New_York (clocks go back); this is the first one, 05:30 UTC.", ""},
		{"2026-03-08 02:30", "America/New_York", "", "does not exist in America/New_York"},
		{"2026-12-01T09:00:00+08:00", "UTC", "Newsroom: Tue Dec 1, 2026 09:00 CST · UTC: Tue Dec 1, 2026 01:00 UTC", ""},
		{"tomorrow 9am", "Asia/Shanghai", "", "is not a time"},
	}
	for _, c := range cases {
		_, got, err := SchedulePreview(c.text, c.zone, "Asia/Shanghai", berlin)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s in %s: err = %v, want %q", c.text, c.zone, err, c.err)
			}
			continue
		}
		if err != nil || !strings.Contains(got, c.want) {
			t.Errorf("%s in %s:\n got %q (%v)\nwant %q", c.text, c.zone, got, err, c.want)
		}
	}
}
