package history

import (
	"strings"
	"testing"

	"newsdesk/app"
)

func TestWriteHTMLEscapesEverything(t *testing.T) {
	old := &app.Article{Revision: 1, Headline: `<script>alert("x")</script>`, Body: "Plain <b>text</b> & more.\n"}
	new := old.Clone()
	new.Revision = 2
	new.Headline = `New "headline" <img src=x onerror=alert(1)>`
	new.Body = "Plain <b>text</b> & less.\n"
	var sb strings.Builder
	err := WriteHTML(&sb, HTMLPage{Title: new.Headline, OldLabel: "Revision 1", NewLabel: "Revision 2", Comparison: Compare(old, new)})
	if err != nil {
		t.Fatal(err)
	}
	page := sb.String()
	for _, bad := range []string{"<script>", "<img", "<b>text"} {
		if strings.Contains(page, bad) {
			t.Fatalf("page contains unescaped %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;", "<del><span class=\"mark\">[-</span>more<span class=\"mark\">-]</span></del>", "<ins><span class=\"mark\">[+</span>less"} {
		if !strings.Contains(page, want) {
			t.Fatalf("page lacks %q:\n%s", want, page)
		}
	}
	// Self-contained: nothing is loaded from elsewhere.
	for _, ext := range []string{"<link", "@import", "url(", "<script", "<iframe"} {
		if strings.Contains(page, ext) {
			t.Fatalf("page refers to an outside resource (%q)", ext)
		}
	}
}
