package history

import (
	"fmt"
	"slices"
	"strings"

	"newsdesk/app"
)

// Change is one place where two texts differ: deleted wording, inserted
// wording or both, between unchanged text. It is what a copy editor steps
// through and accepts or reverts one at a time.
type Change struct {
	// First and Last index the change's ops in TextDiff.Ops (inclusive).
	First, Last int
	// Old and New are the older and newer wording.
	Old, New string
	// OldStart/OldEnd and NewStart/NewEnd are the byte range of the change
	// in the older and the newer text.
	OldStart, OldEnd int
	NewStart, NewEnd int
}

// Changes lists the changes of a diff in reading order.
func (t TextDiff) Changes() []Change {
	var out []Change
	oldAt, newAt := 0, 0
	for i, op := range t.Ops {
		if op.Kind == Equal {
			oldAt += len(op.Text)
			newAt += len(op.Text)
			continue
		}
		if i == 0 || t.Ops[i-1].Kind == Equal {
			out = append(out, Change{First: i, OldStart: oldAt, NewStart: newAt})
		}
		c := &out[len(out)-1]
		c.Last = i
		if op.Kind == Delete {
			c.Old += op.Text
			oldAt += len(op.Text)
		} else {
			c.New += op.Text
			newAt += len(op.Text)
		}
		c.OldEnd, c.NewEnd = oldAt, newAt
	}
	return out
}

// Mix builds a text from the diff that takes, for change i (an index into
// Changes), the older wording when older(i) is true and the newer one
// otherwise. Mix(none) is the newer text and Mix(all) the older one.
func (t TextDiff) Mix(older func(change int) bool) string {
	var sb strings.Builder
	change := -1
	for i, op := range t.Ops {
		if op.Kind != Equal && (i == 0 || t.Ops[i-1].Kind == Equal) {
			change++
		}
		switch op.Kind {
		case Equal:
			sb.WriteString(op.Text)
		case Delete:
			if older(change) {
				sb.WriteString(op.Text)
			}
		case Insert:
			if !older(change) {
				sb.WriteString(op.Text)
			}
		}
	}
	return sb.String()
}

// KeepOlder returns the newer text with change n (an index into Changes)
// put back to its older wording: "accept the older wording" of one change,
// every other change keeping the newer one.
func (t TextDiff) KeepOlder(n int) (string, error) {
	if k := len(t.Changes()); n < 0 || n >= k {
		return "", app.Errorf(app.EINVALID, "change %d does not exist: the comparison has %d changes", n+1, k)
	}
	return t.Mix(func(i int) bool { return i == n }), nil
}

// KeepOlder diffs old and new and returns new with change n back to the
// wording old had.
func KeepOlder(old, new string, n int) (string, error) { return Text(old, new).KeepOlder(n) }

// RevertField puts one field change of a comparison back to its older
// value on cur, the article as it stands now. older is the older side of
// the comparison; the field must still hold the newer value on cur, else
// the editor is reverting something that has moved on since (ECONFLICT).
// Workflow fields (status, schedule, publication) and photos are refused:
// they change through the workflow or the editor, not by wording.
func RevertField(cur, older *app.Article, fc FieldChange) error {
	scalar := func(field *string, was string) error {
		if *field != fc.New {
			return changedSince(fc.Field)
		}
		*field = was
		return nil
	}
	switch fc.Field {
	case "headline":
		return scalar(&cur.Headline, older.Headline)
	case "dek":
		return scalar(&cur.Dek, older.Dek)
	case "slug":
		return scalar(&cur.Slug, older.Slug)
	case "source":
		return scalar(&cur.Source, older.Source)
	case "section":
		return scalar(&cur.Section, older.Section)
	case "language":
		return scalar(&cur.Language, older.Language)
	case "byline":
		if JoinNames(cur.Byline) != fc.New {
			return changedSince(fc.Field)
		}
		cur.Byline = slices.Clone(older.Byline)
		return nil
	case "read_more":
		if readMoreString(cur.ReadMore) != fc.New {
			return changedSince(fc.Field)
		}
		cur.ReadMore = nil
		if older.ReadMore != nil {
			rm := *older.ReadMore
			cur.ReadMore = &rm
		}
		return nil
	case "tags":
		var err error
		cur.Tags, err = revertElement(cur.Tags, older.Tags, fc, func(s string) string { return s })
		return err
	case "contacts":
		var err error
		cur.Contacts, err = revertElement(cur.Contacts, older.Contacts, fc, contactString)
		return err
	case "related":
		var err error
		cur.Related, err = revertElement(cur.Related, older.Related, fc, relatedString)
		return err
	}
	return app.Errorf(app.EINVALID, "%s cannot be put back change by change; restore the whole revision or edit the article", fc.Field)
}

// revertElement undoes one element added to or removed from a list field:
// an added element leaves cur, a removed one comes back from older at the
// place it held there (or at the end).
func revertElement[T any](cur, older []T, fc FieldChange, key func(T) string) ([]T, error) {
	switch fc.Kind {
	case Added:
		i := slices.IndexFunc(cur, func(x T) bool { return key(x) == fc.New })
		if i < 0 {
			return cur, changedSince(fc.Field)
		}
		return slices.Delete(slices.Clone(cur), i, i+1), nil
	case Removed:
		if slices.ContainsFunc(cur, func(x T) bool { return key(x) == fc.Old }) {
			return cur, changedSince(fc.Field)
		}
		j := slices.IndexFunc(older, func(x T) bool { return key(x) == fc.Old })
		if j < 0 {
			return cur, app.Errorf(app.EINVALID, "%s: %q is not in the older revision", fc.Field, fc.Old)
		}
		return slices.Insert(slices.Clone(cur), min(j, len(cur)), older[j]), nil
	}
	return cur, app.Errorf(app.EINVALID, "%s: unknown change %q", fc.Field, fc.Kind)
}

func changedSince(field string) error {
	return app.Errorf(app.ECONFLICT, "%s has changed since this comparison; compare with the current revision and try again", field)
}

// Describe is a change's one-line summary for menus and messages, with
// long wording shortened: `"considered" -> "approved"`.
func (c Change) Describe() string {
	short := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if r := []rune(s); len(r) > 40 {
			return string(r[:39]) + "…"
		}
		return s
	}
	switch {
	case c.Old == "":
		return fmt.Sprintf("inserted %q", short(c.New))
	case c.New == "":
		return fmt.Sprintf("deleted %q", short(c.Old))
	}
	return fmt.Sprintf("%q -> %q", short(c.Old), short(c.New))
}
