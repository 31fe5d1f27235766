package app_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"newsdesk/app"
)

func TestNormalize(t *testing.T) {
	body := "  First line keeps its spaces.  \n\n王晓明说：\t“好。”\n"
	a := &app.Article{
		Headline: "  数据保护法草案：企业需说明人脸识别用途  ",
		Dek:      "\t标准说明\n",
		Byline:   []string{" 王晓明 ", "", "  ", "Li Na"},
		Source:   " Xinhua ",
		Section:  " Politics & Law ",
		Tags:     []string{" Data  protection ", "data protection", "隐私", "DATA PROTECTION", "", "隐私 ", "Law"},
		Body:     body,
		Photos:   []app.Photo{{Image: " " + testImageRef + " ", Caption: " 会场 ", Credit: " VCG ", Alt: " 人 "}},
		Contacts: []app.Contact{
			{Name: " 王晓明 ", Email: " wang.xiaoming@newsdesk.example ", Twitter: " wxm_news ", Phone: " +86 10 5555 0101 "},
			{Role: app.RoleEditor, Name: "Li Na", Twitter: "@lina"},
		},
		Related:  []app.Related{{ID: " 0190f3a4-5b6c-7d8e-9f00-112233445566 "}, {Headline: " Outside ", URL: " https://example.org/a "}},
		ReadMore: &app.ReadMore{Text: "  ", URL: ""},
	}
	app.Normalize(a)
	want := &app.Article{
		Slug:     "数据保护法草案-企业需说明人脸识别用途",
		Headline: "数据保护法草案：企业需说明人脸识别用途",
		Dek:      "标准说明",
		Byline:   []string{"王晓明", "Li Na"},
		Source:   "Xinhua",
		Section:  "Politics & Law",
		Tags:     []string{"Data protection", "隐私", "Law"},
		Body:     body,
		Photos:   []app.Photo{{Image: testImageRef, Caption: "会场", Credit: "VCG", Alt: "人"}},
		Contacts: []app.Contact{
			{Role: app.RoleOther, Name: "王晓明", Email: "wang.xiaoming@newsdesk.example", Twitter: "@wxm_news", Phone: "+86 10 5555 0101"},
			{Role: app.RoleEditor, Name: "Li Na", Twitter: "@lina"},
		},
		Related:  []app.Related{{ID: "0190f3a4-5b6c-7d8e-9f00-112233445566"}, {Headline: "Outside", URL: "https://example.org/a"}},
		Status:   app.StatusDraft,
		TimeZone: app.DefaultTimeZone,
		Language: "zh",
	}
	if !reflect.DeepEqual(a, want) {
		g, _ := json.MarshalIndent(a, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Fatalf("Normalize gave\n%s\nwant\n%s", g, w)
	}
	// Normalising twice changes nothing: saving an unchanged article must
	// not produce a different revision.
	again := a.Clone()
	app.Normalize(again)
	if !reflect.DeepEqual(again, a) {
		t.Errorf("Normalize is not idempotent: %+v then %+v", a, again)
	}
}

func TestNormalizeKeepsChoices(t *testing.T) {
	a := &app.Article{
		Headline: "Bus data", Slug: "../../etc/passwd", Status: app.StatusReady,
		TimeZone: "Europe/London", Language: "en-GB", Body: "全部是中文的正文内容",
	}
	app.Normalize(a)
	if a.Slug != "etc-passwd" {
		t.Errorf("slug = %q, want etc-passwd", a.Slug)
	}
	if a.Status != app.StatusReady || a.TimeZone != "Europe/London" || a.Language != "en-GB" {
		t.Errorf("Normalize overrode editor choices: status %q zone %q language %q", a.Status, a.TimeZone, a.Language)
	}
}

func TestNormalizeSlugTraversal(t *testing.T) {
	for _, s := range []string{"../../etc", "..\\..\\Windows\\System32", "/etc/../root", "....//....//x", ".", "..", "~/.ssh/id_rsa"} {
		a := &app.Article{Headline: "Headline", Slug: s}
		app.Normalize(a)
		checkSlug(t, s, a.Slug)
		h := &app.Article{Headline: s}
		app.Normalize(h)
		checkSlug(t, s, h.Slug)
	}
}

func TestNormalizeTags(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{nil, []string{}},
		{[]string{"", "  ", "\t"}, []string{}},
		{[]string{"Economy", "economy", "ECONOMY"}, []string{"Economy"}},
		{[]string{"trade war", "Trade  War", " trade\twar "}, []string{"trade war"}},
		{[]string{"  China ", "AI", "ai", "Ai", "china", "5G"}, []string{"China", "AI", "5G"}},
		{[]string{"数据", "数据", "隐私 ", " 数据"}, []string{"数据", "隐私"}},
		{[]string{"b", "a", "B", "c", "A"}, []string{"b", "a", "c"}},
		{[]string{"Straße", "STRASSE"}, []string{"Straße", "STRASSE"}},
	}
	for _, tt := range tests {
		got := app.NormalizeTags(tt.in)
		if got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("NormalizeTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var slugTests = []struct {
	in, want string
}{
	{"", ""},
	{"Hello, World!", "hello-world"},
	{"  --Leading and trailing--  ", "leading-and-trailing"},
	{"China’s Data Law: What Changes", "china-s-data-law-what-changes"},
	{"数据保护法草案", "数据保护法草案"},
	{"王晓明：数据保护法草案 出台", "王晓明-数据保护法草案-出台"},
	{"Q3 GDP grew 4.8% 同比", "q3-gdp-grew-4-8-同比"},
	{"Ünïcödé Façade", "ünïcödé-façade"},
	{"../../etc", "etc"},
	{"../../etc/passwd", "etc-passwd"},
	{"..\\..\\Windows\\System32", "windows-system32"},
	{"/absolute/path", "absolute-path"},
	{"...", ""},
	{"a..b", "a-b"},
	{"tab\tnew\nline", "tab-new-line"},
	{"bad \xff utf-8", "bad-utf-8"},
	{"ＦＵＬＬＷＩＤＴＨ　１２３", "ｆｕｌｌｗｉｄｔｈ-１２３"},
	{strings.Repeat("a ", 100), strings.TrimSuffix(strings.Repeat("a-", 40), "-")},
	{strings.Repeat("新", 100), strings.Repeat("新", 80)},
	{strings.Repeat("x", 79) + " yz", strings.Repeat("x", 79)},
}

func TestSlugify(t *testing.T) {
	for _, tt := range slugTests {
		got := app.Slugify(tt.in)
		if got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkSlug(t, tt.in, got)
	}
}

// checkSlug holds the promises every slug keeps, whatever the input: it can
// name a file or a URL path segment and never leaves its folder.
func checkSlug(t *testing.T, in, slug string) {
	t.Helper()
	switch {
	case !utf8.ValidString(slug):
		t.Errorf("Slugify(%q) = %q, not valid UTF-8", in, slug)
	case strings.ContainsAny(slug, "/\\"):
		t.Errorf("Slugify(%q) = %q contains a path separator", in, slug)
	case strings.Contains(slug, ".."):
		t.Errorf("Slugify(%q) = %q contains ..", in, slug)
	case strings.HasPrefix(slug, "-") || strings.HasSuffix(slug, "-"):
		t.Errorf("Slugify(%q) = %q starts or ends with a hyphen", in, slug)
	case strings.Contains(slug, "--"):
		t.Errorf("Slugify(%q) = %q has a double hyphen", in, slug)
	case utf8.RuneCountInString(slug) > 80:
		t.Errorf("Slugify(%q) = %q is %d characters, more than 80", in, slug, utf8.RuneCountInString(slug))
	case app.Slugify(slug) != slug:
		t.Errorf("Slugify(%q) = %q but Slugify of that is %q", in, slug, app.Slugify(slug))
	}
}

func FuzzSlugify(f *testing.F) {
	for _, tt := range slugTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSlug(t, s, app.Slugify(s))
	})
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "en"},
		{"Lawmakers debate a data law", "en"},
		{"人大常委会审议数据保护法草案", "zh"},
		{"Wang Xiaoming (王晓明) told reporters the plan would take years", "en"},
		{"王晓明说，AI 芯片的出口管制会影响 supply chain", "zh"},
		{"12345 !!!", "en"},
	}
	for _, tt := range tests {
		if got := app.DetectLanguage(tt.in); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
