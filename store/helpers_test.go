package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/store"
)

// MustOpenMemory opens an in-memory store closed at the end of the test.
func MustOpenMemory(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.OpenMemory()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustOpen opens an on-disk store in dir.
func MustOpen(tb testing.TB, dir string) *store.Store {
	tb.Helper()
	s, err := store.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// fixedClock returns a service clock that advances a second per call.
func fixedClock() func() time.Time {
	t := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func newService(s app.Store) *app.Service {
	svc := app.NewService(s)
	svc.Now = fixedClock()
	return svc
}

// sampleArticle is a complete, publishable article with Chinese and English.
func sampleArticle(i int) *app.Article {
	body := strings.Repeat(fmt.Sprintf("Paragraph about the draft data law, number %d. It has two sentences.\n\n", i), 3) +
		"## 背景\n\n全国人大常委会审议了数据保护法草案。这是第二句话。\n"
	return &app.Article{
		Headline: fmt.Sprintf("Lawmakers weigh data rules %d 数据", i),
		Dek:      "A short standfirst.",
		Byline:   []string{"Wang Xiaoming", "Anna Berg"},
		Section:  []string{"Politics & Law", "Economy", "World"}[i%3],
		Tags:     []string{"Data", "NPC", "data"},
		Body:     body,
		Photos:   []app.Photo{{Caption: "A hearing in Beijing", Credit: "VCG"}},
		Contacts: []app.Contact{{Role: app.RoleReporter, Name: "Wang Xiaoming", Email: "wang@newsdesk.example"}},
		Related:  []app.Related{{Headline: "Earlier story", URL: "https://example.com/a"}},
		ReadMore: &app.ReadMore{Text: "Read the full story here", URL: "https://example.com/full"},
		Status:   app.StatusDraft,
	}
}

func save(tb testing.TB, svc *app.Service, a *app.Article, author string) *app.Article {
	tb.Helper()
	out, err := svc.Save(context.Background(), a, app.SaveOptions{Author: author, Base: -1})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
