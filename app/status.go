package app

import "fmt"

// Status is where an article stands in the newsroom's workflow.
type Status string

// The workflow statuses, in order.
const (
	StatusDraft     Status = "draft"
	StatusCopyedit  Status = "copyedit"
	StatusReady     Status = "ready"
	StatusScheduled Status = "scheduled"
	StatusPublished Status = "published"
	StatusKilled    Status = "killed"
)

// Statuses lists every status in workflow order, for menus and counts.
var Statuses = []Status{StatusDraft, StatusCopyedit, StatusReady, StatusScheduled, StatusPublished, StatusKilled}

// ParseStatus accepts a status name; the empty string means draft.
func ParseStatus(s string) (Status, error) {
	if s == "" {
		return StatusDraft, nil
	}
	for _, st := range Statuses {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown status %q (want one of draft, copyedit, ready, scheduled, published, killed)", s)
}

// Strict reports whether an article in this status must pass the full
// validation (credits, byline, section...). Drafts may be incomplete.
func (s Status) Strict() bool {
	switch s {
	case StatusReady, StatusScheduled, StatusPublished:
		return true
	}
	return false
}

// Label is the desk name shown to people.
func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "Draft"
	case StatusCopyedit:
		return "Copy desk"
	case StatusReady:
		return "Ready"
	case StatusScheduled:
		return "Scheduled"
	case StatusPublished:
		return "Published"
	case StatusKilled:
		return "Killed"
	}
	return string(s)
}
