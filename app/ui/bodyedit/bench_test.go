package bodyedit

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app/corpus"
)

// The benchmarks type into the middle of generated articles through
// Fyne's test driver (layout and text shaping, no GPU painting), in this
// editor and, for comparison, in one stock word-wrapped MultiLineEntry:
//
//	go test -tags migrated_fynedo -run '^$' -bench . -benchtime 200x ./app/ui/bodyedit
//
// Each keystroke is timed on its own; p50-ms and p90-ms are per key. The
// stock entry needs -benchtime 5x at 20,000 words (0.5-1 s a key).

var benchSizes = []int{500, 5000, 20000}

func benchBody(words int, zh bool) string { return corpus.New(7, zh).Body(words) }

func lang(zh bool) string {
	if zh {
		return "zh"
	}
	return "en"
}

// reportKeys reports the median and 90th percentile of per-key times.
func reportKeys(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	if len(d) == 0 {
		return
	}
	ms := func(q float64) float64 { return float64(d[int(q*float64(len(d)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms/key")
	b.ReportMetric(ms(0.9), "p90-ms/key")
	b.ReportMetric(0, "ns/op") // the per-key figures above are the measure
}

func BenchmarkKeystroke(b *testing.B) {
	for _, zh := range []bool{false, true} {
		for _, n := range benchSizes {
			body := benchBody(n, zh)
			// A key costs what Fyne's wrap of the paragraph typed in
			// costs, whatever the document's length: typed into a
			// paragraph of median length, and into the longest.
			for _, which := range []string{"median-paragraph", "longest-paragraph"} {
				b.Run(fmt.Sprintf("%s-%d/paragraphs/%s", lang(zh), n, which), func(b *testing.B) {
					e, w := newTestEditor(b, body)
					i := pickParagraph(e, which == "longest-paragraph")
					e.FocusAt(i, len([]rune(e.Paragraph(i)))/2)
					benchTyping(b, w.Canvas().Focused())
					if e.Paragraphs() < 2 {
						b.Fatal("text lost")
					}
				})
			}
			b.Run(fmt.Sprintf("%s-%d/stock-entry", lang(zh), n), func(b *testing.B) {
				test.NewTempApp(b)
				en := widget.NewMultiLineEntry()
				en.Wrapping = fyne.TextWrapWord
				w := test.NewTempWindow(b, en)
				w.Resize(fyne.NewSize(900, 700))
				en.SetText(body)
				w.Canvas().Focus(en)
				// (0, offset) is read as the offset; the first key puts the
				// caret in its proper row.
				en.CursorRow, en.CursorColumn = 0, len([]rune(body))/2
				benchTyping(b, en)
			})
		}
	}
}

// pickParagraph returns the paragraph of median length nearest the middle
// of the document, or the longest.
func pickParagraph(e *Editor, longest bool) int {
	lens := make([]int, e.Paragraphs())
	for i := range lens {
		lens[i] = len([]rune(e.Paragraph(i)))
	}
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	want := sorted[len(sorted)/2]
	if longest {
		want = sorted[len(sorted)-1]
	}
	best := -1
	for i, l := range lens {
		if l == want && (best < 0 || abs(i-len(lens)/2) < abs(best-len(lens)/2)) {
			best = i
		}
	}
	return best
}

func abs(x int) int { return max(x, -x) }

func benchTyping(b *testing.B, p fyne.Focusable) {
	keys := []rune("typing in the middle of a long article 在长文章中间打字 ")
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		p.TypedRune(keys[i%len(keys)])
		d = append(d, time.Since(t0))
	}
	reportKeys(b, d)
}

// BenchmarkOpen sets a 20,000-word body into an editor on screen, a
// different article each time (up to 12; keep -benchtime at 12x or less,
// or Fyne's text caches flatter the figures): "paragraphs" reuses one
// editor, as the window does from article to article; "paragraphs-new"
// makes a new one each time, its width cache empty.
func BenchmarkOpen(b *testing.B) {
	for _, zh := range []bool{false, true} {
		bodies := make([]string, 12)
		for i := range bodies {
			bodies[i] = corpus.New(uint64(100+i), zh).Body(20000)
		}
		b.Run(lang(zh)+"-20000/paragraphs", func(b *testing.B) {
			e, _ := newTestEditor(b, benchBody(500, zh))
			for i := 0; b.Loop(); i++ {
				e.SetText(bodies[i%len(bodies)])
			}
		})
		b.Run(lang(zh)+"-20000/paragraphs-new", func(b *testing.B) {
			test.NewTempApp(b)
			w := test.NewTempWindow(b, widget.NewLabel(""))
			w.Resize(fyne.NewSize(900, 700))
			for i := 0; b.Loop(); i++ {
				e := New()
				w.SetContent(e)
				e.SetText(bodies[i%len(bodies)])
			}
		})
		b.Run(lang(zh)+"-20000/stock-entry", func(b *testing.B) {
			test.NewTempApp(b)
			en := widget.NewMultiLineEntry()
			en.Wrapping = fyne.TextWrapWord
			w := test.NewTempWindow(b, en)
			w.Resize(fyne.NewSize(900, 700))
			for i := 0; b.Loop(); i++ {
				en.SetText(bodies[i%len(bodies)])
			}
		})
	}
}
