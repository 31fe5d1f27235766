package history

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"newsdesk/app"
	"newsdesk/app/corpus"
)

func TestKeepOlderOneChange(t *testing.T) {
	cases := []struct {
		old, new string
		n        int
		want     string
	}{
		{"Lawmakers considered a draft law. It was vague.", "Lawmakers approved a draft law. It was clear.", 0,
			"Lawmakers considered a draft law. It was clear."},
		{"Lawmakers considered a draft law. It was vague.", "Lawmakers approved a draft law. It was clear.", 1,
			"Lawmakers approved a draft law. It was vague."},
		{"全国人大审议草案。专家认为草案仍需细化。", "全国人大通过草案。专家认为草案仍需完善。", 0,
			"全国人大审议草案。专家认为草案仍需完善。"},
		{"One.\n\nTwo.\n", "One.\n\nTwo.\n\nThree.\n", 0, "One.\n\nTwo.\n"},
	}
	for _, c := range cases {
		got, err := KeepOlder(c.old, c.new, c.n)
		if err != nil {
			t.Fatalf("KeepOlder(%q, %q, %d): %v", c.old, c.new, c.n, err)
		}
		if got != c.want {
			t.Errorf("KeepOlder(%q, %q, %d)\n got %q\nwant %q", c.old, c.new, c.n, got, c.want)
		}
	}
	if _, err := KeepOlder("a b", "a c", 5); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("a change past the end: err = %v, want EINVALID", err)
	}
}

// checkChanges is the property every diff must have: each change's ranges
// cut both texts where its wording sits, and keeping the older wording of
// one change touches only that range of the newer text.
func checkChanges(t testing.TB, old, new string) {
	t.Helper()
	d := Text(old, new)
	cs := d.Changes()
	if (len(cs) > 0) != d.Changed() {
		t.Fatalf("%d changes listed, Changed() = %v", len(cs), d.Changed())
	}
	for i, c := range cs {
		if old[c.OldStart:c.OldEnd] != c.Old || new[c.NewStart:c.NewEnd] != c.New {
			t.Fatalf("change %d ranges do not hold its wording: %+v", i, c)
		}
		if c.Old == "" && c.New == "" {
			t.Fatalf("change %d is empty", i)
		}
		got, err := d.KeepOlder(i)
		if err != nil {
			t.Fatal(err)
		}
		want := new[:c.NewStart] + c.Old + new[c.NewEnd:]
		if got != want {
			t.Fatalf("keeping change %d older:\n got %q\nwant %q", i, got, want)
		}
	}
	if d.Mix(func(int) bool { return false }) != new || d.Mix(func(int) bool { return true }) != old {
		t.Fatal("Mix of no change / every change does not give the newer / older text")
	}
	// Keeping the older wording change by change, in any order, walks back
	// to the older text: each step only puts one change back.
	kept := map[int]bool{}
	for _, i := range rand.Perm(len(cs)) {
		kept[i] = true
		if got := d.Mix(func(j int) bool { return kept[j] }); len(kept) == len(cs) && got != old {
			t.Fatalf("every change kept older gives %q, want %q", got, old)
		}
	}
}

// TestKeepOlderProperty runs the property over copy edits and rewrites of
// generated English and Chinese articles.
func TestKeepOlderProperty(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		zh := seed%2 == 0
		g := corpus.New(seed, zh)
		old := g.Body(200 + int(seed)*15)
		new := g.CopyEdit(old, int(seed%7)+1)
		if seed%4 == 0 {
			new = rewrite(g, new, rand.New(rand.NewPCG(seed, 2)))
		}
		checkChanges(t, old, new)
	}
}

func FuzzKeepOlder(f *testing.F) {
	f.Add("Lawmakers considered a law.", "Lawmakers approved the law.")
	f.Add("全国人大审议草案。", "全国人大通过草案。")
	f.Add("a\n\nb\n\nc", "c\n\nb\n\na")
	f.Add("", "new text")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		checkChanges(t, a, b)
	})
}

func TestRevertField(t *testing.T) {
	older := &app.Article{Headline: "数据保护法草案", Dek: "Old dek", Byline: []string{"李明"},
		Tags: []string{"NPC", "Data"}, Section: "Economy",
		Contacts: []app.Contact{{Role: app.RoleReporter, Name: "李明", Email: "li@example.com"}}}
	newer := older.Clone()
	newer.Headline = "数据保护法草案二审"
	newer.Byline = []string{"李明", "Anna Berg"}
	newer.Tags = []string{"Data", "Courts"}
	newer.Contacts = nil
	newer.Status = app.StatusCopyedit

	cur := newer.Clone()
	for _, fc := range Fields(older, newer) {
		if fc.Field == "status" {
			if err := RevertField(cur, older, fc); app.ErrorCode(err) != app.EINVALID {
				t.Errorf("status reverted by wording: err = %v", err)
			}
			continue
		}
		if err := RevertField(cur, older, fc); err != nil {
			t.Fatalf("revert %s: %v", fc, err)
		}
	}
	cur.Status = older.Status
	if left := Fields(older, cur); len(left) != 0 {
		t.Fatalf("after reverting every field change, still differs: %v", left)
	}
	if strings.Join(cur.Tags, ",") != "NPC,Data" {
		t.Errorf("removed tag came back at %v, want its old place", cur.Tags)
	}

	// A field that moved on since the comparison is not overwritten.
	moved := newer.Clone()
	moved.Headline = "Another headline"
	err := RevertField(moved, older, FieldChange{Field: "headline", Kind: Changed, Old: older.Headline, New: newer.Headline})
	if app.ErrorCode(err) != app.ECONFLICT || moved.Headline != "Another headline" {
		t.Errorf("stale revert: err = %v, headline %q", err, moved.Headline)
	}
}
