package ui

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
)

func TestHistoryRows(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := NewHistoryController(svc, "Zhou Yu")
	if err := h.Open(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	rows := h.Rows()
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("r%d %s %s | %s", r.Number, r.Author, r.DeltaText(), r.Detail()))
	}
	want := []string{
		"r4 Anna Berg +10 words | add reaction",
		"r3 Wang Lei ±0 words | draft -> copyedit · status draft -> copyedit",
		"r2 Wang Lei +3 words | copy edit",
		"r1 Li Na +13 words | first draft",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Times are shown in the article's zone (Beijing), with the zone named.
	if s := rows[3].Title(); s != "r1 · Li Na · 2026-11-28 09:01 CST · +13 words" {
		t.Errorf("title = %q", s)
	}
	if h.Parent(4) != 3 || h.Parent(1) != 0 || h.Latest() != 4 {
		t.Errorf("parent(4)=%d parent(1)=%d latest=%d", h.Parent(4), h.Parent(1), h.Latest())
	}
}

func TestHistoryCompareFieldsThenBody(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := NewHistoryController(svc, "Zhou Yu")
	ctx := context.Background()
	if err := h.Open(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	res, err := h.Compare(ctx, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, c := range res.Changes {
		labels = append(labels, c.Label)
	}
	want := []string{
		`headline: "Lawmakers weigh limits on facial recognition" -> "Lawmakers approve limits on facial recognition"`,
		`body: "considered" -> "approved"`,
		`body: inserted "Critics want more."`,
	}
	if !slices.Equal(labels, want) {
		t.Fatalf("changes:\n%q\nwant\n%q", labels, want)
	}
	if !strings.HasPrefix(res.Title(), "From revision 1 by Li Na, 2026-11-28 09:01 CST to revision 2 by Wang Lei") {
		t.Errorf("title = %q", res.Title())
	}
	// Revision 0 is the empty article: the first revision adds everything.
	first, err := h.Compare(ctx, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if first.Body.Old() != "" || first.Body.New() != res.Old.Article.Body {
		t.Errorf("r0..r1 body diff does not add the whole text: %q", first.Body.WordDiff())
	}
}

func TestHistoryKeepOlderWording(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := NewHistoryController(svc, "Zhou Yu")
	ctx := context.Background()
	if err := h.Open(ctx, a.ID); err != nil {
		t.Fatal(err)
	}

	// r2's body has moved on (r4 added a paragraph): reverting a body
	// change of r1..r2 would overwrite r4's text, so it is refused.
	old, _ := h.Compare(ctx, 1, 2)
	if _, err := h.KeepOlder(ctx, old, 1); app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("keep older on a stale comparison: err = %v, want a conflict", err)
	}

	res, err := h.Compare(ctx, 1, 4)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(res.Changes, func(c ReviewChange) bool { return c.Label == `body: "considered" -> "approved"` })
	if i < 0 {
		t.Fatalf("no considered -> approved change in %+v", res.Changes)
	}
	saved, err := h.KeepOlder(ctx, res, i)
	if err != nil {
		t.Fatal(err)
	}
	wantBody := "Lawmakers considered a draft law on Monday.\n\nIt was vague about <cameras> & signs. Critics want more.\n\n专家认为，草案仍需细化。"
	if saved.Revision != 5 || saved.Body != wantBody || saved.Status != app.StatusCopyedit {
		t.Fatalf("saved r%d %s %q", saved.Revision, saved.Status, saved.Body)
	}
	top := h.Rows()[0]
	if wantMsg := fmt.Sprintf("revert change %d from revision 4", i+1); top.Number != 5 || top.Message != wantMsg || top.Author != "Zhou Yu" {
		t.Errorf("new revision row = %+v, want message %q by Zhou Yu", top, wantMsg)
	}

	// A field change: the headline goes back, the rest stays.
	res, _ = h.Compare(ctx, 1, 5)
	if res.Changes[0].Field == nil || res.Changes[0].Field.Field != "headline" {
		t.Fatalf("first change is %+v, want the headline", res.Changes[0])
	}
	if ok, why := res.Revertible(1); ok || !strings.Contains(why, "status") {
		t.Errorf("status change revertible = %v (%s), want refused", ok, why)
	}
	saved, err = h.KeepOlder(ctx, res, 0)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Headline != "Lawmakers weigh limits on facial recognition" || saved.Body != wantBody {
		t.Errorf("after keeping the older headline: %q / %q", saved.Headline, saved.Body)
	}
}

func TestHistoryRestoreKeepsEverything(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := NewHistoryController(svc, "Zhou Yu")
	ctx := context.Background()
	if err := h.Open(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	r1, _ := svc.Revision(ctx, a.ID, 1)
	restored, err := h.Restore(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if restored.Revision != 5 || restored.Body != r1.Article.Body || restored.Headline != r1.Article.Headline {
		t.Fatalf("restore gave r%d %q", restored.Revision, restored.Body)
	}
	rows := h.Rows()
	if len(rows) != 5 || rows[0].RestoredFrom != 1 || !strings.Contains(rows[0].Detail(), "Restore revision 1") {
		t.Fatalf("after restore: %d rows, top %+v", len(rows), rows[0])
	}
	// Nothing is lost: revision 4 still reads as it did.
	r4, err := svc.Revision(ctx, a.ID, 4)
	if err != nil || !strings.Contains(r4.Article.Body, "专家认为") {
		t.Fatalf("revision 4 after restore: %v %v", r4, err)
	}
}

func TestHistoryBlameAndHTML(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := NewHistoryController(svc, "Zhou Yu")
	ctx := context.Background()
	if err := h.Open(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	at, err := h.Blame(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range at {
		got = append(got, fmt.Sprintf("r%d %s", x.Revision, x.Author))
	}
	if want := []string{"r2 Wang Lei", "r2 Wang Lei", "r4 Anna Berg"}; !slices.Equal(got, want) {
		t.Errorf("blame = %q, want %q", got, want)
	}

	res, _ := h.Compare(ctx, 1, 2)
	var buf bytes.Buffer
	if err := h.WriteHTML(&buf, res); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"&lt;cameras&gt; &amp; signs", "<del><span class=\"mark\">[-</span>considered", "<ins><span class=\"mark\">[+</span>approved",
		"From <strong>revision 1 by Li Na"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "<cameras>") {
		t.Error("the page carries unescaped text")
	}
}

// BenchmarkHistoryOpen lists the history of an article with 1,000
// revisions, as the panel does when it opens (target: under 20 ms).
func BenchmarkHistoryOpen(b *testing.B) {
	svc, _ := deskService(b)
	ctx := context.Background()
	g := corpus.New(7, false)
	a := g.Article(2000)
	a = deskSave(b, svc, a, "Li Na", "draft")
	for i := 1; i < 1000; i++ {
		a.Body = g.CopyEdit(a.Body, 3)
		a = deskSave(b, svc, a, "Wang Lei", fmt.Sprintf("copy edit %d", i))
	}
	h := NewHistoryController(svc, "Zhou Yu")
	b.ResetTimer()
	var ms []float64
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := h.Open(ctx, a.ID); err != nil {
			b.Fatal(err)
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
	}
	if n := len(h.Rows()); n != 1000 {
		b.Fatalf("%d rows, want 1000", n)
	}
	b.ReportMetric(deskPercentile(ms, 50), "p50-ms")
	b.ReportMetric(deskPercentile(ms, 95), "p95-ms")
}
