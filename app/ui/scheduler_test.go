package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// manualClock is a SchedulerClock the test moves by hand. Every After
// call is reported on sleeps, so a test knows when the scheduler has
// finished a run and gone back to sleep, and for how long.
type manualClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []manualWaiter
	sleeps  chan time.Duration
}

type manualWaiter struct {
	at time.Time
	ch chan time.Time
}

func newManualClock(now time.Time) *manualClock {
	return &manualClock{now: now, sleeps: make(chan time.Duration, 64)}
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	ch := make(chan time.Time, 1)
	c.waiters = append(c.waiters, manualWaiter{at: c.now.Add(d), ch: ch})
	c.mu.Unlock()
	c.sleeps <- d
	return ch
}

// Advance moves the clock and wakes the sleepers whose time has come.
func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if !w.at.After(c.now) {
			w.ch <- c.now
		} else {
			kept = append(kept, w)
		}
	}
	c.waiters = kept
}

// sleep waits until the scheduler goes to sleep and returns for how long.
func (c *manualClock) sleep(t *testing.T) time.Duration {
	t.Helper()
	select {
	case d := <-c.sleeps:
		return d
	case <-time.After(20 * time.Second): // a hang guard, not a timing
		t.Fatal("the scheduler did not go back to sleep")
		return 0
	}
}

// scheduledStory saves a ready story scheduled at at and returns its id.
func scheduledStory(t *testing.T, svc *app.Service, headline string, at time.Time) string {
	t.Helper()
	ctx := context.Background()
	a := deskSave(t, svc, &app.Article{Headline: headline, Byline: []string{"Li Na"}, Section: "Economy",
		Body: "Port traffic rose. 港口吞吐量回升。", Status: app.StatusDraft}, "Li Na", "draft")
	for _, s := range []app.Status{app.StatusCopyedit, app.StatusReady, app.StatusScheduled} {
		opt := app.TransitionOptions{Author: "Li Na", Base: -1}
		if s == app.StatusScheduled {
			opt.At = &at
		}
		if _, err := svc.Transition(ctx, a.ID, s, opt); err != nil {
			t.Fatalf("move to %s: %v", s, err)
		}
	}
	return a.ID
}

// publications counts the revisions that published story id.
func publications(t *testing.T, svc *app.Service, id string) int {
	t.Helper()
	h, err := svc.History(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range h {
		if r.Status == app.StatusPublished && r.StatusFrom == app.StatusScheduled {
			n++
		}
	}
	return n
}

func TestSchedulerFiresAtDueTime(t *testing.T) {
	test.NewTempApp(t)
	svc, _ := deskService(t)
	start := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	due := start.Add(3 * time.Second)
	id := scheduledStory(t, svc, "Port traffic rebounds", due)

	clock := newManualClock(start)
	loop := &deskLoop{}
	s := newScheduler(svc, "scheduler", clock, loop.do)
	var reports []*app.DueReport
	s.OnReport = func(r *app.DueReport) { reports = append(reports, r) }
	s.Start()
	defer s.Stop()

	if d := clock.sleep(t); d != 3*time.Second {
		t.Fatalf("first sleep %v, want exactly until the story is due (3s)", d)
	}
	clock.Advance(3 * time.Second)
	if d := clock.sleep(t); d != 5*time.Second {
		t.Errorf("sleep after publishing %v, want the 5s interval", d)
	}
	a, _ := svc.Article(context.Background(), id)
	if a.Status != app.StatusPublished || !a.PublishedAt.Equal(due) {
		t.Fatalf("story is %s, published at %v; want published at %v", a.Status, a.PublishedAt, due)
	}
	test.AssertNotificationSent(t, &fyne.Notification{Title: "Published", Content: "Port traffic rebounds"}, func() {
		loop.settle()
	})
	if len(reports) != 1 || len(reports[0].Published) != 1 {
		t.Fatalf("reports: %+v", reports)
	}

	// Another run at the same time, here or from newsdeskctl, finds
	// nothing left to publish.
	again := newScheduler(svc, "cron", clock, loop.do)
	if rep := again.Tick(context.Background()); len(rep.Published) != 0 {
		t.Errorf("a second run published %+v", rep.Published)
	}
	if n := publications(t, svc, id); n != 1 {
		t.Errorf("published %d times", n)
	}
}

func TestSchedulersRacingPublishOnce(t *testing.T) {
	svc, _ := deskService(t)
	due := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	ids := []string{scheduledStory(t, svc, "One", due), scheduledStory(t, svc, "Two", due.Add(time.Second))}
	clock := newManualClock(due.Add(time.Minute))
	var wg sync.WaitGroup
	published := make([]int, 2)
	for i := range published {
		s := newScheduler(svc, "scheduler", clock, func(func()) {})
		wg.Add(1)
		go func() {
			defer wg.Done()
			published[i] = len(s.Tick(context.Background()).Published)
		}()
	}
	wg.Wait()
	if published[0]+published[1] != 2 {
		t.Errorf("the two runs published %v stories, want 2 in all", published)
	}
	for _, id := range ids {
		if n := publications(t, svc, id); n != 1 {
			t.Errorf("story %s published %d times", id, n)
		}
	}
}

func TestSchedulerAsksAboutMissedSchedules(t *testing.T) {
	test.NewTempApp(t)
	svc, _ := deskService(t)
	opened := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	id := scheduledStory(t, svc, "Missed while closed", opened.Add(-time.Hour))

	clock := newManualClock(opened)
	loop := &deskLoop{}
	s := newScheduler(svc, "scheduler", clock, loop.do)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(900, 700))
	s.OnMissed = func(m []MissedStory) { showMissedDialog(w, s, svc, m) }
	s.Start()
	defer s.Stop()

	clock.sleep(t)
	loop.settle()
	if s.Holding() != 1 {
		t.Fatalf("holding %d stories, want the missed one", s.Holding())
	}
	if a, _ := svc.Article(context.Background(), id); a.Status != app.StatusScheduled {
		t.Fatalf("a missed story was published before anyone was asked (policy ask): %s", a.Status)
	}
	over := w.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("no question about missed schedules")
	}
	assertShown(t, over, "1 story fell due while Newsdesk was closed", "Missed while closed — due Tue Dec 1, 2026 08:00 CST")

	// Publish now, and from now on without asking.
	var always *widget.Check
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Check:
			always = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(over)
	test.Tap(always)
	tapButton(t, over, "Publish now")
	clock.sleep(t)
	if a, _ := svc.Article(context.Background(), id); a.Status != app.StatusPublished {
		t.Fatalf("after Publish now the story is %s", a.Status)
	}
	if p, err := LoadMissedPolicy(context.Background(), svc); err != nil || p != MissedPublish {
		t.Errorf("policy = %q, %v; want publish", p, err)
	}
}

func TestSchedulerPublishesMissedWhenTold(t *testing.T) {
	test.NewTempApp(t)
	svc, _ := deskService(t)
	ctx := context.Background()
	if p, _ := LoadMissedPolicy(ctx, svc); p != MissedAsk {
		t.Fatalf("default policy %q, want ask", p)
	}
	if err := SaveMissedPolicy(ctx, svc, MissedPublish); err != nil {
		t.Fatal(err)
	}
	if err := SaveMissedPolicy(ctx, svc, "sometimes"); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("an unknown policy was saved: %v", err)
	}
	opened := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	id := scheduledStory(t, svc, "Missed while closed", opened.Add(-time.Hour))
	clock := newManualClock(opened)
	loop := &deskLoop{}
	s := newScheduler(svc, "scheduler", clock, loop.do)
	asked := false
	s.OnMissed = func([]MissedStory) { asked = true }
	s.Start()
	clock.sleep(t)
	s.Stop()
	loop.settle()
	if asked || s.Holding() != 0 {
		t.Error("asked although the policy is to publish")
	}
	if a, _ := svc.Article(ctx, id); a.Status != app.StatusPublished || !a.PublishedAt.Equal(opened) {
		t.Errorf("missed story: %s at %v, want published at start", a.Status, a.PublishedAt)
	}
}

// portalPush sends a story as JSON to a portal over HTTP, as a push export
// target does, and fails when the portal does not take it.
type portalPush struct{ url string }

func (p portalPush) Publish(ctx context.Context, a *app.Article) error {
	body, err := json.Marshal(a)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("portal answered %s", resp.Status)
	}
	return nil
}

// TestSchedulerFailedPublishStaysScheduledAndNotifiesOnce runs the
// scheduler against a portal that is down twice, then back.
func TestSchedulerFailedPublishStaysScheduledAndNotifiesOnce(t *testing.T) {
	var mu sync.Mutex
	down := 2
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if down > 0 {
			down--
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}))
	defer portal.Close()

	svc, _ := deskService(t)
	due := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	id := scheduledStory(t, svc, "Port traffic rebounds", due)
	svc.Publisher = portalPush{url: portal.URL}
	loop := &deskLoop{}
	s := newScheduler(svc, "scheduler", newManualClock(due), loop.do)
	var notes []string
	s.notify = func(n *fyne.Notification) { notes = append(notes, n.Title+": "+n.Content) }

	for run := 1; run <= 3; run++ {
		rep := s.Tick(context.Background())
		loop.settle()
		a, _ := svc.Article(context.Background(), id)
		if run < 3 && (len(rep.Failed) != 1 || a.Status != app.StatusScheduled) {
			t.Fatalf("run %d with the portal down: %+v, story %s", run, rep, a.Status)
		}
		if run == 3 && (len(rep.Published) != 1 || a.Status != app.StatusPublished) {
			t.Fatalf("run 3 with the portal back: %+v, story %s", rep, a.Status)
		}
	}
	want := []string{
		"Scheduled publish failed: Port traffic rebounds: export to the portal failed, the story stays scheduled: portal answered 503 Service Unavailable",
		"Published: Port traffic rebounds",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notifications:\n%q\nwant\n%q", notes, want)
	}
}
