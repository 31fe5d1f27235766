package search

import (
	"fmt"
	"strings"
	"testing"

	"newsdesk/app"
)

func termsOf(text string) []string {
	var out []string
	Tokenize(text, 0, func(t Token) { out = append(out, t.Term) })
	return out
}

func TestTokenizeAndFold(t *testing.T) {
	cases := map[string]string{
		"Résumé RESUME resume":        "[resume resume resume]",
		"China's data-driven 2020":    "[chinas data driven 2020]",
		"全国人大审议草案":                    "[全 国 人 大 审 议 草 案]",
		"NPC常委会 met":                  "[npc 常 委 会 met]",
		"“Quoted”, (parens) — dashes": "[quoted parens dashes]",
	}
	for in, want := range cases {
		if got := fmt.Sprint(termsOf(in)); got != want {
			t.Errorf("%q: got %s, want %s", in, got, want)
		}
	}
}

func TestFieldPositionsAndWeights(t *testing.T) {
	a := &app.Article{Headline: "Data law", Byline: []string{"Li Na"}, Tags: []string{"NPC"},
		Body: "First paragraph about data.\n\nSecond paragraph."}
	pos := map[string][]uint32{}
	ArticleTokens(a, func(tk Token) { pos[tk.Term] = append(pos[tk.Term], tk.Pos) })
	if Weight(pos["data"][0]) <= Weight(pos["data"][1]) {
		t.Fatal("a headline match must weigh more than a body match")
	}
	// Each body paragraph starts its own slot: an edit in one does not
	// move the positions of the next.
	if pos["second"][0] != FieldBody+paraSlot {
		t.Fatalf("second paragraph starts at %d", pos["second"][0])
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		in, want string
		typing   bool
	}{
		{"data law", "data AND law", false},
		{`"data protection" law`, `"data protection" AND law`, false},
		{"数据保护 法", `"数 据 保 护" AND 法`, false},
		{"lawmak", "lawmak*", true},
		{"lawmak ", "lawmak", true},
	}
	for _, c := range cases {
		q, err := Parse(c.in, c.typing)
		if err != nil || q.String() != c.want {
			t.Errorf("Parse(%q) = %s, %v; want %s", c.in, q, err, c.want)
		}
	}
	for _, bad := range []string{`"open`, "", "!!", strings.Repeat("a ", 600)} {
		if _, err := Parse(bad, false); app.ErrorCode(err) != app.EINVALID {
			t.Errorf("Parse(%.20q): want a clear error, got %v", bad, err)
		}
	}
}

func TestSnippetMarksMatches(t *testing.T) {
	q, _ := Parse("草案", false)
	a := &app.Article{Headline: "h", Body: "开头。全国人大审议了草案，专家认为需要完善。"}
	if got := Snippet(a, q); !strings.Contains(got, "«草»«案»") {
		t.Fatalf("snippet %q", got)
	}
	q, _ = Parse("beijing", false)
	if got := Snippet(&app.Article{Headline: "Rain in Beijing", Body: "No match here."}, q); got != "Rain in «Beijing»" {
		t.Fatalf("headline fallback: %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"data law", `"a b" c`, "数据", `"`, "x*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s, true)
		if err == nil && len(q.Clauses) == 0 {
			t.Fatal("a query without clauses was accepted")
		}
	})
}
