package app_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

const validArticleJSON = `{
  "id": "0190f3a4-5b6c-7d8e-9f00-112233445566",
  "headline": "人大常委会审议数据保护法草案",
  "dek": "Lawmakers look again at who may keep faces on file.",
  "byline": ["王晓明", "Li Na"],
  "section": "Politics & Law",
  "tags": ["data", "隐私"],
  "body": "王晓明报道。\n\n## Background\n\nThe draft was first read in spring.",
  "photos": [{"image": "` + testImageRef + `", "caption": "会场", "credit": "Xinhua"}],
  "contacts": [{"role": "reporter", "name": "王晓明", "email": "wang.xiaoming@newsdesk.example"}],
  "related": [{"headline": "Outside view", "url": "https://example.org/view"}],
  "read_more": {"text": "Read the full story here", "url": "https://portal.newsdesk.example/x"},
  "status": "scheduled",
  "time_zone": "Asia/Shanghai",
  "scheduled_at": "2026-03-02T09:30:00+08:00",
  "created_at": "2026-03-01T10:00:00Z",
  "updated_at": "2026-03-01T11:00:00Z",
  "revision": 3
}`

func TestDecodeArticle(t *testing.T) {
	a, err := app.DecodeArticle(strings.NewReader(validArticleJSON))
	if err != nil {
		t.Fatalf("DecodeArticle: %v", err)
	}
	if a.Headline != "人大常委会审议数据保护法草案" || len(a.Byline) != 2 || a.Byline[1] != "Li Na" {
		t.Errorf("headline %q byline %q", a.Headline, a.Byline)
	}
	if a.Photos[0].Credit != "Xinhua" || a.Contacts[0].Role != app.RoleReporter || a.ReadMore == nil || a.Revision != 3 {
		t.Errorf("nested fields lost: %+v", a)
	}
	want := time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)
	if a.ScheduledAt == nil || !a.ScheduledAt.Equal(want) {
		t.Errorf("scheduled_at = %v, want %v", a.ScheduledAt, want)
	}
	if _, off := a.ScheduledAt.Zone(); off != 8*3600 {
		t.Errorf("scheduled_at lost its +08:00 offset: %v", a.ScheduledAt)
	}
	if err := app.Validate(a, app.DefaultRules, a.Status.Strict()); err != nil {
		t.Errorf("the sample document should be valid: %v", err)
	}
}

// decodeErrorTests are bad inputs to `newsdeskctl put`; each message must
// tell a script author what to fix.
var decodeErrorTests = []struct {
	name string
	in   string
	want []string // substrings of the message
}{
	{"empty", "", []string{"empty"}},
	{"blank", " \n\t", []string{"empty"}},
	{"truncated object", `{"headline": "Bus data", "byline": ["Li`, []string{"truncated", "line 1"}},
	{"truncated after a newline", "{\n  \"headline\": \"x\",\n", []string{"truncated", "line 3"}},
	{"truncated literal", `{"headline": tr`, []string{"line 1"}},
	{"not JSON", "headline: x", []string{"line 1, column 1", "invalid character"}},
	{"syntax error on line 3", "{\n\"headline\": \"x\",\n\"byline\": [,]\n}", []string{"line 3", "column"}},
	{"columns count characters", `{"headline": "中文" ]`, []string{"line 1, column 19", "invalid character ']'"}},
	{"trailing garbage", `{"headline": "x"} {"headline": "y"}`, []string{"after top-level value"}},
	{"array", `[{"headline": "x"}]`, []string{"must be an object", "array"}},
	{"null", `null`, []string{"must be an object", "null"}},
	{"string", `"headline"`, []string{"must be an object", "string"}},
	{"headline a number", `{"headline": 42}`, []string{"headline", "expected a string", "number"}},
	{"byline a string", `{"byline": "Li Na, Tom Baker"}`, []string{"byline", "expected a list", "string"}},
	{"tags an object", `{"tags": {"a": 1}}`, []string{"tags", "expected a list", "object"}},
	{"photo credit a number", `{"photos": [{"credit": 7}]}`, []string{"photos.credit", "expected a string"}},
	{"photos an object", `{"photos": {"credit": "VCG"}}`, []string{"photos", "expected a list"}},
	{"revision a string", `{"revision": "3"}`, []string{"revision", "expected a whole number"}},
	{"revision a fraction", `{"revision": 1.5}`, []string{"revision", "whole number"}},
	{"status a number", `{"status": 3}`, []string{"status", "expected a string"}},
	{"read_more a string", `{"read_more": "https://example.org"}`, []string{"read_more", "expected an object"}},
	{"deleted a string", `{"deleted": "yes"}`, []string{"deleted", "true or false"}},
	{
		"impossible date", `{"scheduled_at": "2026-02-30T10:00:00+08:00"}`,
		[]string{"scheduled_at", "2026-02-30T10:00:00+08:00", "day out of range"},
	},
	{"month 13", `{"published_at": "2026-13-01T10:00:00Z"}`, []string{"published_at", "month out of range"}},
	{"date without zone", `{"scheduled_at": "2026-03-01T10:00:00"}`, []string{"scheduled_at", "RFC 3339"}},
	{"date only", `{"created_at": "2026-03-01"}`, []string{"created_at", "RFC 3339"}},
	{"date a number", `{"updated_at": 1767225600}`, []string{"updated_at", "expected an RFC 3339 time string"}},
	{"unknown field", `{"headlin": "Typo"}`, []string{"unknown field", "headlin"}},
	{"unknown nested field", `{"photos": [{"credit": "VCG", "photographer": "Li"}]}`, []string{"unknown field", "photographer"}},
}

func TestDecodeArticleErrors(t *testing.T) {
	for _, tt := range decodeErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := app.DecodeArticle(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("DecodeArticle(%q) = %+v, want an error", tt.in, a)
			}
			var e *app.Error
			if !errors.As(err, &e) || e.Code != app.EINVALID {
				t.Fatalf("error %v (%T), want an *app.Error with code %q", err, err, app.EINVALID)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q, want it to contain %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "json.RawMessage") || strings.Contains(err.Error(), "app.") {
				t.Errorf("message %q leaks Go type names", err)
			}
		})
	}
}

func TestDecodeArticleHugeHeadline(t *testing.T) {
	// A 5 MB paste decodes (the JSON is well formed and under the limit),
	// and Validate is what refuses it, naming the field.
	doc := `{"headline": "` + strings.Repeat("x", 5<<20) + `", "status": "draft"}`
	a, err := app.DecodeArticle(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("DecodeArticle: %v", err)
	}
	err = app.Validate(a, app.DefaultRules, false)
	var ve *app.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Field != "headline" {
		t.Fatalf("Validate = %v, want one problem on headline", err)
	}
	if !strings.Contains(ve.Problems[0].Message, "5242880 characters") {
		t.Errorf("message %q should give the length", ve.Problems[0].Message)
	}
}

func TestDecodeArticleTooLarge(t *testing.T) {
	doc := `{"body": "` + strings.Repeat("x", app.MaxArticleJSON) + `"}`
	_, err := app.DecodeArticle(strings.NewReader(doc))
	if err == nil || app.ErrorCode(err) != app.EINVALID || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("DecodeArticle of %d bytes = %v, want EINVALID larger than", len(doc), err)
	}
}

func FuzzDecodeArticle(f *testing.F) {
	f.Add(validArticleJSON)
	for _, tt := range decodeErrorTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a, err := app.DecodeArticle(strings.NewReader(in))
		if err != nil {
			var e *app.Error
			if !errors.As(err, &e) || e.Code != app.EINVALID || e.Message == "" {
				t.Fatalf("DecodeArticle(%q): %v (%T), want an *app.Error with code %q", in, err, err, app.EINVALID)
			}
			return
		}
		// Whatever decodes must print and decode again to the same thing:
		// `show --json | put` may never lose or refuse data.
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("Marshal of decoded %q: %v", in, err)
		}
		b, err := app.DecodeArticle(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("decode of re-encoded %s: %v", out, err)
		}
		again, _ := json.Marshal(b)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the article:\n%s\n%s", out, again)
		}
		_ = app.Validate(a, app.DefaultRules, true) // must not panic on any input
		app.Normalize(a)
	})
}
