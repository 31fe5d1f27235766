package history

import (
	"fmt"
	"slices"
	"time"

	"newsdesk/app"
)

// Change kinds of a field.
const (
	Changed = "changed"
	Added   = "added"
	Removed = "removed"
)

// FieldChange is one field that differs between two revisions, shown as
// old -> new. List fields (tags, photos, contacts, related) report each
// element added or removed, so "tag NPC removed" reads as such.
type FieldChange struct {
	Field string `json:"field"`
	Kind  string `json:"kind"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
}

func (f FieldChange) String() string {
	switch f.Kind {
	case Added:
		return fmt.Sprintf("%s: added %s", f.Field, f.New)
	case Removed:
		return fmt.Sprintf("%s: removed %s", f.Field, f.Old)
	}
	return fmt.Sprintf("%s: %s -> %s", f.Field, orNone(f.Old), orNone(f.New))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return fmt.Sprintf("%q", s)
}

// Comparison is everything that differs between two revisions.
type Comparison struct {
	OldRevision int           `json:"old_revision"`
	NewRevision int           `json:"new_revision"`
	Fields      []FieldChange `json:"fields"`
	Body        TextDiff      `json:"body"`
}

// Compare diffs two states of an article, fields first, then the body.
func Compare(old, new *app.Article) Comparison {
	return Comparison{OldRevision: old.Revision, NewRevision: new.Revision, Fields: Fields(old, new), Body: Text(old.Body, new.Body)}
}

// Fields lists the field changes from old to new, in the order the editor
// shows the fields. Times are shown in each side's own time zone.
func Fields(old, new *app.Article) []FieldChange {
	var out []FieldChange
	scalar := func(field, a, b string) {
		if a != b {
			out = append(out, FieldChange{Field: field, Kind: Changed, Old: a, New: b})
		}
	}
	set := func(field string, a, b []string) {
		for _, x := range a {
			if !slices.Contains(b, x) {
				out = append(out, FieldChange{Field: field, Kind: Removed, Old: x})
			}
		}
		for _, x := range b {
			if !slices.Contains(a, x) {
				out = append(out, FieldChange{Field: field, Kind: Added, New: x})
			}
		}
	}
	scalar("headline", old.Headline, new.Headline)
	scalar("dek", old.Dek, new.Dek)
	scalar("slug", old.Slug, new.Slug)
	scalar("byline", JoinNames(old.Byline), JoinNames(new.Byline))
	scalar("source", old.Source, new.Source)
	scalar("section", old.Section, new.Section)
	set("tags", old.Tags, new.Tags)
	photos(&out, old.Photos, new.Photos)
	set("contacts", mapList(old.Contacts, contactString), mapList(new.Contacts, contactString))
	set("related", mapList(old.Related, relatedString), mapList(new.Related, relatedString))
	scalar("read_more", readMoreString(old.ReadMore), readMoreString(new.ReadMore))
	scalar("status", string(old.Status), string(new.Status))
	scalar("scheduled_at", timeString(old.ScheduledAt, old), timeString(new.ScheduledAt, new))
	scalar("published_at", timeString(old.PublishedAt, old), timeString(new.PublishedAt, new))
	scalar("embargo_until", timeString(old.EmbargoUntil, old), timeString(new.EmbargoUntil, new))
	scalar("time_zone", old.TimeZone, new.TimeZone)
	scalar("language", old.Language, new.Language)
	scalar("note", old.Note, new.Note)
	return out
}

// photos compares photos by image: a photo kept (same image) reports its
// caption, credit and alt changes; others are added or removed.
func photos(out *[]FieldChange, a, b []app.Photo) {
	key := func(p app.Photo, i int) string {
		if p.Image != "" {
			return p.Image
		}
		return fmt.Sprintf("#%d", i) // no image yet: match by position
	}
	inB := map[string]int{}
	for i, p := range b {
		inB[key(p, i)] = i
	}
	matched := map[int]bool{}
	for i, p := range a {
		j, ok := inB[key(p, i)]
		if !ok {
			*out = append(*out, FieldChange{Field: "photos", Kind: Removed, Old: photoString(p)})
			continue
		}
		matched[j] = true
		q := b[j]
		f := fmt.Sprintf("photos[%d]", j)
		for _, c := range [][3]string{{".caption", p.Caption, q.Caption}, {".credit", p.Credit, q.Credit}, {".alt", p.Alt, q.Alt}} {
			if c[1] != c[2] {
				*out = append(*out, FieldChange{Field: f + c[0], Kind: Changed, Old: c[1], New: c[2]})
			}
		}
	}
	for j, q := range b {
		if !matched[j] {
			*out = append(*out, FieldChange{Field: "photos", Kind: Added, New: photoString(q)})
		}
	}
}

func photoString(p app.Photo) string {
	s := "Photo: " + p.Credit
	if p.Caption != "" {
		s = p.Caption + " " + s
	}
	return s
}

func mapList[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func contactString(c app.Contact) string {
	s := string(c.Role) + " " + c.Name
	for _, x := range []string{c.Email, c.Twitter, c.Phone} {
		if x != "" {
			s += " " + x
		}
	}
	return s
}

func relatedString(r app.Related) string {
	switch {
	case r.ID != "" && r.Headline != "":
		return r.Headline + " (" + r.ID + ")"
	case r.ID != "":
		return r.ID
	}
	return r.Headline + " <" + r.URL + ">"
}

func readMoreString(r *app.ReadMore) string {
	if r == nil {
		return ""
	}
	return r.Text + " <" + r.URL + ">"
}

func timeString(t *time.Time, a *app.Article) string {
	if t == nil {
		return ""
	}
	return t.In(a.Location()).Format("2006-01-02 15:04 MST")
}

// JoinNames joins a byline as the portal prints it; see app.JoinNames.
func JoinNames(names []string) string { return app.JoinNames(names) }
