package portal

import (
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

func parseFile(t *testing.T, path string, opt Options) *File {
	t.Helper()
	f, err := Parse(Input{Name: path}, opt)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func at(t *testing.T, s string) *time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return &v
}

func sameInstant(a, b *time.Time) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
}

func TestNinjs2Object(t *testing.T) {
	f := parseFile(t, "testdata/ninjs-2.json", Options{})
	if f.Format != FormatNinjs || len(f.Items) != 1 {
		t.Fatalf("format %s, %d items", f.Format, len(f.Items))
	}
	it := f.Items[0]
	a := it.Article
	wantBody := "Three southern ports said on Thursday they would add berths for the largest container ships by 2024." +
		"\n\n## Costs" +
		"\n\nThe [plan](https://example.com/plan) costs 12 billion yuan, a figure the ports did not break down." +
		"\n\n- Shenzhen\n\n- Guangzhou & Zhuhai" +
		"\n\n> “We are ready,” a port official said." +
		"\n\n\\#1 on the list is Shenzhen.\n\nWork starts in May."
	if a.Body != wantBody {
		t.Errorf("body:\n%s\nwant:\n%s", a.Body, wantBody)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"headline", a.Headline, "Harbour Cities Race to Build Container Terminals"},
		{"dek", a.Dek, "Three southern ports will add berths for the largest ships by 2024."},
		{"byline", strings.Join(a.Byline, "|"), "Lena Park|周明"},
		{"section", a.Section, "Economy"},
		{"tags", strings.Join(a.Tags, "|"), "Ports|Shipping|Shenzhen"},
		{"status", a.Status, app.StatusPublished},
		{"language", a.Language, "en"},
		{"import key", a.ImportKey, "ninjs:urn:newsdesk-test:2021:harbour-1"},
		{"time zone", a.TimeZone, "Asia/Shanghai"},
		{"published", sameInstant(a.PublishedAt, at(t, "2021-03-04T09:15:00+08:00")), true},
		{"embargo", sameInstant(a.EmbargoUntil, at(t, "2021-03-04T12:00:00+08:00")), true},
		{"flags", len(a.Flags), 0},
		{"indexed", it.Indexed, true},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	wantContacts := []app.Contact{
		{Role: app.RoleReporter, Name: "Lena Park", Email: "lena.park@example.com", Twitter: "@lenapark"},
		{Role: app.RoleEditor, Name: "周明", Email: "zhou.ming@example.com", Phone: "+86 755 1234 5678"},
	}
	if !slices.Equal(a.Contacts, wantContacts) {
		t.Errorf("contacts %+v", a.Contacts)
	}
	if !slices.Equal(a.Photos, []app.Photo{{Caption: "Cranes at a terminal in Shenzhen.", Credit: "Xinhua/Li He", Alt: "Three cranes over a quay"}}) {
		t.Errorf("photos %+v", a.Photos)
	}
	if !slices.Equal(it.Refs, []Ref{{Line: 1, Headline: "Ports Brace for a Busy Spring", URL: "https://example.com/stories/ports-spring"}}) {
		t.Errorf("refs %+v", it.Refs)
	}
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0].Message, "associated video") {
		t.Errorf("warnings %v", f.Warnings)
	}
}

func TestNinjsArrayStatuses(t *testing.T) {
	f := parseFile(t, "testdata/ninjs-array.json", Options{Section: "World"})
	if len(f.Items) != 3 {
		t.Fatalf("%d items, want 3 (the lone picture is not a story)", len(f.Items))
	}
	zh, held, canceled := f.Items[0].Article, f.Items[1].Article, f.Items[2].Article
	if zh.Headline != "城市更新试点扩大到二十个城市" || zh.Body != "住房和城乡建设部周四表示，城市更新试点将扩大到二十个城市。\n\n首批名单将在下月公布。" ||
		zh.Language != "zh" || !slices.Equal(zh.Tags, []string{"城市", "住房"}) || !slices.Equal(zh.Byline, []string{"王小明"}) ||
		zh.Status != app.StatusPublished || zh.Section != "World" || !sameInstant(zh.PublishedAt, at(t, "2021-03-05T01:30:00Z")) {
		t.Errorf("Chinese item: %+v", zh)
	}
	if held.Status != app.StatusDraft || held.PublishedAt != nil || !slices.Contains(held.Flags, FlagWithheld) || held.Source != "Reuters" ||
		held.Body != "The rules were held back.\n\nA new date was not set." {
		t.Errorf("withheld item: %+v", held)
	}
	if canceled.Status != app.StatusKilled || canceled.Note == "" || !sameInstant(canceled.PublishedAt, at(t, "2021-03-05T09:00:00+08:00")) {
		t.Errorf("canceled item: %+v", canceled)
	}
	if f.Items[1].Line != 12 || f.Items[2].Line != 20 {
		t.Errorf("item lines %d %d, want 12 20", f.Items[1].Line, f.Items[2].Line)
	}
	if len(f.Warnings) != 1 || f.Warnings[0].Line != 28 || !strings.Contains(f.Warnings[0].Message, "picture item is not a story") {
		t.Errorf("warnings %v", f.Warnings)
	}
}

func TestNinjsLinesAndV1(t *testing.T) {
	f := parseFile(t, "testdata/ninjs-lines.jsonl", Options{})
	var lines []int
	for _, it := range f.Items {
		lines = append(lines, it.Line)
	}
	if !slices.Equal(lines, []int{1, 2, 4}) {
		t.Fatalf("items at lines %v, want 1 2 4", lines)
	}
	second := f.Items[1].Article
	if second.Headline != "A story without a headline" || !slices.Contains(second.Flags, FlagNeedsHeadline) || f.Items[1].Indexed {
		t.Errorf("working headline %q flags %v", second.Headline, second.Flags)
	}
	if k := f.Items[2].Article.ImportKey; k != "ninjs:tag:newsdesk-test,2021:line-3" {
		t.Errorf("guid key %q", k)
	}

	v1 := parseFile(t, "testdata/ninjs-1.json", Options{}).Items[0]
	a := v1.Article
	if a.Headline != "Working Group to Draft Facial-Recognition Standards" || a.Dek != "An industry group will write national rules." ||
		a.Body != "An industry working group will draft national standards.\n\nIts members include three large platforms." ||
		a.Source != "Xinhua" || len(a.Byline) != 0 || !slices.Equal(a.Tags, []string{"Technology", "Beijing"}) ||
		!sameInstant(a.PublishedAt, at(t, "2019-11-28T03:56:00Z")) || a.ImportKey != "ninjs:tag:newsdesk-test,2019:v1-story" || len(a.Contacts) != 0 {
		t.Errorf("ninjs 1.x item: %+v", a)
	}
	if !slices.Equal(a.Photos, []app.Photo{{Caption: "A face-scanning gate at a Beijing station.", Credit: "Xinhua/Zhang Yu"}}) {
		t.Errorf("1.x picture: %+v", a.Photos)
	}
	if !slices.Equal(v1.Refs, []Ref{{Line: 1, Headline: "What the Rules Cover"}}) {
		t.Errorf("1.x associated story: %+v", v1.Refs)
	}
}

func TestNinjsKeys(t *testing.T) {
	conv := &ninjsConv{file: "k.json"}
	long := "urn:x:" + strings.Repeat("a", 400)
	if k := conv.key(1, ninjsItem{URI: long}, &app.Article{}); !strings.HasPrefix(k, "ninjs:sha256:") || len(k) > app.MaxShortField {
		t.Errorf("long uri key %q", k)
	}
	a := &app.Article{Headline: "H", Body: "B"}
	k1 := conv.key(1, ninjsItem{VersionCreated: "2021-01-01T00:00:00Z"}, a)
	k2 := conv.key(1, ninjsItem{VersionCreated: "2021-01-01T00:00:00Z"}, a)
	if k1 != k2 || !strings.HasPrefix(k1, "ninjs:fp:") || len(conv.warnings) != 2 {
		t.Errorf("fingerprint keys %q %q, warnings %v", k1, k2, conv.warnings)
	}
}

func TestNinjsBadInput(t *testing.T) {
	for _, tc := range []struct{ name, json, want string }{
		{"string", `"just a string"`, "bad.json line 1: expected a ninjs object"},
		{"numbers", "[\n  {\"uri\": \"a\", \"headline\": \"A\"},\n  2\n]", "bad.json line 3: item 2 of the array is a number"},
		{"not ninjs", `{"name": "Ann", "age": 3}`, "bad.json line 1: this JSON object is not a ninjs item"},
		{"wrong type", "{\n  \"uri\": \"a\",\n  \"headlines\": \"A headline\"\n}", "bad.json line 3: headlines: expected a list"},
		{"wrong nested type", "{\"uri\": \"a\",\n \"people\": [{\"name\": 5}]}", "bad.json line 2: people.name: expected a string"},
		{"truncated", "{\"uri\": \"a\",\n \"headline\": \"A", "bad.json line 2: the JSON is cut off"},
		{"syntax", "{\"uri\": \"a\",\n \"headline\" \"A\"}", "bad.json line 2, column 13: invalid JSON"},
		{"impossible date", "{\"uri\": \"a\",\n\"headline\": \"A\", \"body_text\": \"B\"}\n{\"uri\": \"b\", \"versioncreated\": \"2021-02-30T10:00:00Z\", \"headline\": \"B\"}",
			"bad.json line 3: versioncreated \"2021-02-30T10:00:00Z\" is not a valid date-time"},
		{"year", `{"uri": "a", "headline": "A", "firstcreated": "0001-01-01T00:00:00Z"}`, "year 1 is out of range"},
		{"bad associations", `{"uri": "a", "headline": "A", "associations": "pic"}`, "associations: expected an array or an object"},
	} {
		_, _, err := parseNinjs("bad.json", tc.json, "Asia/Shanghai", Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || app.ErrorCode(err) != app.EINVALID {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestHTMLToMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"Plain text, no tags", "Plain text, no tags"},
		{"<h1>Big</h1><h4>Small</h4>", "## Big\n\n### Small"},
		{"<ol><li>First</li><li>Second</li></ol>", "1. First\n\n1. Second"},
		{"<p>a &lt; b &amp;&amp; c &gt; d</p>", "a < b && c > d"},
		{"<p>x < y and y > z</p>", "x < y and y > z"},
		{"<p>Tom &amp; Jerry&nbsp;show</p>", "Tom & Jerry show"},
		{"<script>document.write('<p>evil</p>')</script><p>safe</p>", "safe"},
		{"<style>p{color:red}</style><p>ok</p>", "ok"},
		{`<p><a href="data:text/html,x">data</a> <a href='https://example.com/a b'>space</a> <a href=https://example.com/ok>ok</a></p>`,
			"data space [ok](https://example.com/ok)"},
		{"<p>Unclosed <b>bold", "Unclosed bold"},
		{"<div><p>Nested</p><p>blocks</p></div>", "Nested\n\nblocks"},
		{"<p>[brackets] in <a href=\"https://e.com\">a [link]</a></p>", "[brackets] in [a \\[link\\]](https://e.com)"},
		{"<p>中文<em>强调</em>文本</p>", "中文强调文本"},
		{"<p>broken <a href=\"https://e.com\">never closed</p><p>next</p>", "broken never closed\n\nnext"},
		{"<!-- only a comment", ""},
		{"<p>a</p><p>   </p><p>b</p>", "a\n\nb"},
	} {
		if got := htmlToMarkdown(tc.in); got != tc.want {
			t.Errorf("htmlToMarkdown(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
	if got := htmlToText("<b>Bold</b> <i>headline</i><br>with a break"); got != "Bold headline with a break" {
		t.Errorf("htmlToText = %q", got)
	}
	if got := textToMarkdown("# not a heading\nsecond line"); got != "\\# not a heading\n\nsecond line" {
		t.Errorf("textToMarkdown = %q", got)
	}
}
