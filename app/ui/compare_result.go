package ui

import (
	"fmt"

	"newsdesk/app"
	"newsdesk/app/history"
)

// CompareResult is two revisions of one article compared, with the
// changes a copy editor steps through: field changes first, in the order
// the editor shows the fields, then the body's changes in reading order.
type CompareResult struct {
	ID       string
	Old, New *app.Revision // Old.Number is 0 for the empty article
	history.Comparison
	Changes []ReviewChange
}

// ReviewChange is one change of a comparison.
type ReviewChange struct {
	// Field is set for a field change; Body then is -1. Otherwise Body
	// indexes Comparison.Body.Changes().
	Field *history.FieldChange
	Body  int
	// Label says what changed in one line, for the status line.
	Label string
}

func newCompareResult(id string, older, newer *app.Revision) *CompareResult {
	cmp := history.Compare(older.Article, newer.Article)
	cmp.OldRevision, cmp.NewRevision = older.Number, newer.Number
	res := &CompareResult{ID: id, Old: older, New: newer, Comparison: cmp}
	for i := range cmp.Fields {
		f := &res.Comparison.Fields[i]
		res.Changes = append(res.Changes, ReviewChange{Field: f, Body: -1, Label: f.String()})
	}
	for i, c := range cmp.Body.Changes() {
		res.Changes = append(res.Changes, ReviewChange{Body: i, Label: "body: " + c.Describe()})
	}
	return res
}

// label names one side for titles and the shared page:
// "revision 3 by Li Na, 2026-11-28 09:00 CST".
func (r *CompareResult) label(rev *app.Revision) string {
	if rev.Number == 0 {
		return "the empty article"
	}
	return fmt.Sprintf("revision %d by %s, %s", rev.Number, rev.Author, rev.Time.In(rev.Article.Location()).Format(histTimeLayout))
}

// Title is the comparison's heading.
func (r *CompareResult) Title() string {
	return fmt.Sprintf("From %s to %s", r.label(r.Old), r.label(r.New))
}

// Notice says what a reader should know beyond the changes: nothing
// changed, or part of the diff was coarsened by its time limit.
func (r *CompareResult) Notice() string {
	switch {
	case len(r.Changes) == 0 && r.Old.Number == r.New.Number:
		return "This is the same revision on both sides."
	case len(r.Changes) == 0:
		return "Nothing differs between these revisions."
	case r.Body.Degraded:
		return "Part of this comparison took too long to align word by word and is shown as whole passages replaced."
	}
	return ""
}

// Position describes change i for the review bar: "Change 2 of 7 · body: ...".
func (r *CompareResult) Position(i int) string {
	if len(r.Changes) == 0 {
		return "No changes"
	}
	if i < 0 || i >= len(r.Changes) {
		return fmt.Sprintf("%d changes", len(r.Changes))
	}
	return fmt.Sprintf("Change %d of %d · %s", i+1, len(r.Changes), r.Changes[i].Label)
}

// Revertible reports whether change i can be put back by wording, and if
// not, why (status and schedule move through the workflow).
func (r *CompareResult) Revertible(i int) (bool, string) {
	if i < 0 || i >= len(r.Changes) {
		return false, "select a change first"
	}
	f := r.Changes[i].Field
	if f == nil {
		return true, ""
	}
	switch f.Field {
	case "headline", "dek", "slug", "source", "section", "language", "byline", "read_more", "tags", "contacts", "related":
		return true, ""
	}
	return false, f.Field + " changes through the workflow or the editor; restore the whole revision instead"
}
