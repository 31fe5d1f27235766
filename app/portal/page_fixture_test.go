package portal

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fixturePath is the real portal page, kept outside the repository in the
// workplace's shared fixtures (../shared/fixtures from the repository root).
var fixturePath = filepath.Join("..", "..", "..", "shared", "fixtures", "portal", "caixin-politics-law.txt")

// readFixture returns the real page and its lines, or skips the test when
// the repository is used outside the workplace that holds the fixture.
func readFixture(t testing.TB) (string, []string) {
	t.Helper()
	data, err := os.ReadFile(fixturePath)
	if os.IsNotExist(err) {
		abs, _ := filepath.Abs(fixturePath)
		t.Skipf("SKIPPED: the real portal fixture %s is absent (it lives outside the repository, in the workplace's ../shared/fixtures); "+
			"the synthetic pages in testdata/ are tested instead", abs)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data), strings.Split(string(data), "\n")
}

// fixtureItem is what the test expects of one item; contacts are
// "role:name:twitter".
type fixtureItem struct {
	line       int
	names      []string
	source     string
	when       string // wall clock, Asia/Shanghai
	credits    []string
	contacts   []string
	related    []int // lines of "Related:" lines
	readMore   int   // line of the read-more line
	paragraphs int
	headings   []int // lines of headings
	first      int   // line of the first paragraph
	last       int   // line of the last paragraph
}

// fixtureItems is written by hand from the fixture, item by item. Names,
// times and counts are written here; every sentence is read from the
// fixture at the line given, so the project never copies its text.
var fixtureItems = []fixtureItem{
	{line: 9, names: []string{"Matthew Walsh"}, when: "2020-10-21 11:17", credits: []string{"VCG"}, contacts: []string{"reporter:Matthew Walsh:"}, readMore: 25, paragraphs: 5, first: 15, last: 23},
	{line: 30, names: []string{"Xu Chenggang"}, when: "2020-10-15 12:51", credits: []string{"VCG"}, contacts: []string{"editor:Marcus Ryder:"}, readMore: 46, paragraphs: 5, first: 36, last: 44},
	{line: 51, names: []string{"Matthew Walsh"}, when: "2020-10-14 13:03", contacts: []string{"reporter:Matthew Walsh:"}, readMore: 63, paragraphs: 5, first: 53, last: 61},
	{line: 68, names: []string{"Liu Denghui", "Di Ning", "Tang Hanyu", "Wang Yiran", "Han Wei"}, when: "2020-09-21 14:35",
		contacts: []string{"reporter:Han Wei:", "editor:Bob Simison:"}, readMore: 78, paragraphs: 4, first: 70, last: 76},
	{line: 83, names: []string{"Ingrid Luan"}, when: "2020-09-04 12:31", contacts: []string{"editor:Joshua Dummer:"}, readMore: 97, paragraphs: 5, first: 85, last: 93},
	{line: 100, names: []string{"Yang Ge"}, when: "2020-09-01 18:02", contacts: []string{"reporter:Yang Ge:"}, readMore: 112, paragraphs: 5, first: 102, last: 110},
	{line: 117, names: []string{"Zhang Yuzhe", "Guo Yingzhe"}, when: "2020-06-12 12:57", credits: []string{"VCG"}, contacts: []string{"reporter:Guo Yingzhe:"},
		related: []int{135}, readMore: 131, paragraphs: 4, first: 123, last: 129},
	{line: 138, source: "Bloomberg", when: "2020-04-17 10:41", credits: []string{"IC"}, contacts: []string{"editor:Yang Ge:"}, related: []int{160}, paragraphs: 8, first: 144, last: 158},
	{line: 165, names: []string{"Dave Yin"}, when: "2020-03-04 19:39", credits: []string{"VCG"}, contacts: []string{"reporter:Dave Yin:", "editor:Matthew Walsh:"},
		related: []int{189}, paragraphs: 8, first: 171, last: 185},
	{line: 192, names: []string{"Dave Yin"}, when: "2020-01-07 04:25", contacts: []string{"reporter:Dave Yin:"}, related: []int{220}, paragraphs: 11, first: 196, last: 216},
	{line: 223, source: "Bloomberg", when: "2019-12-30 15:13", related: []int{233}, paragraphs: 4, first: 225, last: 231},
	{line: 236, names: []string{"Matthew Walsh"}, when: "2019-12-19 13:02", credits: []string{"VCG"}, contacts: []string{"reporter:Matthew Walsh:"}, related: []int{256}, paragraphs: 6, first: 242, last: 252},
	{line: 259, names: []string{"Timmy Shen"}, when: "2019-12-09 14:41", credits: []string{"VCG"}, contacts: []string{"reporter:Timmy Shen:@timmyhmshen"}, readMore: 275, paragraphs: 5, first: 265, last: 273},
	{line: 280, names: []string{"Guo Yingzhe", "Wu Xiaomeng"}, when: "2019-12-05 14:26", credits: []string{"VCG"}, contacts: []string{"reporter:Guo Yingzhe:"},
		related: []int{292}, readMore: 288, paragraphs: 1, first: 286, last: 286},
	{line: 295, names: []string{"Matthew Walsh"}, when: "2019-12-03 11:53", credits: []string{"VCG"}, contacts: []string{"reporter:Matthew Walsh:"}, related: []int{315}, paragraphs: 6, first: 301, last: 311},
	{line: 318, names: []string{"Matthew Walsh"}, when: "2019-12-02 16:38", credits: []string{"VCG"}, contacts: []string{"reporter:Matthew Walsh:"}, related: []int{336}, paragraphs: 5, first: 324, last: 332},
	{line: 339, names: []string{"Ding Yi"}, when: "2019-12-02 12:46", credits: []string{"VCG"}, contacts: []string{"reporter:Ding Yi:"}, related: []int{359}, paragraphs: 6, first: 345, last: 355},
	{line: 362, source: "Bloomberg", when: "2019-12-02 10:49", credits: []string{"VCG"}, related: []int{374}, paragraphs: 3, first: 368, last: 372},
	{line: 377, names: []string{"Dave Yin"}, when: "2019-11-30 02:36", credits: []string{"VCG"}, contacts: []string{"reporter:Dave Yin:"}, related: []int{423},
		paragraphs: 16, headings: []int{387, 401, 411}, first: 383, last: 419},
	{line: 426, names: []string{"Ding Yi"}, when: "2019-11-28 11:56", credits: []string{"VCG"}, contacts: []string{"reporter:Ding Yi:"}, related: []int{446}, paragraphs: 6, first: 432, last: 442},
}

func TestFixturePage(t *testing.T) {
	text, lines := readFixture(t)
	line := func(n int) string { return cleanLine(lines[n-1]) }
	p, err := ParsePage("caixin-politics-law.txt", text, PageOptions{Location: shanghai(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != len(fixtureItems) || len(p.Skipped) != 0 {
		t.Fatalf("%d items (%d skipped), want %d", len(p.Items), len(p.Skipped), len(fixtureItems))
	}
	for i, w := range fixtureItems {
		it := p.Items[i]
		name := "item " + itoa(i+1) + " (line " + itoa(w.line) + ")"
		if it.Line != w.line || !slices.Equal(it.Byline, w.names) || it.Source != w.source || it.Section != "Politics & Law" ||
			it.Time.Format("2006-01-02 15:04") != w.when || it.Time.Location().String() != "Asia/Shanghai" {
			t.Errorf("%s: line %d byline %q source %q section %q time %s", name, it.Line, it.Byline, it.Source, it.Section, it.Time)
		}
		var credits, contacts []string
		for _, ph := range it.Photos {
			credits = append(credits, ph.Credit)
			if ph.Caption != "" || len(ph.Lines) != 2 {
				t.Errorf("%s: photo %+v is not one photo printed twice", name, ph)
			}
		}
		for _, c := range it.Contacts {
			contacts = append(contacts, string(c.Role)+":"+c.Name+":"+c.Twitter)
		}
		if !slices.Equal(credits, w.credits) || !slices.Equal(contacts, w.contacts) {
			t.Errorf("%s: credits %q contacts %q, want %q %q", name, credits, contacts, w.credits, w.contacts)
		}
		var related []int
		for _, r := range it.Related {
			related = append(related, r.Line)
			if want := strings.TrimSpace(strings.TrimPrefix(line(r.Line), "Related:")); r.Headline != want {
				t.Errorf("%s: related headline %q, want %q", name, r.Headline, want)
			}
		}
		if !slices.Equal(related, w.related) {
			t.Errorf("%s: related lines %v, want %v", name, related, w.related)
		}
		switch {
		case w.readMore == 0 && it.ReadMore != nil:
			t.Errorf("%s: unexpected read-more %+v", name, it.ReadMore)
		case w.readMore != 0 && (it.ReadMore == nil || it.ReadMore.Line != w.readMore || it.ReadMore.Text != line(w.readMore)):
			t.Errorf("%s: read-more %+v, want line %d", name, it.ReadMore, w.readMore)
		}
		var paras, headings []int
		for _, b := range it.Blocks {
			if b.Text != line(b.Line) {
				t.Errorf("%s: block %q differs from line %d", name, b.Text, b.Line)
			}
			if b.Heading {
				headings = append(headings, b.Line)
			} else {
				paras = append(paras, b.Line)
			}
		}
		if len(paras) != w.paragraphs || paras[0] != w.first || paras[len(paras)-1] != w.last || !slices.Equal(headings, w.headings) {
			t.Errorf("%s: paragraphs at lines %v, headings at %v", name, paras, headings)
		}
		if it.Truncated || len(it.Chrome) > 0 && i < len(fixtureItems)-1 {
			t.Errorf("%s: truncated %v, furniture %v", name, it.Truncated, it.Chrome)
		}
	}
	// The headline comes from "Read full story: <headline>" where the page
	// has one, else from the first sentence.
	fifth := p.Items[4].item("Asia/Shanghai").Article
	if want := strings.TrimPrefix(line(97), "Read full story: "); fifth.Headline != want || !slices.Contains(fifth.Flags, FlagNeedsHeadline) {
		t.Errorf("item 5 headline %q flags %v, want %q", fifth.Headline, fifth.Flags, want)
	}
	for _, n := range []int{1, 3, 6} {
		if !slices.Contains(p.Chrome, Line{n, line(n)}) {
			t.Errorf("line %d should be page chrome: %v", n, p.Chrome)
		}
	}
	last := p.Items[len(p.Items)-1]
	if !slices.Equal(last.Chrome, []Line{{450, line(450)}, {451, line(451)}}) {
		t.Errorf("the share box after the last item: %v", last.Chrome)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
