package ui

import (
	"context"
	"fmt"
	"image"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

func headlines(items []app.Summary) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = s.Headline
	}
	return out
}

func TestControllerLoadsListingAndCounts(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	c := NewController(svc)
	if c.Loaded() {
		t.Fatal("Loaded before the first Reload")
	}
	if err := c.Reload(context.Background()); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	got := headlines(c.Items())
	want := []string{n.Port.Headline, n.Draft.Headline, n.Facial.Headline} // newest first
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("listing = %q, want %q", got, want)
	}
	if c.Total() != 3 {
		t.Errorf("Total = %d, want 3", c.Total())
	}
	counts := map[string]int{}
	for _, f := range Folders() {
		counts[f.Label()] = c.Count(f)
	}
	wantCounts := map[string]int{"All": 3, "Drafts": 1, "Copy desk": 1, "Ready": 0, "Scheduled": 0, "Published": 1, "Killed": 0, "Trash": 1}
	for k, v := range wantCounts {
		if counts[k] != v {
			t.Errorf("count %s = %d, want %d", k, counts[k], v)
		}
	}
	if c.Empty() || c.Err() != nil || !c.Loaded() {
		t.Errorf("Empty=%v Err=%v Loaded=%v, want false, nil, true", c.Empty(), c.Err(), c.Loaded())
	}
}

func TestControllerFolders(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	c := NewController(svc)
	ctx := context.Background()
	tests := []struct {
		folder Folder
		want   []string
	}{
		{Folder{Status: app.StatusDraft}, []string{n.Draft.Headline}},
		{Folder{Status: app.StatusPublished}, []string{n.Facial.Headline}},
		{Folder{Status: app.StatusKilled}, []string{}},
		{Folder{Trash: true}, []string{n.Trashed.Headline}},
		{Folder{}, []string{n.Port.Headline, n.Draft.Headline, n.Facial.Headline}},
	}
	for _, tt := range tests {
		t.Run(tt.folder.Label(), func(t *testing.T) {
			if err := c.SetFolder(ctx, tt.folder); err != nil {
				t.Fatalf("SetFolder: %v", err)
			}
			if c.Folder() != tt.folder {
				t.Errorf("Folder = %+v, want %+v", c.Folder(), tt.folder)
			}
			if got := headlines(c.Items()); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("listing = %q, want %q", got, tt.want)
			}
			if c.Total() != len(tt.want) {
				t.Errorf("Total = %d, want %d", c.Total(), len(tt.want))
			}
		})
	}
}

func TestControllerSelectLoadsDetail(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	c := NewController(svc)
	ctx := context.Background()

	d, err := c.Select(ctx, n.Facial.ID)
	if err != nil {
		t.Fatalf("Select: %v", err)
	}
	if c.Selected() != d || d.Article.Headline != n.Facial.Headline {
		t.Fatalf("Selected = %+v, want the facial recognition story", c.Selected())
	}
	if loc := d.Article.UpdatedAt.Location().String(); loc != "Asia/Shanghai" {
		t.Errorf("times shown in %s, want the article's zone Asia/Shanghai", loc)
	}
	if len(d.Photos) != 1 {
		t.Fatalf("%d photos, want 1", len(d.Photos))
	}
	p := d.Photos[0]
	if p.Thumb == nil || p.Problem != "" || p.Credit != "VCG" {
		t.Fatalf("photo = credit %q thumb %v problem %q, want a VCG thumbnail", p.Credit, p.Thumb != nil, p.Problem)
	}
	if b := p.Thumb.Bounds(); b.Dx() != ThumbMax || b.Dy() != ThumbMax*500/800 {
		t.Errorf("thumbnail is %dx%d, want %dx%d", b.Dx(), b.Dy(), ThumbMax, ThumbMax*500/800)
	}
	if len(d.Related) != 1 || d.Related[0].Title != "What the data law means" || d.Related[0].Missing {
		t.Errorf("related = %+v, want the outside story", d.Related)
	}

	// A related story of ours is shown by its current headline.
	d, err = c.Select(ctx, n.Port.ID)
	if err != nil {
		t.Fatalf("Select port: %v", err)
	}
	if len(d.Related) != 1 || d.Related[0].Title != n.Facial.Headline {
		t.Errorf("related = %+v, want %q", d.Related, n.Facial.Headline)
	}

	if d, err := c.Select(ctx, ""); d != nil || err != nil || c.Selected() != nil {
		t.Errorf("Select(\"\") = %v, %v; Selected = %v; want all nil", d, err, c.Selected())
	}
}

func TestControllerReloadFollowsSelection(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	c := NewController(svc)
	ctx := context.Background()
	if err := c.SetFolder(ctx, Folder{Status: app.StatusDraft}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select(ctx, n.Draft.ID); err != nil {
		t.Fatal(err)
	}

	// Another program edits the draft: a reload shows the new revision.
	edited := n.Draft.Clone()
	edited.Dek = "草案第二稿"
	edited = MustSave(t, svc, edited)
	if err := c.Reload(ctx); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if got := c.Selected(); got == nil || got.Article.Revision != edited.Revision || got.Article.Dek != "草案第二稿" {
		t.Fatalf("after edit, Selected = %+v, want revision %d", got, edited.Revision)
	}

	// It moves to the copy desk: it leaves the Drafts folder, and the view.
	edited.Status = app.StatusCopyedit
	MustSave(t, svc, edited)
	if err := c.Reload(ctx); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if c.Selected() != nil || len(c.Items()) != 0 {
		t.Errorf("after move, Selected = %+v and %d items, want none", c.Selected(), len(c.Items()))
	}
	if c.Count(Folder{Status: app.StatusCopyedit}) != 2 {
		t.Errorf("copy desk count = %d, want 2", c.Count(Folder{Status: app.StatusCopyedit}))
	}
}

func TestControllerErrors(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	c := NewController(svc)
	ctx := context.Background()

	_, err := c.Select(ctx, "0190f1c4-7c1e-7000-8000-000000000000")
	if app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("Select unknown id: err = %v (code %q), want %s", err, app.ErrorCode(err), app.ENOTFOUND)
	}
	if c.Err() == nil {
		t.Error("Err is nil after a failed Select")
	}
	if err := c.Reload(ctx); err != nil || c.Err() != nil {
		t.Errorf("Reload = %v, Err = %v; a good load clears the error", err, c.Err())
	}

	// A load that fails (here: cancelled as the window closes) is kept
	// for the error bar and does not pass for an empty store.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := c.Reload(cancelled); err == nil || c.Err() == nil {
		t.Fatalf("cancelled Reload: err = %v, Err = %v; want an error", err, c.Err())
	}

	// On an empty store, a failed load must not pass for "empty": the
	// window would offer a sample newsroom over an error.
	empty := NewController(MustService(t))
	if err := empty.Reload(ctx); err != nil || !empty.Empty() {
		t.Fatalf("empty store: Reload = %v, Empty = %v", err, empty.Empty())
	}
	if err := empty.Reload(cancelled); err == nil || empty.Empty() {
		t.Errorf("failed Reload: err = %v, Empty = %v; want an error and not empty", err, empty.Empty())
	}
}

func TestControllerEmptyStoreAndSample(t *testing.T) {
	svc := MustService(t)
	c := NewController(svc)
	ctx := context.Background()
	if c.Empty() {
		t.Error("Empty before loading: nothing is known yet")
	}
	if err := c.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if !c.Empty() || len(c.Items()) != 0 {
		t.Fatalf("new store: Empty = %v with %d items, want true and 0", c.Empty(), len(c.Items()))
	}
	n, err := c.FillSample(ctx, "tester")
	if err != nil {
		t.Fatalf("FillSample: %v", err)
	}
	if n == 0 || c.Empty() {
		t.Fatalf("FillSample wrote %d articles, Empty = %v", n, c.Empty())
	}
	if got := c.Count(Folder{}) + c.Count(Folder{Trash: true}); got != n {
		t.Errorf("live + trash = %d, want the %d articles written", got, n)
	}
	if len(c.Items()) != c.Count(Folder{}) {
		t.Errorf("%d items listed, want all %d live articles", len(c.Items()), c.Count(Folder{}))
	}
	var chinese bool
	for _, s := range c.Items() {
		if _, err := c.Select(ctx, s.ID); err != nil {
			t.Errorf("select sample %q: %v", s.Headline, err)
		}
		chinese = chinese || strings.ContainsFunc(s.Headline, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff })
	}
	if !chinese {
		t.Error("the sample newsroom has no Chinese headline")
	}
}

func TestThumbnail(t *testing.T) {
	big := image.NewNRGBA(image.Rect(0, 0, 2000, 1000))
	if b := thumbnail(big, 320).Bounds(); b.Dx() != 320 || b.Dy() != 160 {
		t.Errorf("landscape thumbnail %v, want 320x160", b)
	}
	tall := image.NewNRGBA(image.Rect(10, 10, 510, 3010))
	if b := thumbnail(tall, 320).Bounds(); b.Dx() != 53 || b.Dy() != 320 {
		t.Errorf("portrait thumbnail %v, want 53x320", b)
	}
	small := image.NewNRGBA(image.Rect(0, 0, 100, 80))
	if thumbnail(small, 320) != image.Image(small) {
		t.Error("a small image was copied; it should be used as it is")
	}
}

// BenchmarkControllerReload measures what Ctrl+R costs on a newsroom of
// 1,000 articles: the listing of every summary plus the sidebar counts.
func BenchmarkControllerReload(b *testing.B) {
	svc := MustService(b)
	for i := range 1000 {
		MustSave(b, svc, &app.Article{
			Headline: fmt.Sprintf("Story %d 第%d篇", i, i), Byline: []string{"Wang Lei"},
			Section: "World", Status: []app.Status{app.StatusDraft, app.StatusCopyedit, app.StatusKilled}[i%3], Body: "Text.",
		})
	}
	c := NewController(svc)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if err := c.Reload(ctx); err != nil {
			b.Fatal(err)
		}
	}
	if len(c.Items()) != 1000 {
		b.Fatalf("listed %d articles, want 1000", len(c.Items()))
	}
}

// BenchmarkSummaryMeta measures formatting one list row, done for every
// row that scrolls into view.
func BenchmarkSummaryMeta(b *testing.B) {
	s := app.Summary{Byline: []string{"李明", "Anna Berg"}, Section: "Politics & Law", Status: app.StatusPublished,
		UpdatedAt: time.Now(), TimeZone: "Asia/Shanghai"}
	for b.Loop() {
		_ = SummaryMeta(&s)
	}
}
