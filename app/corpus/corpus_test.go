package corpus

import (
	"strings"
	"testing"

	"newsdesk/app"
)

func TestDeterministicAndValid(t *testing.T) {
	for _, zh := range []bool{false, true} {
		a, b := New(7, zh).Article(2000), New(7, zh).Article(2000)
		if a.Body != b.Body || a.Headline != b.Headline {
			t.Fatal("same seed gave different articles")
		}
		if New(8, zh).Article(2000).Body == a.Body {
			t.Fatal("different seeds gave the same article")
		}
		app.Normalize(a)
		if err := app.Validate(a, app.DefaultRules, false); err != nil {
			t.Fatal(err)
		}
		n := app.CountWords(a.Body)
		if n < 1900 || n > 2600 {
			t.Fatalf("chinese=%v: %d words, want about 2000", zh, n)
		}
		if zh && a.Language != "zh" || !zh && a.Language != "en" {
			t.Fatalf("chinese=%v detected as %s", zh, a.Language)
		}
	}
}

func TestCopyEditChangesLittle(t *testing.T) {
	g := New(7, false)
	body := g.Body(2000)
	edited := g.CopyEdit(body, 3)
	if edited == body {
		t.Fatal("copy edit changed nothing")
	}
	// Paragraph structure survives: at most 3 paragraphs differ.
	pa, pb := strings.Split(body, "\n\n"), strings.Split(edited, "\n\n")
	if len(pa) != len(pb) {
		t.Fatalf("paragraph count changed %d -> %d", len(pa), len(pb))
	}
	diff := 0
	for i := range pa {
		if pa[i] != pb[i] {
			diff++
		}
	}
	if diff == 0 || diff > 3 {
		t.Fatalf("%d paragraphs changed by 3 edits", diff)
	}
}
