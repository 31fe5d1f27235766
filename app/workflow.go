package app

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// transitions lists where each status may go, with the verb the desk uses.
// The forward path is draft -> copyedit -> ready -> scheduled -> published;
// the backward moves are the ones newsrooms need ("send back",
// "unschedule"); a published story is corrected in place (see Correct).
// Any live story can be killed: withdrawn when published, spiked before.
var transitions = map[Status]map[Status]string{
	StatusDraft:     {StatusCopyedit: "send to copy desk", StatusKilled: "spike"},
	StatusCopyedit:  {StatusDraft: "send back", StatusReady: "mark ready", StatusKilled: "spike"},
	StatusReady:     {StatusCopyedit: "send back to copy desk", StatusScheduled: "schedule", StatusPublished: "publish now", StatusKilled: "spike"},
	StatusScheduled: {StatusReady: "unschedule", StatusPublished: "publish", StatusKilled: "spike"},
	StatusPublished: {StatusKilled: "kill"},
	StatusKilled:    {},
}

// Transitions returns the statuses an article in status s may move to, in
// workflow order, with the action's label: what the status menus offer.
func Transitions(s Status) []Action {
	var out []Action
	for _, to := range Statuses {
		if label, ok := transitions[s][to]; ok {
			out = append(out, Action{To: to, Label: label})
		}
	}
	return out
}

// Action is one workflow move offered to an editor.
type Action struct {
	To    Status
	Label string
}

// CheckTransition explains why an article may not move from one status to
// another, or returns nil.
func CheckTransition(from, to Status) error {
	if from == to {
		return Errorf(EINVALID, "the article is already %s", to.Label())
	}
	if _, ok := transitions[from][to]; ok {
		return nil
	}
	var can []string
	for _, a := range Transitions(from) {
		can = append(can, fmt.Sprintf("%s (%s)", a.To, a.Label))
	}
	why := "a killed story stays withdrawn; write a new one"
	if len(can) > 0 {
		why = "from " + string(from) + " it can go to " + strings.Join(can, " or ")
	}
	return Errorf(EINVALID, "cannot move from %s to %s: %s", from, to, why)
}

// TransitionOptions carry the details a move may need.
type TransitionOptions struct {
	Author string
	// Note explains the move; killing requires one (the reason).
	Note string
	// At is the publication time for StatusScheduled, and Zone the IANA
	// zone it was chosen in, which the article keeps (empty: unchanged).
	At   *time.Time
	Zone string
	// Base is the revision the editor saw; negative means the latest.
	Base int
	// Now is when the move happens (published_at, the past-schedule
	// check); zero means the service clock. publish-due --now sets it.
	Now time.Time
}

// Transition moves an article to another status as a new revision that
// records who, when and the move. Moving to ready, scheduled or published
// passes the article through the strict validation, which lists every
// problem at once.
func (s *Service) Transition(ctx context.Context, id string, to Status, opt TransitionOptions) (*Article, error) {
	a, err := s.Store.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	if a.Deleted {
		return nil, Errorf(EINVALID, "article %s is in the Trash; undelete it first", id)
	}
	if _, err := ParseStatus(string(to)); err != nil {
		return nil, Errorf(EINVALID, "%v", err)
	}
	from := a.Status
	if err := CheckTransition(from, to); err != nil {
		return nil, err
	}
	note := strings.TrimSpace(opt.Note)
	now := opt.Now
	if now.IsZero() {
		now = s.now()
	}
	switch to {
	case StatusScheduled:
		if opt.At == nil {
			return nil, Errorf(EINVALID, "scheduled_at: say when to publish")
		}
		if !opt.At.After(now) {
			return nil, Errorf(EINVALID, "scheduled_at: %s is in the past; publish now instead, or pick a later time",
				opt.At.In(a.Location()).Format("2006-01-02 15:04 MST"))
		}
		t := *opt.At
		a.ScheduledAt = &t
		if opt.Zone != "" {
			a.TimeZone = opt.Zone
		}
	case StatusReady:
		a.ScheduledAt = nil // unscheduling forgets the time
	case StatusPublished:
		if a.EmbargoUntil != nil && now.Before(*a.EmbargoUntil) {
			return nil, Errorf(EINVALID, "embargo_until: the story is embargoed until %s",
				a.EmbargoUntil.In(a.Location()).Format("2006-01-02 15:04 MST"))
		}
		a.PublishedAt = &now
	case StatusKilled:
		if note == "" {
			return nil, Errorf(EINVALID, "note: say why the story is killed")
		}
		a.Note = note
	}
	a.Status = to
	msg := fmt.Sprintf("%s -> %s", from, to)
	if note != "" {
		msg += ": " + note
	}
	base := opt.Base
	if base < 0 {
		base = a.Revision
	}
	return s.Save(ctx, a, SaveOptions{Author: opt.Author, Message: msg, Base: base})
}

// Correct saves a change to a published story as a correction: the story
// stays published, and the note (required) is kept on the article and in
// the revision message, so readers and the copy desk see what was fixed.
func (s *Service) Correct(ctx context.Context, a *Article, note string, opt SaveOptions) (*Article, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return nil, Errorf(EINVALID, "note: a correction needs a note saying what was corrected")
	}
	cur, err := s.Store.Article(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	if cur.Status != StatusPublished || a.Status != StatusPublished {
		return nil, Errorf(EINVALID, "only a published story is corrected; this one is %s", cur.Status)
	}
	a = a.Clone()
	a.Note = note
	opt.Message = "correction: " + note
	return s.Save(ctx, a, opt)
}

// BulkResult is the outcome of one article in a bulk action.
type BulkResult struct {
	ID       string `json:"id"`
	Headline string `json:"headline,omitempty"`
	Revision int    `json:"revision,omitempty"`
	Error    string `json:"error,omitempty"`
}

// TransitionMany moves several articles, each in its own revision, and
// reports every outcome: one failure does not stop the others.
func (s *Service) TransitionMany(ctx context.Context, ids []string, to Status, opt TransitionOptions) ([]BulkResult, bool) {
	ok := true
	out := make([]BulkResult, len(ids))
	for i, id := range ids {
		out[i].ID = id
		a, err := s.Transition(ctx, id, to, opt)
		if err != nil {
			out[i].Error = err.Error()
			ok = false
			continue
		}
		out[i].Headline, out[i].Revision = a.Headline, a.Revision
	}
	return out, ok
}
