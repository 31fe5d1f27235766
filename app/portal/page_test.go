package portal

import (
	"os"
	"slices"
	"strings"
	"testing"

	"newsdesk/app"
)

// parse parses a page given as lines joined by newlines.
func parse(t *testing.T, lines ...string) *Page {
	t.Helper()
	p, err := ParsePage("page.txt", strings.Join(lines, "\n"), PageOptions{Location: shanghai(t)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func blockTexts(it *PageItem) []string {
	var out []string
	for _, b := range it.Blocks {
		out = append(out, b.Text)
	}
	return out
}

func hasWarning(p *Page, line int, part string) bool {
	return slices.ContainsFunc(p.Warnings, func(w Warning) bool { return w.Line == line && strings.Contains(w.Message, part) })
}

func TestPhotoPairs(t *testing.T) {
	p := parse(t,
		"By A / Jan 02, 2020 10:00 AM / X", "",
		"Photo: VCG", "", "Photo: VCG", "", // one photo printed twice
		"Photo: VCG", "", "Photo: VCG", "", // a second photo with the same credit
		"Crowds gather in Wuhan. Photo: IC", "", "Photo: IC", "", // the caption printed once
		"Photo:", "", "Photo:", "", // an empty slot
		"Photo: Xinhua", "", // printed once only
		"The story.")
	got := p.Items[0].Photos
	want := []PagePhoto{
		{Lines: []int{3, 5}, Credit: "VCG"}, {Lines: []int{7, 9}, Credit: "VCG"},
		{Lines: []int{11, 13}, Caption: "Crowds gather in Wuhan.", Credit: "IC"}, {Lines: []int{19}, Credit: "Xinhua"},
	}
	if len(got) != len(want) {
		t.Fatalf("photos %+v, want %+v", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i].Lines, want[i].Lines) || got[i].Caption != want[i].Caption || got[i].Credit != want[i].Credit {
			t.Errorf("photo %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(p.Items[0].Chrome) != 2 {
		t.Errorf("the empty slot should be kept as furniture: %v", p.Items[0].Chrome)
	}
}

func TestParagraphsExact(t *testing.T) {
	nbsp := "\u00a0"
	p := parse(t,
		"By A / Jan 02, 2020 10:00 AM / X", "", "",
		"  Curly “quotes” and ‘apostrophes’ — dashes… stay.  ", "",
		"A trailing non-breaking space is trimmed."+nbsp+nbsp, "",
		"Run-together sentences.Stay as printed.\t",
		"Contact reporter A (")
	want := []string{"Curly “quotes” and ‘apostrophes’ — dashes… stay.", "A trailing non-breaking space is trimmed.", "Run-together sentences.Stay as printed."}
	if got := blockTexts(p.Items[0]); !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

func TestTextAfterClosingLinesIsChrome(t *testing.T) {
	p := parse(t,
		"By A / Jan 02, 2020 10:00 AM / X", "",
		"First paragraph.", "",
		"Related: An Inline Related Story", "",
		"Second paragraph after an inline related line.", "",
		"Read the full story here", "",
		"Contact reporter A (", "",
		"Sponsored content from our partners appears here every week.", "",
		"",
		"By B / Jan 01, 2020 10:00 AM / X", "",
		"Other story.")
	it := p.Items[0]
	if got := blockTexts(it); !slices.Equal(got, []string{"First paragraph.", "Second paragraph after an inline related line."}) {
		t.Errorf("body %q", got)
	}
	if len(it.Chrome) != 1 || it.Chrome[0].N != 13 || !hasWarning(p, 13, "page furniture") {
		t.Errorf("line 13 should be furniture with a warning: chrome %v warnings %v", it.Chrome, p.Warnings)
	}
	if len(it.Related) != 1 || it.Related[0].Line != 5 || it.ReadMore == nil || it.ReadMore.Line != 9 {
		t.Errorf("related %+v read-more %+v", it.Related, it.ReadMore)
	}
}

func TestPrintedHeadlines(t *testing.T) {
	p := parse(t,
		"Portal – Economy", "Home > Economy", "",
		"Most Read", "Headline One In The List", "Headline Two In The List", "",
		"By A / Jan 03, 2020 10:00 AM / X", "", "First story.", "",
		"Contact reporter A (", "", "",
		"Second Story Has a Printed Headline", "",
		"By B / Jan 02, 2020 10:00 AM / X", "", "Second story.", "",
		"Related: Something Else", "",
		"A Third Headline?",
		"By C / Jan 01, 2020 10:00 AM / X", "", "Third story.", "",
		"Short Last Line Of Body",
		"By D / Dec 31, 2019 10:00 AM / X", "", "Fourth story.")
	var got []string
	for _, it := range p.Items {
		got = append(got, it.Headline)
	}
	// The header's headline list is ambiguous (left alone); a body line
	// just above a byline is never taken from the item it belongs to.
	want := []string{"", "Second Story Has a Printed Headline", "A Third Headline?", ""}
	if !slices.Equal(got, want) {
		t.Errorf("headlines %q, want %q", got, want)
	}
	if it := p.Items[2]; !slices.Equal(blockTexts(it), []string{"Third story.", "Short Last Line Of Body"}) {
		t.Errorf("third item body %q", blockTexts(it))
	}
	if p.Items[1].HeadlineLine != 15 {
		t.Errorf("headline line %d, want 15", p.Items[1].HeadlineLine)
	}
	art := p.Items[1].item("Asia/Shanghai").Article
	if art.Headline != "Second Story Has a Printed Headline" || slices.Contains(art.Flags, FlagNeedsHeadline) {
		t.Errorf("printed headline not used: %q %v", art.Headline, art.Flags)
	}
}

func TestTruncatedLastItem(t *testing.T) {
	p := parse(t,
		"By A / Jan 02, 2020 10:00 AM / X", "", "A finished story.", "", "Contact reporter A (", "", "",
		"By B / Jan 01, 2020 10:00 AM / X", "", "Its first paragraph is whole.", "", "Its second paragraph stops in the mid")
	if len(p.Items) != 2 || p.Items[0].Truncated || !p.Items[1].Truncated {
		t.Fatalf("items %d, truncated %v %v", len(p.Items), p.Items[0].Truncated, p.Items[len(p.Items)-1].Truncated)
	}
	if !hasWarning(p, 12, "middle of a sentence") {
		t.Errorf("no warning on line 12: %v", p.Warnings)
	}
	a := p.Items[1].item("Asia/Shanghai").Article
	if !slices.Contains(a.Flags, FlagTruncated) || !strings.HasSuffix(a.Body, "stops in the mid") {
		t.Errorf("flags %v body %q", a.Flags, a.Body)
	}
	// Ended properly, with nothing after: not truncated.
	p = parse(t, "By B / Jan 01, 2020 10:00 AM / X", "", "A whole story ends here.")
	if p.Items[0].Truncated {
		t.Error("a story ending in a full stop was flagged truncated")
	}
}

func TestCutOffByline(t *testing.T) {
	for _, tail := range []string{"By Matthew Walsh / Oct 21, 20", "By Matthew Walsh /", "/ Apr 17, 2020 10:4"} {
		p := parse(t,
			"By A / Jan 02, 2020 10:00 AM / X", "", "A story that has no closing lines.", "", "Its last paragraph.", "", "",
			tail)
		q := parse(t, "By A / Jan 02, 2020 10:00 AM / X", "", "A story that has no closing lines.", "", "Its last paragraph.", tail)
		if got := blockTexts(q.Items[0]); len(got) != 2 || !hasWarning(q, 6, "cut-off byline") {
			t.Errorf("%q right after the body: %q %v", tail, got, q.Warnings)
		}
		if len(p.Items) != 1 {
			t.Fatalf("%q: %d items", tail, len(p.Items))
		}
		it := p.Items[0]
		if got := blockTexts(it); !slices.Equal(got, []string{"A story that has no closing lines.", "Its last paragraph."}) || it.Truncated {
			t.Errorf("%q merged into the item before: %q truncated %v", tail, got, it.Truncated)
		}
		if !hasWarning(p, 8, "cut-off byline") {
			t.Errorf("%q: no warning: %v", tail, p.Warnings)
		}
	}
	// A byline whose section was cut is a whole byline line; its item has
	// no body and is skipped with a warning, not merged.
	p := parse(t, "By A / Jan 02, 2020 10:00 AM / X", "", "A story.", "", "Contact reporter A (", "", "", "By B / Jan 01, 2020 10:00 AM / Poli")
	if len(p.Items) != 1 || len(p.Skipped) != 1 || !hasWarning(p, 8, "no body text") {
		t.Errorf("items %d skipped %d warnings %v", len(p.Items), len(p.Skipped), p.Warnings)
	}
}

func TestTrailingFurniture(t *testing.T) {
	p := parse(t,
		"By A / Jan 02, 2020 10:00 AM / X", "", "The story has no contact line.", "", "Its last paragraph ends here.", "", "", "",
		"Sign Up For Our Newsletter", "More From The Portal")
	it := p.Items[0]
	if got := blockTexts(it); len(got) != 2 || it.Truncated {
		t.Errorf("body %q truncated %v", got, it.Truncated)
	}
	if len(it.Chrome) != 2 || !hasWarning(p, 9, "page furniture") {
		t.Errorf("chrome %v warnings %v", it.Chrome, p.Warnings)
	}
}

func TestLineEndingsAndNoItems(t *testing.T) {
	crlf := "Home >\r\n\r\nBy A / Jan 02, 2020 10:00 AM / X\r\n\r\nFirst.\r\n\r\nSecond.\r\n"
	p, err := ParsePage("crlf.txt", crlf, PageOptions{})
	if err != nil || len(p.Items) != 1 || !slices.Equal(blockTexts(p.Items[0]), []string{"First.", "Second."}) {
		t.Fatalf("CRLF page: %v %+v", err, p)
	}
	if p.Items[0].Time.Location().String() != app.DefaultTimeZone {
		t.Errorf("default zone %v", p.Items[0].Time.Location())
	}
	_, err = ParsePage("blurb.txt", "Caixin Global\n\nJust a blurb, no stories.\n", PageOptions{})
	if err == nil || !strings.Contains(err.Error(), "blurb.txt: no portal items") {
		t.Errorf("page without items: %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	page := func(tz string, first string) string {
		loc, _ := app.LoadZone(tz)
		p, err := ParsePage("k.txt", "By A and B / Jan 02, 2020 10:00 AM / X\n\n"+first+"\n\nMore.", PageOptions{Location: loc})
		if err != nil {
			t.Fatal(err)
		}
		return p.Items[0].Key()
	}
	base := page("Asia/Shanghai", "The first paragraph.")
	if !strings.HasPrefix(base, "portal:") || len(base) != len("portal:")+16 {
		t.Errorf("key %q", base)
	}
	if page("Europe/Berlin", "The first paragraph.") != base {
		t.Error("the key changed with the time zone of the import")
	}
	if page("Asia/Shanghai", "The  first paragraph.\u00a0") != base {
		t.Error("the key changed with spacing")
	}
	if page("Asia/Shanghai", "Another first paragraph.") == base {
		t.Error("two stories share a key")
	}
	long := strings.Repeat("word ", 30)
	if page("Asia/Shanghai", long+"one ending") != page("Asia/Shanghai", long+"another ending, cut") {
		t.Error("the key should only use the start of the first paragraph")
	}
}

// TestTestdataEconomy checks the hand-made page: Chinese text, other
// chrome, printed headlines and the variants the real fixture lacks.
func TestTestdataEconomy(t *testing.T) {
	data, err := os.ReadFile("testdata/economy-zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePage("economy-zh.txt", string(data), PageOptions{Location: shanghai(t)})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	line := func(n int) string { return cleanLine(lines[n-1]) }
	if len(p.Items) != 5 {
		t.Fatalf("%d items, want 5", len(p.Items))
	}
	type want struct {
		line            int
		headline        int // line of a printed headline, 0 for none
		names           []string
		source, section string
		when            string
		credits         []string
		contacts        []string // role:name:email:twitter:phone
		related         []int
		readMore        int
		paragraphs      int
		headings        []int
		first, last     int
	}
	for i, w := range []want{
		{line: 13, headline: 12, names: []string{"王小明", "李华", "Chen Jing"}, section: "经济", when: "2021-03-05 09:30", credits: []string{"视觉中国"},
			contacts: []string{"reporter:王小明:wang.xiaoming@example.com::", "reporter:李华::@lihua_news:", "editor:周敏:::"},
			related:  []int{37}, readMore: 31, paragraphs: 5, headings: []int{23}, first: 19, last: 29},
		{line: 40, names: []string{"Chen Jing", "Zhou Min", "Liu Yang"}, section: "Economy", when: "2021-03-04 15:05", credits: []string{"Xinhua/Li He", "IC"},
			contacts: []string{"reporter:Chen Jing:::", "reporter:Zhou Min:::", "editor:Liu Yang:liu.yang@example.com:@liuyang_ed:+86 10 8500 1234"},
			related:  []int{54}, readMore: 58, paragraphs: 3, first: 50, last: 56},
		{line: 66, source: "Reuters", section: "World", when: "2021-03-03 23:48", readMore: 72, paragraphs: 2, first: 68, last: 70},
		{line: 75, when: "2021-03-02 08:00", contacts: []string{"reporter:Ma Lin:ma.lin@example.com::"}, readMore: 85, paragraphs: 2, first: 81, last: 83},
		{line: 90, names: []string{"Zhou Min"}, section: "Economy", when: "2021-03-01 18:15", contacts: []string{"reporter:Zhou Min::@zhoumin_cx:"},
			related: []int{97}, paragraphs: 1, first: 92, last: 92},
	} {
		it := p.Items[i]
		if it.Line != w.line || !slices.Equal(it.Byline, w.names) || it.Source != w.source || it.Section != w.section ||
			it.Time.Format("2006-01-02 15:04") != w.when {
			t.Errorf("item %d: line %d byline %q source %q section %q time %s", i+1, it.Line, it.Byline, it.Source, it.Section, it.Time)
		}
		if w.headline > 0 && (it.Headline != line(w.headline) || it.HeadlineLine != w.headline) || w.headline == 0 && it.Headline != "" {
			t.Errorf("item %d: headline %q at %d", i+1, it.Headline, it.HeadlineLine)
		}
		var credits, contacts []string
		for _, ph := range it.Photos {
			credits = append(credits, ph.Credit)
		}
		for _, c := range it.Contacts {
			contacts = append(contacts, strings.Join([]string{string(c.Role), c.Name, c.Email, c.Twitter, c.Phone}, ":"))
		}
		if !slices.Equal(credits, w.credits) || !slices.Equal(contacts, w.contacts) {
			t.Errorf("item %d: credits %q contacts %q", i+1, credits, contacts)
		}
		var related []int
		for _, r := range it.Related {
			related = append(related, r.Line)
			if h, _ := relatedHeadline(line(r.Line)); r.Headline != h || h == "" {
				t.Errorf("item %d: related %q", i+1, r.Headline)
			}
		}
		if !slices.Equal(related, w.related) {
			t.Errorf("item %d: related lines %v, want %v", i+1, related, w.related)
		}
		if (it.ReadMore == nil) != (w.readMore == 0) || it.ReadMore != nil && (it.ReadMore.Line != w.readMore || it.ReadMore.Text != line(w.readMore)) {
			t.Errorf("item %d: read-more %+v, want line %d", i+1, it.ReadMore, w.readMore)
		}
		var paras, headings []int
		for _, b := range it.Blocks {
			if b.Heading {
				headings = append(headings, b.Line)
			} else {
				paras = append(paras, b.Line)
			}
			if b.Text != line(b.Line) {
				t.Errorf("item %d: block %q is not line %d as printed", i+1, b.Text, b.Line)
			}
		}
		if len(paras) != w.paragraphs || !slices.Equal(headings, w.headings) || paras[0] != w.first || paras[len(paras)-1] != w.last {
			t.Errorf("item %d: paragraphs at %v headings at %v", i+1, paras, headings)
		}
	}
	art := p.Items[0].item("Asia/Shanghai").Article
	if !strings.Contains(art.Body, "\n\n## 政策背景\n\n") || !strings.Contains(art.Body, "\n\n\\#城市更新#") || art.Photos[0].Caption != "施工人员在上海一处旧改项目现场作业。" {
		t.Errorf("first item article: %q %+v", art.Body, art.Photos)
	}
	second := p.Items[1].item("Asia/Shanghai")
	if second.Article.Headline != "Ports Brace for a Busy Spring" || !second.Indexed || !slices.Contains(second.Article.Flags, FlagNeedsHeadline) {
		t.Errorf("headline from a read-more line: %q %v", second.Article.Headline, second.Article.Flags)
	}
	for _, n := range []int{1, 2, 4, 5, 6, 7, 9} {
		if !slices.Contains(p.Chrome, Line{n, line(n)}) {
			t.Errorf("line %d is not page chrome: %v", n, p.Chrome)
		}
	}
	if !hasWarning(p, 75, "no section") || !hasWarning(p, 96, "without a headline") {
		t.Errorf("warnings %v", p.Warnings)
	}
}
