package ui

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
	"newsdesk/app/corpus"
)

// bigStory saves a 20,000-word story and an edit of it (5 copy edits, or
// 1,500 when heavy) and returns its id.
func bigStory(tb testing.TB, svc *app.Service, zh, heavy bool) string {
	tb.Helper()
	g := corpus.New(11, zh)
	a := g.Article(20000)
	a = deskSave(tb, svc, a, "Li Na", "draft")
	edits := 5
	if heavy {
		edits = 1500
	}
	a.Body = g.CopyEdit(a.Body, edits)
	deskSave(tb, svc, a, "Wang Lei", "copy edit")
	return a.ID
}

// TestBigComparisonIsVirtualised opens a 20,000-word comparison in the
// panel: only the visible lines become widgets, and every change can be
// reached from the keyboard.
func TestBigComparisonIsVirtualised(t *testing.T) {
	svc, _ := deskService(t)
	id := bigStory(t, svc, false, false)
	h := newHistoryUnderTest(t, svc, id)
	lines := len(h.cmp.lines.lay.lines)
	if lines < 1000 {
		t.Fatalf("a 20,000-word comparison laid out in %d lines", lines)
	}
	rows := 0
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *cmpRow:
			rows++
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(h.cmp.lines)
	if rows == 0 || rows > 200 {
		t.Errorf("%d line widgets for %d lines: not virtualised", rows, lines)
	}
	n := len(h.cmp.res.Changes)
	for i := 0; i < n; i++ {
		h.cmp.onNext()
	}
	if h.cmp.cur != n-1 || h.cmp.lines.lay.changeLine[n-1] < 0 {
		t.Errorf("stepping through %d changes ended at %d", n, h.cmp.cur)
	}
}

// BenchmarkCompareBig measures a comparison of two 20,000-word revisions:
// "diff" is the work done off the UI goroutine (two revisions read and
// diffed), "layout" what the UI goroutine does to show it (the document
// built and wrapped; the first layout also measures the words), and
// "rewrap" a re-wrap when the window is resized.
func BenchmarkCompareBig(b *testing.B) {
	test.NewTempApp(b)
	for _, zh := range []bool{false, true} {
		for _, heavy := range []bool{false, true} {
			svc, _ := deskService(b)
			id := bigStory(b, svc, zh, heavy)
			h := NewHistoryController(svc, "bench")
			ctx := context.Background()
			if err := h.Open(ctx, id); err != nil {
				b.Fatal(err)
			}
			kind := "copyedit"
			if heavy {
				kind = "heavy"
			}
			b.Run(fmt.Sprintf("zh=%v/%s", zh, kind), func(b *testing.B) {
				var diff, first, layout, rewrap []float64
				for i := 0; i < b.N; i++ {
					start := time.Now()
					res, err := h.Compare(ctx, 1, 2)
					if err != nil {
						b.Fatal(err)
					}
					diff = append(diff, msSince(start))
					m := newCmpMeasurer(14)
					for j, w := range []float32{800, 800, 640} {
						start = time.Now()
						doc := compareDoc(res, cmpDocOptions{side: j == 2})
						layoutDoc(doc, len(res.Changes), cmpGeometry{width: w, gap: 12}, m)
						switch j {
						case 0:
							first = append(first, msSince(start))
						case 1:
							layout = append(layout, msSince(start))
						default:
							rewrap = append(rewrap, msSince(start))
						}
					}
				}
				b.ReportMetric(deskPercentile(diff, 50), "diff-p50-ms")
				b.ReportMetric(deskPercentile(first, 50), "first-layout-p50-ms")
				b.ReportMetric(deskPercentile(layout, 50), "layout-p50-ms")
				b.ReportMetric(deskPercentile(rewrap, 50), "side-by-side-p50-ms")
			})
		}
	}
}

func msSince(t time.Time) float64 { return float64(time.Since(t).Microseconds()) / 1000 }
