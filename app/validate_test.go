package app_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

const testImageRef = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// completeArticle returns an article that passes the strict rules, so each
// table case can break exactly one of them.
func completeArticle() *app.Article {
	at := time.Date(2026, 3, 2, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
	return &app.Article{
		ID:       "0190f3a4-5b6c-7d8e-9f00-112233445566",
		Slug:     "city-opens-bus-data",
		Headline: "City Opens Its Bus Data to App Makers",
		Dek:      "Timetables and live positions go public.\nDevelopers welcome the move.",
		Byline:   []string{"Chen Yuxin", "王晓明"},
		Section:  "Politics & Law",
		Tags:     []string{"transport", "open data"},
		Body:     "The transport bureau said on Monday it would publish live bus positions.\n\n## What changes\n\n王晓明说，数据每三十秒更新一次。",
		Photos: []app.Photo{{
			Image: testImageRef, Caption: "A bus at the Xujiahui terminal.", Credit: "VCG", Alt: "A blue city bus",
		}},
		Contacts: []app.Contact{
			{Role: app.RoleReporter, Name: "Chen Yuxin", Email: "chen.yuxin@newsdesk.example", Twitter: "@chenyuxin"},
			{Role: app.RoleEditor, Name: "Helen Zhou", Email: "helen.zhou@newsdesk.example", Phone: "+86 21 5555 0100"},
		},
		Related: []app.Related{
			{ID: "0190f3a4-5b6c-7d8e-9f00-aabbccddeeff"},
			{Headline: "How other cities share transit data", URL: "https://www.example.org/transit-data"},
		},
		ReadMore:    &app.ReadMore{Text: "Read the full story here", URL: "https://portal.newsdesk.example/bus-data"},
		Status:      app.StatusPublished,
		TimeZone:    "Asia/Shanghai",
		PublishedAt: &at,
		Language:    "en",
	}
}

func TestValidate(t *testing.T) {
	x := func(n int) string { return strings.Repeat("x", n) }
	year := func(y int) *time.Time {
		t := time.Date(y, 1, 2, 3, 4, 5, 0, time.UTC)
		return &t
	}
	tests := []struct {
		name   string
		edit   func(a *app.Article)
		strict bool
		fields []string // the problems expected, in order; nil means valid
		msg    string   // expected in the first problem's message
	}{
		{name: "complete article", edit: func(a *app.Article) {}, strict: true},
		{name: "empty draft", edit: func(a *app.Article) { *a = app.Article{} }},
		{
			name: "empty article when strict", edit: func(a *app.Article) { *a = app.Article{} }, strict: true,
			fields: []string{"headline", "byline", "section", "body"}, msg: "is required",
		},
		{
			name: "blank body when strict", edit: func(a *app.Article) { a.Body = " \n\t\n" }, strict: true,
			fields: []string{"body"}, msg: "is required",
		},
		{name: "agency copy without byline", edit: func(a *app.Article) { a.Byline = nil; a.Source = "Reuters" }, strict: true},
		{name: "200 Chinese characters fit the headline", edit: func(a *app.Article) { a.Headline = strings.Repeat("中", 200) }, strict: true},
		{
			name: "headline over 200 characters", edit: func(a *app.Article) { a.Headline = strings.Repeat("新", 201) },
			fields: []string{"headline"}, msg: "201 characters long, more than the limit of 200",
		},
		{
			name: "5 MB headline", edit: func(a *app.Article) { a.Headline = x(5 << 20) },
			fields: []string{"headline"}, msg: "more than the limit of 200",
		},
		{
			name: "headline with a newline", edit: func(a *app.Article) { a.Headline = "Two\nlines" },
			fields: []string{"headline"}, msg: "control character (U+000A)",
		},
		{
			name: "headline with a NUL", edit: func(a *app.Article) { a.Headline = "Nul\x00byte" },
			fields: []string{"headline"}, msg: "control character (U+0000)",
		},
		{
			name: "headline with a tab", edit: func(a *app.Article) { a.Headline = "Tab\there" },
			fields: []string{"headline"}, msg: "one line of text",
		},
		{
			name: "headline not UTF-8", edit: func(a *app.Article) { a.Headline = "bad \xff byte" },
			fields: []string{"headline"}, msg: "not valid UTF-8",
		},
		{name: "dek may span lines", edit: func(a *app.Article) { a.Dek = "One.\nTwo.\n\nThree." }, strict: true},
		{
			name: "dek over 1000 characters", edit: func(a *app.Article) { a.Dek = x(1001) },
			fields: []string{"dek"}, msg: "limit of 1000",
		},
		{
			name: "source with a control character", edit: func(a *app.Article) { a.Source = "Reu\x07ters" },
			fields: []string{"source"}, msg: "control character",
		},
		{name: "section too long", edit: func(a *app.Article) { a.Section = x(301) }, fields: []string{"section"}, msg: "limit of 300"},
		{name: "slug too long", edit: func(a *app.Article) { a.Slug = x(301) }, fields: []string{"slug"}, msg: "limit of 300"},
		{name: "body not UTF-8", edit: func(a *app.Article) { a.Body = "caf\xe9" }, fields: []string{"body"}, msg: "not valid UTF-8"},
		{
			name: "body over 2 MB", edit: func(a *app.Article) { a.Body = x(app.MaxBodyBytes + 1) },
			fields: []string{"body"}, msg: "more than the limit of 2097152",
		},
		{name: "body may hold tabs and newlines", edit: func(a *app.Article) { a.Body = "a\tb\n\nc\r\n" }, strict: true},
		{
			name: "too many byline names", edit: func(a *app.Article) { a.Byline = slices.Repeat([]string{"Li Na"}, 31) },
			fields: []string{"byline"}, msg: "31 names, more than 30",
		},
		{
			name: "byline name too long", edit: func(a *app.Article) { a.Byline = []string{x(121)} },
			fields: []string{"byline[0]"}, msg: "limit of 120",
		},
		{
			name: "byline name over two lines", edit: func(a *app.Article) { a.Byline = []string{"Li Na", "Tom\nBaker"} },
			fields: []string{"byline[1]"}, msg: "control character",
		},
		{
			name: "too many tags", edit: func(a *app.Article) { a.Tags = slices.Repeat([]string{"t"}, 51) },
			fields: []string{"tags"}, msg: "51 tags, more than 50",
		},
		{name: "tag too long", edit: func(a *app.Article) { a.Tags = []string{"ok", x(61)} }, fields: []string{"tags[1]"}, msg: "limit of 60"},
		{
			name: "photo without credit when strict", edit: func(a *app.Article) { a.Photos[0].Credit = "" }, strict: true,
			fields: []string{"photos[0].credit"}, msg: "every photo needs a credit",
		},
		{name: "photo without credit in a draft", edit: func(a *app.Article) { a.Photos[0].Credit = "" }},
		{
			name: "photo without image when strict", edit: func(a *app.Article) { a.Photos[0].Image = "" }, strict: true,
			fields: []string{"photos[0].image"}, msg: "has no image",
		},
		{name: "photo file still to attach", edit: func(a *app.Article) { a.Photos[0].Image = ""; a.Photos[0].File = "bus.jpg" }, strict: true},
		{
			name: "photo image not a blob reference", edit: func(a *app.Article) { a.Photos[0].Image = "../../etc/passwd" },
			fields: []string{"photos[0].image"}, msg: "not a stored image reference",
		},
		{
			name: "too many photos", edit: func(a *app.Article) { a.Photos = slices.Repeat(a.Photos, 51) },
			fields: []string{"photos"}, msg: "51 photos",
		},
		{
			name: "caption too long", edit: func(a *app.Article) { a.Photos[0].Caption = x(2001) },
			fields: []string{"photos[0].caption"}, msg: "limit of 2000",
		},
		{
			name: "credit with a newline", edit: func(a *app.Article) { a.Photos[0].Credit = "VCG\nXinhua" },
			fields: []string{"photos[0].credit"}, msg: "control character",
		},
		{
			name: "e-mail without domain", edit: func(a *app.Article) { a.Contacts[0].Email = "chen.yuxin" },
			fields: []string{"contacts[0].email"}, msg: "not an e-mail address",
		},
		{
			name: "e-mail with display name", edit: func(a *app.Article) { a.Contacts[0].Email = "Chen <chen@newsdesk.example>" },
			fields: []string{"contacts[0].email"}, msg: "not an e-mail address",
		},
		{
			name: "e-mail without a dot in the domain", edit: func(a *app.Article) { a.Contacts[1].Email = "helen@localhost" },
			fields: []string{"contacts[1].email"}, msg: "not an e-mail address",
		},
		{
			name: "e-mail with two at signs", edit: func(a *app.Article) { a.Contacts[0].Email = "a@@newsdesk.example" },
			fields: []string{"contacts[0].email"}, msg: "not an e-mail address",
		},
		{
			name: "e-mail too long", edit: func(a *app.Article) { a.Contacts[0].Email = x(300) + "@newsdesk.example" },
			fields: []string{"contacts[0].email"}, msg: "more than 300",
		},
		{
			name: "twitter handle too long", edit: func(a *app.Article) { a.Contacts[0].Twitter = "@handle_far_too_long" },
			fields: []string{"contacts[0].twitter"}, msg: "not a Twitter handle",
		},
		{
			name: "twitter handle without @", edit: func(a *app.Article) { a.Contacts[0].Twitter = "chenyuxin" },
			fields: []string{"contacts[0].twitter"}, msg: "not a Twitter handle",
		},
		{
			name: "twitter handle with a dash", edit: func(a *app.Article) { a.Contacts[0].Twitter = "@chen-yuxin" },
			fields: []string{"contacts[0].twitter"}, msg: "not a Twitter handle",
		},
		{
			name: "phone with letters", edit: func(a *app.Article) { a.Contacts[1].Phone = "call the desk" },
			fields: []string{"contacts[1].phone"}, msg: "not a phone number",
		},
		{
			name: "unknown contact role", edit: func(a *app.Article) { a.Contacts[0].Role = "photographer" },
			fields: []string{"contacts[0].role"}, msg: `"photographer" is not a role`,
		},
		{
			name: "e-mail without a name", edit: func(a *app.Article) { a.Contacts[0].Name = "" },
			fields: []string{"contacts[0].name"}, msg: "is required",
		},
		{
			name: "empty contact when strict", edit: func(a *app.Article) { a.Contacts = []app.Contact{{Role: app.RoleEditor}} }, strict: true,
			fields: []string{"contacts[0].name"}, msg: "is required",
		},
		{name: "empty contact in a draft", edit: func(a *app.Article) { a.Contacts = []app.Contact{{Role: app.RoleEditor}} }},
		{
			name: "too many contacts", edit: func(a *app.Article) { a.Contacts = slices.Repeat(a.Contacts[:1], 51) },
			fields: []string{"contacts"}, msg: "51 entries",
		},
		{
			name: "related without id or url", edit: func(a *app.Article) { a.Related = []app.Related{{}} },
			fields: []string{"related[0]"}, msg: "needs an article id, or the headline (and URL) of an outside story",
		},
		{
			name: "related url without headline", edit: func(a *app.Article) { a.Related[1].Headline = "" },
			fields: []string{"related[1]"}, msg: "needs an article id",
		},
		{
			name: "related id not a uuid", edit: func(a *app.Article) { a.Related[0].ID = "../other" },
			fields: []string{"related[0].id"}, msg: "not an article id",
		},
		{
			name: "related url not http", edit: func(a *app.Article) { a.Related[1].URL = "ftp://example.org/x" },
			fields: []string{"related[1].url"}, msg: "not an http(s) address",
		},
		{
			name: "too many related", edit: func(a *app.Article) { a.Related = slices.Repeat(a.Related[:1], 51) },
			fields: []string{"related"}, msg: "51 entries",
		},
		{
			name: "read more without text", edit: func(a *app.Article) { a.ReadMore.Text = "" },
			fields: []string{"read_more.text"}, msg: "is required",
		},
		{
			name: "read more with a script url", edit: func(a *app.Article) { a.ReadMore.URL = "javascript:alert(1)" },
			fields: []string{"read_more.url"}, msg: "not an http(s) address",
		},
		{
			name: "read more url too long", edit: func(a *app.Article) { a.ReadMore.URL = "https://example.org/" + x(2048) },
			fields: []string{"read_more.url"}, msg: "more than 2048",
		},
		{
			name: "unknown status", edit: func(a *app.Article) { a.Status = "archived" },
			fields: []string{"status"}, msg: `unknown status "archived"`,
		},
		{
			name: "scheduled without time", edit: func(a *app.Article) { a.Status = app.StatusScheduled; a.ScheduledAt = nil }, strict: true,
			fields: []string{"scheduled_at"}, msg: "needs a publication time",
		},
		{name: "scheduled with time", edit: func(a *app.Article) { a.Status = app.StatusScheduled; a.ScheduledAt = year(2026) }, strict: true},
		{
			name: "scheduled in an impossible year", edit: func(a *app.Article) { a.ScheduledAt = year(20260) },
			fields: []string{"scheduled_at"}, msg: "year 20260 is out of range",
		},
		{
			name: "published in year one", edit: func(a *app.Article) { a.PublishedAt = &time.Time{} },
			fields: []string{"published_at"}, msg: "year 1 is out of range",
		},
		{
			name: "published before 1900", edit: func(a *app.Article) { a.PublishedAt = year(1899) },
			fields: []string{"published_at"}, msg: "out of range (1900-2200)",
		},
		{
			name: "unknown time zone", edit: func(a *app.Article) { a.TimeZone = "Asia/Beijing" },
			fields: []string{"time_zone"}, msg: `"Asia/Beijing" is not an IANA time zone`,
		},
		{
			name: "local is no newsroom zone", edit: func(a *app.Article) { a.TimeZone = "Local" },
			fields: []string{"time_zone"}, msg: "not an IANA time zone",
		},
		{name: "London time zone", edit: func(a *app.Article) { a.TimeZone = "Europe/London" }, strict: true},
		{name: "no time zone", edit: func(a *app.Article) { a.TimeZone = "" }, strict: true},
		{
			name: "language not a tag", edit: func(a *app.Article) { a.Language = "Chinese" },
			fields: []string{"language"}, msg: "not a language tag",
		},
		{name: "language with script", edit: func(a *app.Article) { a.Language = "zh-Hans" }, strict: true},
		{
			name: "every problem at once", strict: true,
			edit: func(a *app.Article) {
				a.Headline = ""
				a.Photos[0].Credit = ""
				a.Contacts[0].Email = "nobody"
				a.TimeZone = "Mars/Olympus"
			},
			// Completeness rules run last, so the missing headline is
			// reported after the per-field problems.
			fields: []string{"photos[0].credit", "contacts[0].email", "time_zone", "headline"},
			msg:    "every photo needs a credit",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := completeArticle()
			tt.edit(a)
			err := app.Validate(a, app.DefaultRules, tt.strict)
			if tt.fields == nil {
				if err != nil {
					t.Fatalf("Validate: %v, want no problem", err)
				}
				return
			}
			var ve *app.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate: %v (%T), want a *ValidationError", err, err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Field)
			}
			if !slices.Equal(got, tt.fields) {
				t.Fatalf("problems in %v, want %v (%v)", got, tt.fields, err)
			}
			if !strings.Contains(ve.Problems[0].Message, tt.msg) {
				t.Errorf("message %q, want it to contain %q", ve.Problems[0].Message, tt.msg)
			}
			if code := app.ErrorCode(err); code != app.EINVALID {
				t.Errorf("ErrorCode = %q, want %q", code, app.EINVALID)
			}
			if !strings.HasPrefix(err.Error(), "invalid article: "+tt.fields[0]+": ") {
				t.Errorf("Error() = %.120q, want it to start with the first field", err.Error())
			}
		})
	}
}

func TestValidateRules(t *testing.T) {
	a := completeArticle()
	a.Headline = strings.Repeat("h", 61)
	if err := app.Validate(a, app.Rules{HeadlineMax: 60}, true); err == nil || !strings.Contains(err.Error(), "limit of 60") {
		t.Errorf("HeadlineMax 60 with 61 characters: %v, want the limit of 60", err)
	}
	if err := app.Validate(a, app.Rules{}, true); err != nil {
		t.Errorf("zero Rules must mean the default limit of %d: %v", app.DefaultRules.HeadlineMax, err)
	}
}

func TestValidationErrorFor(t *testing.T) {
	a := completeArticle()
	a.Photos = append(a.Photos, app.Photo{Image: "nope"})
	a.Contacts[0].Email = "x"
	err := app.Validate(a, app.DefaultRules, true)
	var ve *app.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate: %v, want a *ValidationError", err)
	}
	photos := ve.For("photos")
	if len(photos) != 2 || photos[0].Field != "photos[1].image" || photos[1].Field != "photos[1].credit" {
		t.Errorf("For(photos) = %v, want photos[1].image and photos[1].credit", photos)
	}
	if c := ve.For("contacts[0]"); len(c) != 1 || c[0].Field != "contacts[0].email" {
		t.Errorf("For(contacts[0]) = %v, want contacts[0].email", c)
	}
	if h := ve.For("headline"); len(h) != 0 {
		t.Errorf("For(headline) = %v, want nothing", h)
	}
}

func TestCheckEmail(t *testing.T) {
	for _, s := range []string{"chen.yuxin@newsdesk.example", "wang_xm+desk@mail.newsdesk.example", "a@b.cn"} {
		if err := app.CheckEmail(s); err != nil {
			t.Errorf("CheckEmail(%q) = %v, want nil", s, err)
		}
	}
	for _, s := range []string{"", "plain", "@newsdesk.example", "a@b", "a b@c.example", "<a@b.example>", "a@b.example, c@d.example", "王@新闻"} {
		if err := app.CheckEmail(s); err == nil {
			t.Errorf("CheckEmail(%q) = nil, want an error", s)
		}
	}
}

// An imported page may have lost its links: a related headline or a
// read-more line without a URL is kept, not refused.
func TestLinksWithoutURLAreKept(t *testing.T) {
	a := &app.Article{Headline: "h", Related: []app.Related{{Headline: "An earlier story"}},
		ReadMore: &app.ReadMore{Text: "Read the full story here"}}
	if err := app.Validate(a, app.DefaultRules, false); err != nil {
		t.Fatal(err)
	}
}
