package portal

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParsePage feeds the parser arbitrary pages, seeded with the real
// fixture (when present), the pages in testdata and the shapes of the unit
// tests. The parser must never panic, and no line may be lost: every
// non-blank line ends up in exactly one place (an item's byline, headline,
// photo, paragraph, contact, read-more or related line, or page furniture),
// and every paragraph is its line as printed.
func FuzzParsePage(f *testing.F) {
	if data, err := os.ReadFile(fixturePath); err == nil {
		f.Add(string(data))
		// Truncated downloads of it, at a few places.
		for _, n := range []int{500, 5000, 20000, len(data) - 40} {
			if n < len(data) {
				f.Add(string(data[:n]))
			}
		}
	}
	for _, name := range []string{"testdata/economy-zh.txt", "testdata/tech-truncated.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range []string{
		"By A / Jan 02, 2020 10:00 AM / X\n\nPhoto: VCG\n\nPhoto: VCG\n\nText.\n\nContact reporter A ( and editor B (\n\nRelated: R",
		"/ Apr 17, 2020 10:41 AM / X\n\n(Bloomberg) — Body.\n\nRead full story: H\n\n\nBy Matthew Walsh / Oct 21, 20",
		"Home >\r\nBy A / Feb 30, 2020 10:00 AM / X\r\n",
		"Headline\nBy 王小明 / 2021年3月5日 09:30 / 经济\n\n正文。\n\n联系记者：王小明（w@example.com）\n相关报道：标题",
		"By A / Jan 02, 2020 10:00 AM / X\n\nOne.\n\nNew players\n\nTwo.\n\n\n\nSign Up\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		text, err := checkText("fuzz.txt", []byte(in))
		if err != nil {
			return
		}
		p, err := ParsePage("fuzz.txt", text, PageOptions{})
		if err != nil {
			return
		}
		lines := splitLines(text)
		seen := map[int]int{}
		add := func(n int) { seen[n]++ }
		for _, c := range p.Chrome {
			add(c.N)
		}
		for _, it := range append(append([]*PageItem(nil), p.Items...), p.Skipped...) {
			add(it.Line)
			if it.HeadlineLine > 0 {
				add(it.HeadlineLine)
			}
			for _, ph := range it.Photos {
				for _, n := range ph.Lines {
					add(n)
				}
			}
			for _, b := range it.Blocks {
				add(b.Line)
				if b.Text != cleanLine(lines[b.Line-1]) || b.Text == "" {
					t.Fatalf("paragraph at line %d is %q, the line is %q", b.Line, b.Text, lines[b.Line-1])
				}
			}
			contactLines := map[int]bool{}
			for _, c := range it.Contacts {
				contactLines[c.Line] = true
			}
			for n := range contactLines {
				add(n)
			}
			if it.ReadMore != nil {
				add(it.ReadMore.Line)
			}
			for _, r := range it.Related {
				add(r.Line)
			}
			for _, c := range it.Chrome {
				add(c.N)
			}
			a := it.item("Asia/Shanghai").Article
			if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Headline) || a.ImportKey == "" {
				t.Fatalf("bad article from item at line %d: %+v", it.Line, a)
			}
		}
		for i, l := range lines {
			n := i + 1
			blank := cleanLine(l) == ""
			switch {
			case blank && seen[n] > 0:
				t.Fatalf("blank line %d was used %d times", n, seen[n])
			case !blank && seen[n] != 1:
				t.Fatalf("line %d %q is accounted for %d times, want once", n, strings.TrimSpace(l), seen[n])
			}
		}
	})
}
