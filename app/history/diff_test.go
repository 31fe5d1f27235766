package history

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"newsdesk/app/corpus"
)

func TestTokenize(t *testing.T) {
	cases := map[string][]string{
		"China's data-driven law, 2020.": {"China's", " ", "data-driven", " ", "law", ",", " ", "2020", "."},
		"数据保护法草案":                        {"数", "据", "保", "护", "法", "草", "案"},
		"NPC 常委会 met\n\nAgain":           {"NPC", " ", "常", "委", "会", " ", "met", "\n\n", "Again"},
		"“deepfaking.”":                  {"“", "deepfaking", ".", "”"},
		"":                               nil,
	}
	for in, want := range cases {
		got := tokenize(in)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordDiffReadsLikeGit(t *testing.T) {
	old := "Lawmakers considered a draft law.\n\nIt was vague.\n"
	new := "Lawmakers approved a draft law.\n\nIt was vague.\n"
	got := Text(old, new).WordDiff()
	want := "Lawmakers [-considered-]{+approved+} a draft law.\n\nIt was vague.\n"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	zh := Text("全国人大审议草案。", "全国人大通过草案。").WordDiff()
	if zh != "全国人大[-审议-]{+通过+}草案。" {
		t.Fatalf("chinese: %q", zh)
	}
}

func TestParagraphsStayParagraphs(t *testing.T) {
	old := "One.\n\nTwo.\n\nThree.\n"
	new := "One.\n\nThree.\n\nFour.\n"
	d := Text(old, new)
	for _, op := range d.Ops {
		if op.Kind != Equal && strings.Trim(op.Text, "\n") != "" && strings.Count(op.Text, "\n\n") > 1 {
			t.Fatalf("hunk spans paragraphs: %q", op.Text)
		}
	}
	var del, ins string
	for _, op := range d.Ops {
		switch op.Kind {
		case Delete:
			del += op.Text
		case Insert:
			ins += op.Text
		}
	}
	if strings.TrimSpace(del) != "Two." || strings.TrimSpace(ins) != "Four." {
		t.Fatalf("want Two. deleted and Four. inserted whole, got %q", d.WordDiff())
	}
	checkApply(t, old, new, d)
}

func checkApply(t testing.TB, old, new string, d TextDiff) {
	t.Helper()
	if d.Old() != old || d.New() != new {
		t.Fatalf("diff does not reproduce its sides:\nold %q\ngot %q\nnew %q\ngot %q", old, d.Old(), new, d.New())
	}
}

// TestApplyGivesNewText is the property test: for random copy edits and
// rewrites, in English and Chinese, the ops rebuild both texts exactly.
func TestApplyGivesNewText(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		zh := seed%2 == 0
		g := corpus.New(seed, zh)
		old := g.Body(300 + int(seed)*20)
		new := g.CopyEdit(old, int(seed%9)+1)
		if seed%5 == 0 {
			new = rewrite(g, new, rand.New(rand.NewPCG(seed, 1)))
		}
		d := Text(old, new)
		checkApply(t, old, new, d)
		if old != new && !d.Changed() {
			t.Fatal("a change was not seen")
		}
	}
}

// rewrite replaces half the sentences and moves a quarter of the
// paragraphs: the "heavy rewrite" of ANCHORS.md §3.
func rewrite(g *corpus.Generator, body string, rng *rand.Rand) string {
	paras := strings.Split(strings.TrimRight(body, "\n"), "\n\n")
	for i, p := range paras {
		ss := splitSentences(p)
		for j := range ss {
			if rng.IntN(2) == 0 {
				ss[j] = strings.TrimSpace(g.Body(12)) + " "
			}
		}
		paras[i] = strings.TrimSpace(strings.Join(ss, ""))
	}
	for k := 0; k < len(paras)/4; k++ {
		i, j := rng.IntN(len(paras)), rng.IntN(len(paras))
		paras[i], paras[j] = paras[j], paras[i]
	}
	return strings.Join(paras, "\n\n") + "\n"
}

func FuzzText(f *testing.F) {
	f.Add("Lawmakers considered a law.", "Lawmakers approved the law.")
	f.Add("全国人大审议草案。", "全国人大通过草案。")
	f.Add("a\n\nb\n\nc", "c\n\nb\n\na")
	f.Add("", "new text")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // texts in the store are valid UTF-8 (validation refuses others)
		}
		checkApply(t, a, b, Text(a, b))
	})
}
