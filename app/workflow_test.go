package app_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/store"
)

var bg = context.Background()

// clock is an injected clock the tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

func newDesk(t *testing.T) (*app.Service, *clock) {
	t.Helper()
	s, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	svc := app.NewService(s)
	c := &clock{t: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
	svc.Now = c.now
	return svc, c
}

func story(headline string) *app.Article {
	return &app.Article{Headline: headline, Byline: []string{"Wang Xiaoming"}, Section: "Politics & Law",
		Body: "Lawmakers met.\n\n全国人大开会。\n"}
}

func mustSave(t *testing.T, svc *app.Service, a *app.Article) *app.Article {
	t.Helper()
	out, err := svc.Save(bg, a, app.SaveOptions{Author: "Li Na", Base: -1})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWorkflowPathRecordsEveryMove(t *testing.T) {
	svc, clk := newDesk(t)
	a := mustSave(t, svc, story("Path"))
	at := clk.now().Add(2 * time.Hour)
	steps := []struct {
		to app.Status
		at *time.Time
	}{{app.StatusCopyedit, nil}, {app.StatusReady, nil}, {app.StatusScheduled, &at}, {app.StatusPublished, nil}}
	for _, st := range steps {
		out, err := svc.Transition(bg, a.ID, st.to, app.TransitionOptions{Author: "Tom Baker", At: st.at, Base: -1})
		if err != nil {
			t.Fatalf("to %s: %v", st.to, err)
		}
		a = out
	}
	if a.PublishedAt == nil || !a.PublishedAt.Equal(clk.now()) {
		t.Fatalf("published_at %v", a.PublishedAt)
	}
	hist, _ := svc.History(bg, a.ID)
	if len(hist) != 5 || hist[0].StatusFrom != app.StatusScheduled || hist[0].Status != app.StatusPublished ||
		hist[0].Author != "Tom Baker" || hist[0].Message != "scheduled -> published" {
		t.Fatalf("history: %+v", hist[0])
	}
	if _, err := svc.Transition(bg, a.ID, app.StatusKilled, app.TransitionOptions{Author: "Tom", Base: -1}); app.ErrorCode(err) != app.EINVALID ||
		!strings.Contains(err.Error(), "why") {
		t.Fatalf("kill without a reason: %v", err)
	}
	k, err := svc.Transition(bg, a.ID, app.StatusKilled, app.TransitionOptions{Author: "Tom", Note: "legal", Base: -1})
	if err != nil || k.Note != "legal" {
		t.Fatalf("kill: %v", err)
	}
}

func TestInvalidTransitionsExplain(t *testing.T) {
	svc, _ := newDesk(t)
	a := mustSave(t, svc, story("Refused"))
	_, err := svc.Transition(bg, a.ID, app.StatusPublished, app.TransitionOptions{Author: "Tom", Base: -1})
	if app.ErrorCode(err) != app.EINVALID || !strings.Contains(err.Error(), "cannot move from draft to published") ||
		!strings.Contains(err.Error(), "copyedit") {
		t.Fatalf("draft -> published: %v", err)
	}
	// The same rule holds for a plain save that changes the status.
	a.Status = app.StatusScheduled
	if _, err := svc.Save(bg, a, app.SaveOptions{Author: "Tom", Base: -1}); err == nil || !strings.Contains(err.Error(), "cannot move from draft") {
		t.Fatalf("save draft as scheduled: %v", err)
	}
}

func TestGateListsEveryProblem(t *testing.T) {
	svc, _ := newDesk(t)
	a := story("")
	a.Section, a.Byline = "", nil
	a.Photos = []app.Photo{{Caption: "no credit"}}
	a.Status = app.StatusDraft
	a = mustSave(t, svc, a)
	if _, err := svc.Transition(bg, a.ID, app.StatusCopyedit, app.TransitionOptions{Author: "Tom", Base: -1}); err != nil {
		t.Fatalf("copyedit has no gate: %v", err)
	}
	_, err := svc.Transition(bg, a.ID, app.StatusReady, app.TransitionOptions{Author: "Tom", Base: -1})
	var v *app.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want a validation error, got %v", err)
	}
	for _, f := range []string{"headline", "byline", "section", "photos[0].credit", "photos[0].image"} {
		if len(v.For(f)) == 0 {
			t.Errorf("gate does not report %s: %v", f, err)
		}
	}
}

func TestScheduleRules(t *testing.T) {
	svc, clk := newDesk(t)
	a := mustSave(t, svc, story("Schedule"))
	for _, to := range []app.Status{app.StatusCopyedit, app.StatusReady} {
		svc.Transition(bg, a.ID, to, app.TransitionOptions{Author: "Tom", Base: -1})
	}
	past := clk.now().Add(-time.Minute)
	if _, err := svc.Transition(bg, a.ID, app.StatusScheduled, app.TransitionOptions{Author: "Tom", At: &past, Base: -1}); err == nil ||
		!strings.Contains(err.Error(), "in the past") {
		t.Fatalf("past schedule: %v", err)
	}
	if _, err := svc.Transition(bg, a.ID, app.StatusScheduled, app.TransitionOptions{Author: "Tom", Base: -1}); err == nil {
		t.Fatal("schedule without a time accepted")
	}
	later := clk.now().Add(time.Hour)
	if _, err := svc.Transition(bg, a.ID, app.StatusScheduled, app.TransitionOptions{Author: "Tom", At: &later, Base: -1}); err != nil {
		t.Fatal(err)
	}
	back, err := svc.Transition(bg, a.ID, app.StatusReady, app.TransitionOptions{Author: "Tom", Base: -1})
	if err != nil || back.ScheduledAt != nil {
		t.Fatalf("unschedule: %v %v", err, back.ScheduledAt)
	}
}

func TestCorrectKeepsPublished(t *testing.T) {
	svc, _ := newDesk(t)
	a := mustSave(t, svc, story("Correct me"))
	for _, to := range []app.Status{app.StatusCopyedit, app.StatusReady, app.StatusPublished} {
		var err error
		if a, err = svc.Transition(bg, a.ID, to, app.TransitionOptions{Author: "Tom", Base: -1}); err != nil {
			t.Fatal(err)
		}
	}
	a.Body = strings.Replace(a.Body, "met", "met on Monday", 1)
	if _, err := svc.Correct(bg, a, "", app.SaveOptions{Author: "Tom", Base: -1}); err == nil {
		t.Fatal("correction without a note")
	}
	c, err := svc.Correct(bg, a, "The meeting was on Monday, not Tuesday.", app.SaveOptions{Author: "Tom", Base: -1})
	if err != nil || c.Status != app.StatusPublished || c.Note == "" {
		t.Fatalf("correct: %v", err)
	}
	h, _ := svc.History(bg, a.ID)
	if !strings.HasPrefix(h[0].Message, "correction: ") {
		t.Fatalf("correction message: %q", h[0].Message)
	}
}

func TestParseLocalTime(t *testing.T) {
	cases := []struct {
		in, zone  string
		want      string // RFC 3339, or "error"
		ambiguous bool
	}{
		{"2026-12-01 09:00", "Asia/Shanghai", "2026-12-01T09:00:00+08:00", false},
		{"2026-12-01T09:00", "", "2026-12-01T09:00:00+08:00", false},
		{"2026-12-01 09:00", "UTC", "2026-12-01T09:00:00Z", false},
		{"2026-12-01T09:00:00-05:00", "Asia/Shanghai", "2026-12-01T09:00:00-05:00", false},
		{"2026-07-01 09:00", "America/New_York", "2026-07-01T09:00:00-04:00", false},
		{"2026-12-01 09:00", "America/New_York", "2026-12-01T09:00:00-05:00", false},
		{"2026-03-08 02:30", "America/New_York", "error", false}, // spring forward: 02:00-03:00 skipped
		{"2026-03-08 03:00", "America/New_York", "2026-03-08T03:00:00-04:00", false},
		{"2026-11-01 01:30", "America/New_York", "2026-11-01T01:30:00-04:00", true}, // fall back: first 01:30 (EDT)
		{"2026-11-01 02:30", "America/New_York", "2026-11-01T02:30:00-05:00", false},
		{"2026-02-30 09:00", "Asia/Shanghai", "error", false},
		{"tomorrow", "Asia/Shanghai", "error", false},
		{"2026-12-01 09:00", "Mars/Olympus", "error", false},
	}
	for _, c := range cases {
		got, amb, err := app.ParseLocalTime(c.in, c.zone)
		if c.want == "error" {
			if err == nil {
				t.Errorf("%s in %s: want an error, got %v", c.in, c.zone, got)
			}
			continue
		}
		if err != nil || got.Format(time.RFC3339) != c.want || amb != c.ambiguous {
			t.Errorf("%s in %s: got %v (ambiguous %v, %v), want %s (ambiguous %v)", c.in, c.zone, got.Format(time.RFC3339), amb, err, c.want, c.ambiguous)
		}
	}
	_, _, err := app.ParseLocalTime("2026-03-08 02:30", "America/New_York")
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("gap message: %v", err)
	}
}

// failingPublisher fails while broken is set, and counts what it exports.
type failingPublisher struct {
	mu     sync.Mutex
	broken bool
	sent   map[string]int
}

func (p *failingPublisher) Publish(_ context.Context, a *app.Article) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.broken {
		return errors.New("portal answered 503")
	}
	if p.sent == nil {
		p.sent = map[string]int{}
	}
	p.sent[a.ID]++
	return nil
}

func scheduled(t *testing.T, svc *app.Service, headline string, at time.Time) *app.Article {
	t.Helper()
	a := mustSave(t, svc, story(headline))
	for _, to := range []app.Status{app.StatusCopyedit, app.StatusReady} {
		if _, err := svc.Transition(bg, a.ID, to, app.TransitionOptions{Author: "Tom", Base: -1}); err != nil {
			t.Fatal(err)
		}
	}
	out, err := svc.Transition(bg, a.ID, app.StatusScheduled, app.TransitionOptions{Author: "Tom", At: &at, Base: -1})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPublishDue(t *testing.T) {
	svc, clk := newDesk(t)
	pub := &failingPublisher{}
	svc.Publisher = pub
	t0 := clk.now()
	due := scheduled(t, svc, "Due", t0.Add(time.Hour))
	notDue := scheduled(t, svc, "Not due", t0.Add(3*time.Hour))
	emb := scheduled(t, svc, "Embargoed", t0.Add(time.Hour))
	until := t0.Add(2 * time.Hour)
	emb.EmbargoUntil = &until
	mustSave(t, svc, emb)

	clk.set(t0.Add(90 * time.Minute))
	dry, err := svc.PublishDue(bg, clk.now(), true, "")
	if err != nil || len(dry.Due) != 1 || dry.Due[0].ID != due.ID || len(dry.Published) != 0 {
		t.Fatalf("dry run: %+v %v", dry, err)
	}
	if a, _ := svc.Article(bg, due.ID); a.Status != app.StatusScheduled {
		t.Fatal("dry run published")
	}

	pub.broken = true
	rep, _ := svc.PublishDue(bg, clk.now(), false, "")
	if len(rep.Failed) != 1 || len(rep.Published) != 0 || len(rep.Skipped) != 1 {
		t.Fatalf("failed target: %+v", rep)
	}
	if a, _ := svc.Article(bg, due.ID); a.Status != app.StatusScheduled {
		t.Fatal("a failed export left the story published")
	}

	pub.broken = false
	rep, _ = svc.PublishDue(bg, clk.now(), false, "")
	if len(rep.Published) != 1 || rep.Published[0].ID != due.ID {
		t.Fatalf("retry: %+v", rep)
	}
	a, _ := svc.Article(bg, due.ID)
	if a.Status != app.StatusPublished || !a.PublishedAt.Equal(clk.now()) {
		t.Fatalf("after publish: %s %v", a.Status, a.PublishedAt)
	}
	rep, _ = svc.PublishDue(bg, clk.now(), false, "")
	if len(rep.Published) != 0 || pub.sent[due.ID] != 1 {
		t.Fatalf("second run published again: %+v, sent %d", rep, pub.sent[due.ID])
	}

	clk.set(t0.Add(150 * time.Minute)) // embargo over, "not due" still ahead
	rep, _ = svc.PublishDue(bg, clk.now(), false, "")
	if len(rep.Published) != 1 || rep.Published[0].ID != emb.ID {
		t.Fatalf("after embargo: %+v", rep)
	}
	if a, _ := svc.Article(bg, notDue.ID); a.Status != app.StatusScheduled {
		t.Fatal("a story not due was published")
	}
}

func TestConcurrentPublishDuePublishesOnce(t *testing.T) {
	svc, clk := newDesk(t)
	pub := &failingPublisher{}
	svc.Publisher = pub
	var ids []string
	for i := 0; i < 5; i++ {
		ids = append(ids, scheduled(t, svc, "Race "+string(rune('A'+i)), clk.now().Add(time.Minute)).ID)
	}
	clk.set(clk.now().Add(2 * time.Minute))
	var wg sync.WaitGroup
	reports := make([]*app.DueReport, 2)
	for i := range reports {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports[i], _ = svc.PublishDue(bg, clk.now(), false, "")
		}()
	}
	wg.Wait()
	published := len(reports[0].Published) + len(reports[1].Published)
	if published != 5 {
		t.Fatalf("two runs published %d stories, want 5 in all", published)
	}
	for _, id := range ids {
		h, _ := svc.History(bg, id)
		n := 0
		for _, r := range h {
			if r.Status == app.StatusPublished {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%s has %d publish revisions", id, n)
		}
	}
}

func TestAgendaGroupsDaysAndFlagsConflicts(t *testing.T) {
	svc, clk := newDesk(t)
	day1 := time.Date(2026, 11, 29, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	scheduled(t, svc, "Lead A", day1)
	scheduled(t, svc, "Lead B", day1.Add(30*time.Second)) // same minute, same section
	scheduled(t, svc, "Later", day1.Add(2*time.Hour))
	scheduled(t, svc, "Next day", day1.Add(24*time.Hour))
	days, err := svc.Agenda(bg, clk.now(), 7, "Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 2 || days[0].Date != "2026-11-29" || len(days[0].Items) != 3 || len(days[1].Items) != 1 {
		t.Fatalf("agenda: %+v", days)
	}
	if !days[0].Items[0].Conflict || !days[0].Items[1].Conflict || days[0].Items[2].Conflict {
		t.Fatalf("conflicts: %+v", days[0].Items)
	}
}
