package ui

import "testing"

func TestSidebarShowsSectionsTagsAndAttention(t *testing.T) {
	svc := MustService(t)
	d := mustAttentionDesk(t, svc)
	u, w := newTestUI(t, svc, Options{})

	assertShown(t, u.sidebar.root, "Desks", "Needs attention", "Sections", "Politics & Law", "Business", "Tags", "#privacy")
	rowCount := func(f Folder) int {
		t.Helper()
		i := u.sidebar.index(f)
		if i < 0 {
			t.Fatalf("the sidebar has no row for %s", f.Label())
		}
		return u.sidebar.rows[i].count
	}
	if n := rowCount(Folder{Attention: true}); n != 2 {
		t.Errorf("Needs attention shows %d, want 2", n)
	}
	if n := rowCount(Folder{Tag: "数据"}); n != 2 {
		t.Errorf("#数据 shows %d, want 2", n)
	}
	// Flags show in the row of every desk, not only in the queue.
	assertShown(t, u.list.widget, "⚑ needs headline, photo missing", "⚑ missed schedule")

	// Clicking a section lists it.
	u.sidebar.list.Select(u.sidebar.index(Folder{Section: "Business"}))
	u.wait()
	if got := headlines(u.list.items); len(got) != 3 {
		t.Errorf("Business lists %q, want 3 stories", got)
	}
	assertShown(t, w.Content(), "Business: 3 articles")

	// A heading is not a place to go: the section stays chosen.
	heading := -1
	for i, r := range u.sidebar.rows {
		if r.heading == "Tags" {
			heading = i
		}
	}
	u.sidebar.list.Select(heading)
	u.wait()
	if f := u.ctl.Folder(); f != (Folder{Section: "Business"}) {
		t.Errorf("after tapping the Tags heading the folder is %+v", f)
	}

	// The attention queue lists the import and the missed schedule.
	u.sidebar.list.Select(u.sidebar.index(Folder{Attention: true}))
	u.wait()
	if got := ids(u.list.items); len(got) != 2 || indexOf(u.list.items, d.Flagged.ID) < 0 || indexOf(u.list.items, d.Missed.ID) < 0 {
		t.Errorf("Needs attention lists %q", headlines(u.list.items))
	}
	assertShown(t, w.Content(), "Needs attention: 2 articles", "外卖骑手在北京街头排队领取通行证", "⚑ needs headline, photo missing")

	// The chosen desk comes back on the next start.
	if k := u.app.Preferences().String(prefDesk); k != "attention" {
		t.Errorf("saved desk %q, want attention", k)
	}
}
