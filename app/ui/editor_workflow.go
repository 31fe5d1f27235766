package ui

import (
	"context"

	"newsdesk/app"
)

// Transition moves the open article to another status as the workflow
// allows (app.Transitions). Unsaved edits are saved first; a move to ready,
// scheduled or published is checked strictly beforehand, and every problem
// is kept for Problems, so each shows next to its field. A kill needs a
// note; a schedule needs the time from the schedule fields.
func (e *ArticleEditor) Transition(ctx context.Context, to app.Status, note string) (*app.Article, error) {
	e.mu.Lock()
	if e.art == nil {
		e.mu.Unlock()
		return nil, errNothingOpen
	}
	a, dirty := e.art.Clone(), e.dirty
	if to.Strict() {
		e.gate = to
		e.validate()
	}
	problems := e.problems
	e.mu.Unlock()

	if problems != nil {
		return nil, problems
	}
	if to == app.StatusScheduled && a.ScheduledAt == nil {
		err := &app.ValidationError{Problems: []app.FieldError{{Field: "scheduled_at", Message: "pick a date and time to publish"}}}
		e.failed("schedule", err)
		return nil, err
	}
	if a.ID != "" && a.Status == app.StatusPublished && dirty {
		return nil, app.Errorf(app.EINVALID, "save your correction (with its note) or discard it before changing the status")
	}
	if dirty || a.ID == "" {
		if _, err := e.Save(ctx, SaveRequest{Message: "edits before: " + actionLabel(a.Status, to)}); err != nil {
			return nil, err
		}
	}
	e.mu.Lock()
	id, base, gen := e.art.ID, e.base, e.gen
	e.mu.Unlock()

	opt := app.TransitionOptions{Author: e.signer(), Note: note, Base: base}
	if to == app.StatusScheduled {
		opt.At, opt.Zone = a.ScheduledAt, a.TimeZone
	}
	out, err := e.svc.Transition(ctx, id, to, opt)
	if err != nil {
		e.failed("transition", err)
		return nil, err
	}
	e.adopt(ctx, out, gen)
	return out, nil
}

// actionLabel is the desk's verb for a move ("send to copy desk").
func actionLabel(from, to app.Status) string {
	for _, act := range app.Transitions(from) {
		if act.To == to {
			return act.Label
		}
	}
	return string(from) + " -> " + string(to)
}

// Actions returns the status moves the open article offers; none for a new
// or read-only article.
func (e *ArticleEditor) Actions() []app.Action {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.art == nil || readOnlyReason(e.art) != "" {
		return nil
	}
	return app.Transitions(e.art.Status)
}

// validate refreshes problems; the caller holds mu. Drafts are checked for
// soundness only; an article that is (or is about to go) ready, scheduled
// or published is checked for completeness too.
func (e *ArticleEditor) validate() {
	e.problems = nil
	if e.art == nil {
		return
	}
	check := e.art.Clone()
	app.Normalize(check)
	strict := check.Status.Strict() || e.gate.Strict()
	var v *app.ValidationError
	if err := app.Validate(check, e.svc.Rules(), strict); err != nil {
		v = err.(*app.ValidationError)
	}
	if e.schedErr != "" {
		v = mergeProblems(v, &app.ValidationError{Problems: []app.FieldError{{Field: "scheduled_at", Message: e.schedErr}}})
	}
	e.problems = v
}

// Problems returns what validation found, or nil.
func (e *ArticleEditor) Problems() *app.ValidationError {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.problems
}

func mergeProblems(a, b *app.ValidationError) *app.ValidationError {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	seen := map[app.FieldError]bool{}
	out := &app.ValidationError{}
	for _, p := range append(append([]app.FieldError(nil), a.Problems...), b.Problems...) {
		if !seen[p] {
			seen[p] = true
			out.Problems = append(out.Problems, p)
		}
	}
	return out
}
