package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

// attentionDesk is MustNewsroom plus what the attention queue is for: a
// portal import flagged "needs headline" and "photo missing", a story
// whose schedule passed, one scheduled for later, and a flagged story in
// the Trash (which the queue leaves out).
type attentionDesk struct {
	newsroom
	Flagged, Missed, Later, TrashedFlag *app.Article
}

func mustAttentionDesk(t *testing.T, svc *app.Service) attentionDesk {
	t.Helper()
	ctx := context.Background()
	d := attentionDesk{newsroom: MustNewsroom(t, svc)}
	published := time.Date(2020, 4, 17, 10, 5, 0, 0, time.UTC)
	flagged := &app.Article{
		Headline:    "外卖骑手在北京街头排队领取通行证",
		Byline:      []string{"Ding Yi"},
		Section:     "Politics & Law",
		Tags:        []string{"privacy"},
		Body:        "外卖骑手在北京街头排队领取通行证。\n\nThe city issued 30,000 passes on Friday.",
		Status:      app.StatusPublished,
		PublishedAt: &published,
		TimeZone:    "Asia/Shanghai",
		ImportKey:   "portal:test-flagged",
		Flags:       []string{"needs headline", "photo missing"},
	}
	saved, err := svc.Save(ctx, flagged, app.SaveOptions{Author: "import", Message: "import caixin-politics-law.txt", Base: -1})
	if err != nil {
		t.Fatalf("save import: %v", err)
	}
	d.Flagged = saved
	// The test clock starts at 03:17 UTC and moves on a minute per call,
	// so 03:00 has passed and 2030 has not.
	missedAt := time.Date(2020, 10, 21, 3, 0, 0, 0, time.UTC)
	d.Missed = MustSave(t, svc, &app.Article{
		Headline: "Court rules on data export case", Byline: []string{"Anna Berg"}, Section: "Business",
		Body: "The ruling came on Wednesday.", Status: app.StatusScheduled, ScheduledAt: &missedAt,
	})
	laterAt := time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	d.Later = MustSave(t, svc, &app.Article{
		Headline: "Year ahead: what to watch", Byline: []string{"Chen Yu"}, Section: "Business",
		Body: "Ten things.", Status: app.StatusScheduled, ScheduledAt: &laterAt,
	})
	d.TrashedFlag = MustSave(t, svc, &app.Article{
		Headline: "Untitled wire item", Source: "Bloomberg", Section: "Business",
		Body: "(Bloomberg) — Markets fell.", Status: app.StatusDraft, Flags: []string{"truncated"},
	})
	if err := svc.Delete(ctx, d.TrashedFlag.ID, "tester"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	return d
}

func ids(items []app.Summary) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = s.ID
	}
	return out
}

func TestControllerCountsSectionsTagsAndAttention(t *testing.T) {
	svc := MustService(t)
	d := mustAttentionDesk(t, svc)
	c := NewController(svc)
	if err := c.Reload(context.Background()); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	want := map[Folder]int{
		{Section: "Politics & Law"}: 2, // the facial-recognition story and the import
		{Section: "Business"}:       3, // port traffic, the missed and the later schedule
		{Section: "政治与法律"}:          1,
		{Tag: "privacy"}:            2,
		{Tag: "数据"}:                 2,
		{Tag: "NPC"}:                1,
		{Attention: true}:           2, // the import and the missed schedule, not the trashed item
		{}:                          6,
	}
	for f, n := range want {
		if got := c.Count(f); got != n {
			t.Errorf("Count(%s) = %d, want %d", f.Label(), got, n)
		}
	}

	ctx := context.Background()
	if err := c.SetFolder(ctx, Folder{Attention: true}); err != nil {
		t.Fatalf("SetFolder attention: %v", err)
	}
	// Newest update first, like every desk.
	if got, want := strings.Join(ids(c.Items()), ","), d.Missed.ID+","+d.Flagged.ID; got != want {
		t.Errorf("attention lists %q, want the missed schedule then the import", headlines(c.Items()))
	}
	if c.Total() != 2 {
		t.Errorf("attention Total = %d, want 2", c.Total())
	}
	notes := map[string]string{}
	for _, s := range c.Items() {
		notes[s.ID] = AttentionNote(&s, c.AsOf())
	}
	if notes[d.Flagged.ID] != "⚑ needs headline, photo missing" || notes[d.Missed.ID] != "⚑ missed schedule" {
		t.Errorf("attention notes = %q", notes)
	}
	later, _ := svc.Store.Summary(ctx, d.Later.ID)
	if note := AttentionNote(later, c.AsOf()); note != "" {
		t.Errorf("a story scheduled for 2030 is noted %q", note)
	}

	// Once the missed story is published, it leaves the queue.
	if _, err := svc.Transition(ctx, d.Missed.ID, app.StatusPublished, app.TransitionOptions{Author: "tester", Base: -1}); err != nil {
		t.Fatalf("publish the missed story: %v", err)
	}
	if err := c.Reload(ctx); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if got := ids(c.Items()); len(got) != 1 || got[0] != d.Flagged.ID || c.Count(Folder{Attention: true}) != 1 {
		t.Errorf("after publishing, attention lists %q (count %d), want only the import",
			headlines(c.Items()), c.Count(Folder{Attention: true}))
	}
}

func TestControllerFiltersBySectionAndTag(t *testing.T) {
	svc := MustService(t)
	d := mustAttentionDesk(t, svc)
	c := NewController(svc)
	ctx := context.Background()
	tests := []struct {
		folder Folder
		want   []*app.Article
	}{
		{Folder{Section: "Politics & Law"}, []*app.Article{d.Flagged, d.Facial}},
		{Folder{Section: "政治与法律"}, []*app.Article{d.Draft}},
		{Folder{Tag: "数据"}, []*app.Article{d.Draft, d.Facial}},
		{Folder{Tag: "privacy"}, []*app.Article{d.Flagged, d.Facial}},
		{Folder{Section: "Sport"}, nil},
	}
	for _, tt := range tests {
		if err := c.SetFolder(ctx, tt.folder); err != nil {
			t.Fatalf("SetFolder(%s): %v", tt.folder.Label(), err)
		}
		var want []string
		for _, a := range tt.want {
			want = append(want, a.ID)
		}
		if got := ids(c.Items()); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s lists %q, want %d articles", tt.folder.Label(), headlines(c.Items()), len(want))
		}
		if c.Total() != len(want) || c.Folder() != tt.folder {
			t.Errorf("%s: Total %d, Folder %+v", tt.folder.Label(), c.Total(), c.Folder())
		}
	}
}

func TestFolderKeysRoundTrip(t *testing.T) {
	for _, f := range []Folder{{}, {Trash: true}, {Status: app.StatusReady}, {Attention: true},
		{Section: "Politics & Law"}, {Section: "政治与法律"}, {Tag: "数据"}, {Tag: "tag:odd"}} {
		got, ok := folderFromKey(f.key())
		if !ok || got != f {
			t.Errorf("folderFromKey(%q) = %+v, %v; want %+v", f.key(), got, ok, f)
		}
	}
	for _, k := range []string{"section:", "tag:", "status:nonsense", ""} {
		if f, ok := folderFromKey(k); ok {
			t.Errorf("folderFromKey(%q) = %+v, want no folder", k, f)
		}
	}
}
