package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"newsdesk/app"
)

// SchedulerClock is the scheduler's sense of time, so tests can move it
// by hand instead of waiting.
type SchedulerClock interface {
	Now() time.Time
	// After delivers once d has passed.
	After(d time.Duration) <-chan time.Time
}

type wallClock struct{}

func (wallClock) Now() time.Time                         { return time.Now() }
func (wallClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// MissedPolicy says what happens to stories that fell due while Newsdesk
// was closed: published at start, or listed for the editor to confirm.
type MissedPolicy string

// The missed-schedule policies.
const (
	MissedAsk     MissedPolicy = "ask"
	MissedPublish MissedPolicy = "publish"
)

// missedSetting is the store setting holding the MissedPolicy. It lives in
// the store, so every desk sharing a backup behaves alike.
const missedSetting = "scheduler.missed"

// LoadMissedPolicy reads the policy; unset means ask.
func LoadMissedPolicy(ctx context.Context, svc *app.Service) (MissedPolicy, error) {
	raw, err := svc.Store.Setting(ctx, missedSetting)
	if app.ErrorCode(err) == app.ENOTFOUND {
		return MissedAsk, nil
	}
	if err != nil {
		return MissedAsk, fmt.Errorf("read %s: %w", missedSetting, err)
	}
	var p MissedPolicy
	if err := json.Unmarshal(raw, &p); err != nil || (p != MissedAsk && p != MissedPublish) {
		return MissedAsk, fmt.Errorf("setting %s holds %q, want \"ask\" or \"publish\"", missedSetting, raw)
	}
	return p, nil
}

// SaveMissedPolicy stores the policy.
func SaveMissedPolicy(ctx context.Context, svc *app.Service, p MissedPolicy) error {
	if p != MissedAsk && p != MissedPublish {
		return app.Errorf(app.EINVALID, "missed schedules: %q is not a policy (ask or publish)", p)
	}
	raw, _ := json.Marshal(p)
	if err := svc.Store.PutSetting(ctx, missedSetting, raw); err != nil {
		return fmt.Errorf("save %s: %w", missedSetting, err)
	}
	return nil
}

// MissedStory is a story that fell due while Newsdesk was closed.
type MissedStory struct {
	app.BulkResult
	ScheduledAt time.Time // in the story's zone
}

// Scheduler publishes scheduled stories while the app is open. It looks at
// the store at least every Interval and exactly when the next story falls
// due, publishes through app.Service.PublishDue (which a second run, the
// CLI's cron job or another desk cannot make publish twice), and reports
// on the UI goroutine with a desktop notification.
type Scheduler struct {
	svc    *app.Service
	author string
	clock  SchedulerClock
	log    *slog.Logger
	do     func(func())
	notify func(*fyne.Notification)

	// Interval is the longest sleep between two looks at the store: a
	// story scheduled from newsdeskctl, or whose embargo ends, goes out at
	// most this late. Set it before Start.
	Interval time.Duration
	// OnReport is called on the UI goroutine after a run that published
	// or failed something.
	OnReport func(*app.DueReport)
	// OnMissed is called on the UI goroutine at start when stories fell
	// due while the app was closed and the policy is to ask. They wait
	// until PublishMissed; the other due stories wait with them, since
	// publishing runs in schedule order.
	OnMissed func(missed []MissedStory)

	mu       sync.Mutex
	held     map[string]bool   // missed stories waiting for the editor
	notified map[string]string // id -> the failure already notified
	wake     chan struct{}
	cancel   context.CancelFunc
	done     chan struct{}
}

// NewScheduler returns a scheduler signing its publications as author.
func NewScheduler(svc *app.Service, author string) *Scheduler {
	return newScheduler(svc, author, wallClock{}, nil)
}

func newScheduler(svc *app.Service, author string, clock SchedulerClock, do func(func())) *Scheduler {
	if do == nil {
		do = fyne.Do
	}
	log := svc.Log
	if log == nil {
		log = slog.Default()
	}
	return &Scheduler{
		svc: svc, author: author, clock: clock, log: log, do: do, Interval: 5 * time.Second,
		notify:   func(n *fyne.Notification) { fyne.CurrentApp().SendNotification(n) },
		notified: map[string]string{}, wake: make(chan struct{}, 1),
	}
}

// Start runs the scheduler until Stop. It first looks for missed schedules.
func (s *Scheduler) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.done = cancel, make(chan struct{})
	go func() {
		defer close(s.done)
		s.checkMissed(ctx)
		for ctx.Err() == nil {
			s.Tick(ctx)
			select {
			case <-ctx.Done():
			case <-s.clock.After(s.nextWait(ctx)):
			case <-s.wake:
			}
		}
	}()
}

// Stop ends the scheduler and waits for a run in flight.
func (s *Scheduler) Stop() {
	if s.cancel != nil {
		s.cancel()
		<-s.done
	}
}

// Wake makes the scheduler look at the store now: a story was scheduled
// or unscheduled in this window.
func (s *Scheduler) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// PublishMissed releases the missed stories the editor confirmed.
func (s *Scheduler) PublishMissed() {
	s.mu.Lock()
	s.held = nil
	s.mu.Unlock()
	s.Wake()
}

// Holding reports how many missed stories wait for the editor.
func (s *Scheduler) Holding() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.held)
}

// checkMissed finds the stories due before the app opened. With the
// policy "publish", the first run publishes them; with "ask", they are
// held and the editor is asked.
func (s *Scheduler) checkMissed(ctx context.Context) {
	rep, err := s.svc.PublishDue(ctx, s.clock.Now(), true, s.author)
	if err != nil || len(rep.Due) == 0 {
		if err != nil {
			s.log.Error("scheduler: missed schedules", "err", err)
		}
		return
	}
	policy, err := LoadMissedPolicy(ctx, s.svc)
	if err != nil {
		s.log.Warn("scheduler: missed-schedule policy, asking", "err", err)
	}
	if policy == MissedPublish {
		s.log.Info("scheduler: publishing missed schedules", "stories", len(rep.Due))
		return
	}
	missed := make([]MissedStory, 0, len(rep.Due))
	held := map[string]bool{}
	for _, r := range rep.Due {
		m := MissedStory{BulkResult: r}
		if sum, err := s.svc.Store.Summary(ctx, r.ID); err == nil && sum.ScheduledAt != nil {
			m.ScheduledAt = sum.ScheduledAt.In(zone(sum.TimeZone))
		}
		missed = append(missed, m)
		held[r.ID] = true
	}
	s.mu.Lock()
	s.held = held
	s.mu.Unlock()
	s.log.Info("scheduler: missed schedules wait for confirmation", "stories", len(missed))
	s.do(func() {
		if s.OnMissed != nil {
			s.OnMissed(missed)
		}
	})
}

// Tick publishes what is due now, unless missed stories are held, and
// returns what it did (nil when it did not run).
func (s *Scheduler) Tick(ctx context.Context) *app.DueReport {
	now := s.clock.Now()
	if s.holding(ctx, now) {
		return nil
	}
	rep, err := s.svc.PublishDue(ctx, now, false, s.author)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("scheduler: publish due", "err", err)
		}
		return nil
	}
	var notes []*fyne.Notification
	s.mu.Lock()
	for _, r := range rep.Published {
		delete(s.notified, r.ID)
		notes = append(notes, fyne.NewNotification("Published", headlineOrPlaceholder(r.Headline)))
		s.log.Info("scheduler: published", "id", r.ID, "revision", r.Revision)
	}
	for _, r := range rep.Failed {
		// A failing export is retried every run; say so once, not every
		// five seconds.
		if s.notified[r.ID] != r.Error {
			s.notified[r.ID] = r.Error
			notes = append(notes, fyne.NewNotification("Scheduled publish failed",
				headlineOrPlaceholder(r.Headline)+": "+r.Error))
		}
		s.log.Warn("scheduler: publish failed", "id", r.ID, "err", r.Error)
	}
	s.mu.Unlock()
	if len(notes) > 0 || len(rep.Failed) > 0 {
		s.do(func() {
			for _, n := range notes {
				s.notify(n)
			}
			if s.OnReport != nil {
				s.OnReport(rep)
			}
		})
	}
	return rep
}

// holding reports whether held missed stories are still due; once none
// is (the editor unscheduled or moved them), the hold ends.
func (s *Scheduler) holding(ctx context.Context, now time.Time) bool {
	s.mu.Lock()
	held := s.held
	s.mu.Unlock()
	if len(held) == 0 {
		return false
	}
	rep, err := s.svc.PublishDue(ctx, now, true, s.author)
	if err != nil {
		return true
	}
	for _, r := range rep.Due {
		if held[r.ID] {
			return true
		}
	}
	s.mu.Lock()
	s.held = nil
	s.mu.Unlock()
	return false
}

// nextWait is how long to sleep: until the next story falls due, at most
// Interval.
func (s *Scheduler) nextWait(ctx context.Context) time.Duration {
	d := s.Interval
	now := s.clock.Now()
	res, err := s.svc.List(ctx, app.Filter{Status: app.StatusScheduled, Sort: app.SortScheduled, Ascending: true,
		ScheduledFrom: now.Add(time.Nanosecond), Limit: 1})
	if err == nil && len(res.Items) > 0 && res.Items[0].ScheduledAt != nil {
		if until := res.Items[0].ScheduledAt.Sub(now); until < d {
			d = until
		}
	}
	return max(d, time.Millisecond)
}
