package store_test

import (
	"flag"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

var searchDocs = flag.Int("search-docs", 10000, "articles in the search benchmark corpus (the target is measured at 100000)")

// searchCorpus fills a store with n generated articles of 400-2,000
// words, one in three Chinese-heavy, in batches, and returns the bytes of
// text indexed.
func searchCorpus(b *testing.B, s *store.Store, n int) int64 {
	svc := app.NewService(s)
	en, zh := corpus.New(21, false), corpus.New(22, true)
	var text int64
	batch := make([]*app.Article, 0, 100)
	flush := func() {
		if _, err := svc.SaveBatch(ctx, batch, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	for i := 0; i < n; i++ {
		g := en
		if i%3 == 0 {
			g = zh
		}
		a := g.Article(400 + (i*7919)%1600)
		text += int64(len(a.Headline) + len(a.Dek) + len(a.Body))
		batch = append(batch, a)
		if len(batch) == cap(batch) {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
	return text
}

// BenchmarkSearch builds the corpus, rebuilds the index (timed and
// reported), then runs four kinds of queries and reports p50/p95 of each.
// go test -run '^$' -bench Search -benchtime 1x -search-docs 100000 ./store
func BenchmarkSearch(b *testing.B) {
	s := MustOpen(b, b.TempDir())
	defer s.Close()
	text := searchCorpus(b, s, *searchDocs)
	// The full rebuild: ns/op is the time to reindex every article.
	b.Run("reindex", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := s.Reindex(ctx, nil); err != nil {
				b.Fatal(err)
			}
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		size, err := s.SearchIndexBytes(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(size)/float64(text), "index/text")
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
		b.ReportMetric(float64(*searchDocs), "articles")
	})

	rng := rand.New(rand.NewPCG(5, 6))
	en := corpus.New(99, false)
	zh := corpus.New(98, true)
	kinds := map[string]func() string{
		"word": func() string { return firstWords(en.Body(40), 1, rng) },
		"two":  func() string { return firstWords(en.Body(40), 2, rng) },
		"phrase": func() string {
			return `"` + firstWords(en.Body(40), 2, rng) + `"`
		},
		"zh2": func() string {
			r := []rune(strings.TrimSpace(zh.Body(60)))
			i := rng.IntN(len(r) - 3)
			return string(r[i : i+2])
		},
	}
	for _, kind := range []string{"word", "two", "phrase", "zh2"} {
		b.Run(kind, func(b *testing.B) {
			var took []time.Duration
			for i := 0; i < b.N; i++ {
				for j := 0; j < 40; j++ {
					q := kinds[kind]()
					t0 := time.Now()
					if _, err := s.Search(ctx, app.SearchRequest{Query: q}); err != nil && app.ErrorCode(err) != app.EINVALID {
						b.Fatal(err)
					}
					took = append(took, time.Since(t0))
				}
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
	// Indexing one saved article: a new one, and a copy edit of an old one
	// (what editors do all day). Timed: the search that indexes it, minus
	// nothing: the query itself is included, so this is an upper bound.
	list, err := s.List(ctx, app.Filter{Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range []string{"index-new", "index-edit"} {
		b.Run(kind, func(b *testing.B) {
			svc := app.NewService(s)
			g := corpus.New(7, false)
			var took []time.Duration
			for i := 0; i < b.N; i++ {
				var a *app.Article
				if kind == "index-new" {
					a = g.Article(1224)
				} else {
					old, err := svc.Article(ctx, list.Items[i%len(list.Items)].ID)
					if err != nil {
						b.Fatal(err)
					}
					a = old
					a.Body = g.CopyEdit(a.Body, 3)
				}
				if _, err := svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
					b.Fatal(err)
				}
				t0 := time.Now()
				if _, err := s.Search(ctx, app.SearchRequest{Query: "zzzz"}); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(t0))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
		})
	}
}

func firstWords(s string, n int, rng *rand.Rand) string {
	w := strings.Fields(strings.Map(func(r rune) rune {
		if r == '.' || r == ',' {
			return ' '
		}
		return r
	}, s))
	i := rng.IntN(len(w) - n)
	return strings.ToLower(strings.Join(w[i:i+n], " "))
}
