package history

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"newsdesk/app/corpus"
)

// BenchmarkText measures the cases of ANCHORS.md §3: a copy edit (5 edits)
// and a heavy rewrite (half the sentences replaced, a quarter of the
// paragraphs moved) of 2,000- and 20,000-word articles, English and Chinese.
func BenchmarkText(b *testing.B) {
	for _, zh := range []bool{false, true} {
		for _, words := range []int{2000, 20000} {
			for _, heavy := range []bool{false, true} {
				g := corpus.New(11, zh)
				old := g.Body(words)
				new := g.CopyEdit(old, 5)
				kind := "copyedit"
				if heavy {
					new, kind = rewrite(g, old, rand.New(rand.NewPCG(3, 4))), "rewrite"
				}
				b.Run(fmt.Sprintf("zh=%v/words=%d/%s", zh, words, kind), func(b *testing.B) {
					degraded := 0
					for i := 0; i < b.N; i++ {
						if Text(old, new).Degraded {
							degraded++
						}
					}
					b.ReportMetric(float64(degraded)/float64(b.N), "degraded/op")
				})
			}
		}
	}
}
