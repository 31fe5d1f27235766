package history

import (
	"context"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

func TestFieldsReportsEveryField(t *testing.T) {
	at := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	old := &app.Article{Headline: "Old", Byline: []string{"Wang Xiaoming"}, Section: "Economy", Tags: []string{"NPC", "Data"},
		Photos:   []app.Photo{{Image: "sha256:" + strings.Repeat("a", 64), Credit: "VCG", Caption: "A hearing"}, {Image: "sha256:" + strings.Repeat("b", 64), Credit: "Xinhua"}},
		Contacts: []app.Contact{{Role: app.RoleReporter, Name: "Wang Xiaoming"}},
		Status:   app.StatusDraft, TimeZone: "Asia/Shanghai"}
	new := old.Clone()
	new.Headline = "New"
	new.Byline = []string{"Wang Xiaoming", "Anna Berg", "周雨"}
	new.Section = "Politics & Law"
	new.Tags = []string{"NPC", "Courts"}
	new.Photos = []app.Photo{{Image: old.Photos[0].Image, Credit: "IC Photo", Caption: "A hearing"}, {Image: "sha256:" + strings.Repeat("c", 64), Credit: "Reuters"}}
	new.Contacts = append(new.Contacts, app.Contact{Role: app.RoleEditor, Name: "Li Na", Email: "li.na@newsdesk.example"})
	new.Related = []app.Related{{Headline: "Earlier", URL: "https://example.com/e"}}
	new.ReadMore = &app.ReadMore{Text: "Read the full story here", URL: "https://example.com/f"}
	new.Status = app.StatusScheduled
	new.ScheduledAt = &at
	got := map[string]bool{}
	for _, f := range Fields(old, new) {
		got[f.String()] = true
	}
	for _, want := range []string{
		`headline: "Old" -> "New"`,
		`byline: "Wang Xiaoming" -> "Wang Xiaoming, Anna Berg and 周雨"`,
		`section: "Economy" -> "Politics & Law"`,
		`tags: removed Data`, `tags: added Courts`,
		`photos[0].credit: "VCG" -> "IC Photo"`,
		`photos: removed Photo: Xinhua`, `photos: added Photo: Reuters`,
		`contacts: added editor Li Na li.na@newsdesk.example`,
		`related: added Earlier <https://example.com/e>`,
		`read_more: (none) -> "Read the full story here <https://example.com/f>"`,
		`status: "draft" -> "scheduled"`,
		`scheduled_at: (none) -> "2026-12-01 09:00 CST"`,
	} {
		if !got[want] {
			t.Errorf("missing %s; got %v", want, got)
		}
	}
	if len(Fields(old, old.Clone())) != 0 {
		t.Fatal("an unchanged article has field changes")
	}
}

func TestJoinNames(t *testing.T) {
	for in, want := range map[string]string{"": "", "A": "A", "A|B": "A and B", "A|B|C": "A, B and C"} {
		var names []string
		if in != "" {
			names = strings.Split(in, "|")
		}
		if got := JoinNames(names); got != want {
			t.Errorf("JoinNames(%q) = %q, want %q", in, got, want)
		}
	}
}

func newStoreService(tb testing.TB) *app.Service {
	tb.Helper()
	s, err := store.OpenMemory()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return app.NewService(s)
}

func TestBlameAttributesParagraphs(t *testing.T) {
	svc := newStoreService(t)
	ctx := context.Background()
	a := &app.Article{Headline: "Blame", Body: "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"}
	a, err := svc.Save(ctx, a, app.SaveOptions{Author: "Li Na", Base: -1})
	if err != nil {
		t.Fatal(err)
	}
	a.Body = "First paragraph.\n\nSecond paragraph, edited.\n\nThird paragraph.\n"
	a, _ = svc.Save(ctx, a, app.SaveOptions{Author: "Tom Baker", Base: -1})
	a.Body = "第一段。\n\nFirst paragraph.\n\nSecond paragraph, edited.\n\nThird paragraph.\n"
	a, _ = svc.Save(ctx, a, app.SaveOptions{Author: "周雨", Base: -1})
	a.Headline = "Only the headline changed"
	_, _ = svc.Save(ctx, a, app.SaveOptions{Author: "Li Na", Base: -1})
	got, err := BlameArticle(ctx, svc, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		rev    int
		author string
		text   string
	}{{3, "周雨", "第一段。"}, {1, "Li Na", "First paragraph."}, {2, "Tom Baker", "Second paragraph, edited."}, {1, "Li Na", "Third paragraph."}}
	if len(got) != len(want) {
		t.Fatalf("got %d paragraphs: %+v", len(got), got)
	}
	for i, w := range want {
		if got[i].Revision != w.rev || got[i].Author != w.author || got[i].Text != w.text || got[i].Paragraph != i+1 {
			t.Errorf("paragraph %d: got %+v, want %+v", i+1, got[i], w)
		}
	}
}

// BenchmarkBlame blames the current text of a 2,000-word article with
// 1,000 revisions of copy edits, loading every revision from the store.
func BenchmarkBlame(b *testing.B) {
	svc := newStoreService(b)
	ctx := context.Background()
	g := corpus.New(7, false)
	a := g.Article(2000)
	var err error
	for i := 0; i < 1000; i++ {
		if a, err = svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
			b.Fatal(err)
		}
		a.Body = g.CopyEdit(a.Body, 3)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := BlameArticle(ctx, svc, a.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHistory lists the 1,000 revisions of an article.
func BenchmarkHistory(b *testing.B) {
	svc := newStoreService(b)
	ctx := context.Background()
	g := corpus.New(7, false)
	a := g.Article(2000)
	var err error
	for i := 0; i < 1000; i++ {
		if a, err = svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
			b.Fatal(err)
		}
		a.Body = g.CopyEdit(a.Body, 3)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if h, err := svc.History(ctx, a.ID); err != nil || len(h) != 1000 {
			b.Fatal(err)
		}
	}
}
