package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"newsdesk/app"
)

// BulkAction is one move the desk applies to many stories at once.
type BulkAction struct {
	// Label is the button's text ("Mark ready"); Past reads in the report
	// ("marked ready").
	Label, Past string
	To          app.Status
	// From lists the statuses the action applies to. A story elsewhere is
	// reported and left alone: "mark ready" must not unschedule a story
	// that happens to be selected too, although the workflow would allow
	// scheduled -> ready.
	From []app.Status
}

// The bulk actions of the article list.
var (
	BulkSendToCopyDesk = BulkAction{Label: "Send to copy desk", Past: "sent to the copy desk", To: app.StatusCopyedit,
		From: []app.Status{app.StatusDraft, app.StatusReady}}
	BulkMarkReady  = BulkAction{Label: "Mark ready", Past: "marked ready", To: app.StatusReady, From: []app.Status{app.StatusCopyedit}}
	BulkSchedule   = BulkAction{Label: "Schedule at…", Past: "scheduled", To: app.StatusScheduled, From: []app.Status{app.StatusReady}}
	BulkUnschedule = BulkAction{Label: "Unschedule", Past: "unscheduled", To: app.StatusReady, From: []app.Status{app.StatusScheduled}}
)

// BulkActions lists the bulk actions in workflow order.
func BulkActions() []BulkAction {
	return []BulkAction{BulkSendToCopyDesk, BulkMarkReady, BulkSchedule, BulkUnschedule}
}

// BulkReport is the outcome of one bulk action, one result per story in
// the order they were selected.
type BulkReport struct {
	Action  BulkAction
	Results []app.BulkResult
}

// Failed counts the stories that did not move.
func (r BulkReport) Failed() int {
	n := 0
	for _, x := range r.Results {
		if x.Error != "" {
			n++
		}
	}
	return n
}

// Summary is the report's headline: "3 of 4 stories marked ready; 1 failed."
func (r BulkReport) Summary() string {
	ok := len(r.Results) - r.Failed()
	s := fmt.Sprintf("%d of %s %s", ok, storyCount(len(r.Results)), r.Action.Past)
	if f := r.Failed(); f > 0 {
		return s + fmt.Sprintf("; %d failed.", f)
	}
	return s + "."
}

// Lines are the report's rows: "✓ Headline: revision 5" or
// "✗ Headline: why not".
func (r BulkReport) Lines() []string {
	out := make([]string, len(r.Results))
	for i, x := range r.Results {
		h := headlineOrPlaceholder(x.Headline)
		if x.Error != "" {
			out[i] = fmt.Sprintf("✗ %s: %s", h, x.Error)
		} else {
			out[i] = fmt.Sprintf("✓ %s: revision %d", h, x.Revision)
		}
	}
	return out
}

// RunBulk applies action to the stories ids. Stories in a status the
// action does not apply to are reported and left alone; the others move
// through the service one revision each, so one failure (a missing credit)
// stops none of the others.
func RunBulk(ctx context.Context, svc *app.Service, ids []string, action BulkAction, opt app.TransitionOptions) BulkReport {
	rep := BulkReport{Action: action, Results: make([]app.BulkResult, len(ids))}
	var move []string
	var at []int
	for i, id := range ids {
		r := &rep.Results[i]
		r.ID = id
		sum, err := svc.Store.Summary(ctx, id)
		switch {
		case err != nil:
			r.Error = userMessage(err)
		case sum.Deleted:
			r.Headline, r.Error = sum.Headline, "is in the Trash"
		case !slices.Contains(action.From, sum.Status):
			r.Headline, r.Error = sum.Headline, fmt.Sprintf("is %s; %q applies to %s", sum.Status.Label(), strings.TrimSuffix(action.Label, "…"), statusList(action.From))
		default:
			r.Headline = sum.Headline
			move = append(move, id)
			at = append(at, i)
		}
	}
	if len(move) > 0 {
		res, _ := svc.TransitionMany(ctx, move, action.To, opt)
		for j, x := range res {
			r := &rep.Results[at[j]]
			r.Revision, r.Error = x.Revision, userMessageText(x.Error)
		}
	}
	return rep
}

// userMessageText trims the wrapping context ("save \"X\": ") the service
// puts before a validation message: the report already names the story.
func userMessageText(s string) string {
	if i := strings.Index(s, "\": "); i > 0 && strings.HasPrefix(s, "save \"") {
		return s[i+3:]
	}
	return s
}

// storyCount is "1 story", "3 stories".
func storyCount(n int) string {
	if n == 1 {
		return "1 story"
	}
	return fmt.Sprintf("%d stories", n)
}

func statusList(ss []app.Status) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = strings.ToLower(s.Label())
	}
	return app.JoinNames(names) + " stories"
}

// Selection is the set of stories a bulk action applies to, with the
// gestures of a file manager: a click selects one story, Ctrl (Cmd on
// macOS) + click adds or removes one, Shift + click selects the run from
// the last clicked story. It belongs to the UI goroutine.
type Selection struct {
	set    map[string]bool
	anchor string
	// OnChanged is called after every change.
	OnChanged func()
}

// NewSelection returns an empty selection.
func NewSelection() *Selection { return &Selection{set: map[string]bool{}} }

// Click applies a click with modifiers on story id; order is the listing.
func (s *Selection) Click(id string, mod fyne.KeyModifier, order []string) {
	switch {
	case mod&fyne.KeyModifierShift != 0 && s.anchor != "":
		a, b := slices.Index(order, s.anchor), slices.Index(order, id)
		if a >= 0 && b >= 0 {
			if mod&fyne.KeyModifierShortcutDefault == 0 {
				clear(s.set)
			}
			for _, x := range order[min(a, b) : max(a, b)+1] {
				s.set[x] = true
			}
			s.changed()
			return
		}
		fallthrough
	case mod&fyne.KeyModifierShortcutDefault != 0:
		s.Toggle(id)
		return
	default:
		clear(s.set)
		s.set[id] = true
	}
	s.anchor = id
	s.changed()
}

// Toggle adds id or removes it, and makes it the anchor of Shift+click.
func (s *Selection) Toggle(id string) {
	if s.set[id] {
		delete(s.set, id)
	} else {
		s.set[id] = true
	}
	s.anchor = id
	s.changed()
}

// SelectAll selects every story of the listing.
func (s *Selection) SelectAll(order []string) {
	for _, id := range order {
		s.set[id] = true
	}
	s.changed()
}

// Clear empties the selection.
func (s *Selection) Clear() {
	clear(s.set)
	s.anchor = ""
	s.changed()
}

// Has reports whether id is selected.
func (s *Selection) Has(id string) bool { return s.set[id] }

// Len counts the selected stories.
func (s *Selection) Len() int { return len(s.set) }

// IDs returns the selected stories in listing order; stories no longer
// listed (moved to another desk by a reload) are not acted on.
func (s *Selection) IDs(order []string) []string {
	var out []string
	for _, id := range order {
		if s.set[id] {
			out = append(out, id)
		}
	}
	return out
}

// Prune forgets stories that are no longer listed.
func (s *Selection) Prune(order []string) {
	keep := make(map[string]bool, len(s.set))
	for _, id := range order {
		if s.set[id] {
			keep[id] = true
		}
	}
	if len(keep) != len(s.set) {
		s.set = keep
		s.changed()
	}
}

func (s *Selection) changed() {
	if s.OnChanged != nil {
		s.OnChanged()
	}
}
