package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/store"
)

// MustService returns a service over a real in-memory Badger store, closed
// when the test ends, with a fixed clock so times in assertions are exact.
func MustService(tb testing.TB) *app.Service {
	tb.Helper()
	st, err := store.OpenMemory()
	if err != nil {
		tb.Fatalf("open memory store: %v", err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	svc := app.NewService(st)
	now := time.Date(2020, 10, 21, 3, 17, 0, 0, time.UTC)
	svc.Now = func() time.Time {
		// Each save a minute later, so "newest first" has a defined order.
		now = now.Add(time.Minute)
		return now
	}
	return svc
}

// newsroom is what MustNewsroom saved.
type newsroom struct {
	Facial, Draft, Port, Trashed *app.Article
}

// MustNewsroom saves four articles: a published English story with a
// photo, contacts and related links; a Chinese draft; a story on the copy
// desk; and one in the Trash.
func MustNewsroom(tb testing.TB, svc *app.Service) newsroom {
	tb.Helper()
	ctx := context.Background()
	ref, err := svc.AttachImage(ctx, "lead.png", MustPNG(tb, 800, 500))
	if err != nil {
		tb.Fatalf("attach image: %v", err)
	}
	published := time.Date(2020, 10, 21, 3, 17, 0, 0, time.UTC)
	var n newsroom
	n.Facial = MustSave(tb, svc, &app.Article{
		Headline: "Lawmakers weigh limits on facial recognition",
		Dek:      "A draft law would decide who may scan faces in public places.",
		Byline:   []string{"Wang Lei", "Anna Berg"},
		Section:  "Politics & Law",
		Tags:     []string{"privacy", "NPC", "数据"},
		Body:     "Residents of **Beijing** have mixed feelings.\n\n## What the draft says\n\nCameras in public places need a sign.",
		Photos:   []app.Photo{{Image: ref, Caption: "A camera over a subway gate", Credit: "VCG"}},
		Contacts: []app.Contact{
			{Role: app.RoleReporter, Name: "Wang Lei", Email: "wanglei@example.com"},
			{Role: app.RoleEditor, Name: "Anna Berg", Email: "anna@example.com"},
		},
		Related:     []app.Related{{Headline: "What the data law means", URL: "https://example.com/data-law"}},
		ReadMore:    &app.ReadMore{Text: "Read the full story here", URL: "https://example.com/facial"},
		Status:      app.StatusPublished,
		TimeZone:    "Asia/Shanghai",
		PublishedAt: &published,
		Language:    "en",
	})
	n.Draft = MustSave(tb, svc, &app.Article{
		Headline: "数据保护法草案征求意见",
		Byline:   []string{"李明"},
		Section:  "政治与法律",
		Tags:     []string{"数据"},
		Body:     "全国人大常委会审议了**数据保护法**草案。\n\n专家认为，草案仍需细化。",
		Status:   app.StatusDraft,
		Language: "zh",
	})
	n.Port = MustSave(tb, svc, &app.Article{
		Headline: "Port traffic rebounds in Shenzhen",
		Byline:   []string{"Chen Yu"},
		Section:  "Business",
		Body:     "Container volumes rose for a third month.",
		Related:  []app.Related{{ID: n.Facial.ID}},
		Status:   app.StatusCopyedit,
		TimeZone: "Europe/London",
	})
	n.Trashed = MustSave(tb, svc, &app.Article{Headline: "Spiked: duplicate wire copy", Source: "Bloomberg", Status: app.StatusDraft})
	if err := svc.Delete(ctx, n.Trashed.ID, "tester"); err != nil {
		tb.Fatalf("delete: %v", err)
	}
	return n
}

// MustSave saves a as "tester" and returns the stored article.
func MustSave(tb testing.TB, svc *app.Service, a *app.Article) *app.Article {
	tb.Helper()
	saved, err := svc.Save(context.Background(), a, app.SaveOptions{Author: "tester", Message: "test fixture", Base: -1})
	if err != nil {
		tb.Fatalf("save %q: %v", a.Headline, err)
	}
	return saved
}

// MustPNG encodes a w x h gradient, a stand-in for a news photo.
func MustPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 0x80, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatalf("encode png: %v", err)
	}
	return buf.Bytes()
}
