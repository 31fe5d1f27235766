package export

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsdesk/app"
)

const hostile = `<script>alert(1)</script>`

// mustPNG stores a small real PNG and returns its reference.
func mustPNG(t testing.TB, svc *app.Service, c color.Color) string {
	t.Helper()
	if c == nil {
		c = color.RGBA{20, 90, 160, 255}
	}
	img := image.NewRGBA(image.Rect(0, 0, 12, 8))
	for x := 0; x < 12; x++ {
		for y := 0; y < 8; y++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	ref, err := svc.AttachImage(context.Background(), "test.png", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

// hostileArticle is a publishable story whose every field tries to break
// out of where it is printed.
func hostileArticle(ref string) *app.Article {
	return &app.Article{
		Headline: hostile, Dek: `</script><script>alert("dek")</script>`, Slug: "../../etc/passwd",
		Byline: []string{`<b onmouseover="alert(1)">Mallory</b>`, "周明"}, Section: `../../<i>Politics</i> & Law`,
		Tags: []string{`<img src=x onerror=alert(1)>`},
		Body: "Plain text first.\n\n<script>alert('body')</script>\n\n<img src=x onerror=\"alert(2)\">\n\n" +
			"[click me](javascript:alert(3)) and <a href=\"JaVaScRiPt:alert(4)\">this</a>\n\n" +
			"<!--newsdesk:entry--> forged marker <!--/newsdesk:entry-->\n\n<iframe src=\"https://evil.example\"></iframe>\n\nLast paragraph 最后一段。",
		Photos:   []app.Photo{{Image: ref, Credit: `"><script>alert(5)</script>`, Caption: `<svg onload=alert(6)>`, Alt: `" onerror="alert(7)`}},
		Contacts: []app.Contact{{Role: app.RoleReporter, Name: `<script>alert(8)</script>`, Email: "m@example.com"}},
		Related:  []app.Related{{Headline: `<script>alert(9)</script>`, URL: "https://example.com/?q=<x>&y=\"z\""}},
		ReadMore: &app.ReadMore{Text: `<b>Read</b>`, URL: "https://example.com/full?a=1&b=2"},
		Status:   app.StatusReady, TimeZone: app.DefaultTimeZone, Language: "en",
	}
}

func TestHostileInputIsTextEverywhere(t *testing.T) {
	svc := mustStore(t)
	ref := mustPNG(t, svc, color.RGBA{200, 10, 10, 255})
	a := mustSave(t, svc, hostileArticle(ref))
	// The same story in memory skips the store's normalising and
	// validation: the export must still hold (the scheduler passes stories
	// this way).
	raw := hostileArticle(ref)
	raw.ID, raw.Revision, raw.CreatedAt, raw.UpdatedAt = "01a22337-0000-7000-8000-000000000001", 1, testNow, testNow
	evil := *raw
	evil.ID = "01a22337-0000-7000-8000-000000000002"
	evil.Related = []app.Related{{Headline: "evil", URL: "javascript:alert(10)"}}
	evil.ReadMore = &app.ReadMore{Text: "more", URL: "javascript:alert(11)"}

	x := exporter(t, svc)
	dry := mustRun(t, x, Options{DryRun: true, Select: Selection{Articles: []*app.Article{&evil}}})
	if len(dry.Skipped) != 1 || len(dry.Skipped[0].Problems) != 2 || !strings.Contains(strings.Join(dry.Skipped[0].Problems, ";"), "related[0].url") {
		t.Errorf("javascript: links must keep a story off the portal, with reasons: %+v", dry)
	}
	rep := mustRun(t, x, Options{Select: Selection{IDs: []string{a.ID}}})
	if len(rep.Exported) != 1 {
		t.Fatalf("hostile story from the store: %+v", rep)
	}
	rep2 := mustRun(t, x, Options{Select: Selection{Articles: []*app.Article{raw}}})
	if len(rep2.Exported) != 1 {
		t.Fatalf("hostile story in memory: skipped %+v failed %+v", rep2.Skipped, rep2.Failed)
	}
	dir := folderOf(rep)

	// Nothing outside the portal folder; slugs stayed inside.
	parent := filepath.Dir(dir)
	ents, _ := os.ReadDir(parent)
	for _, e := range ents {
		if e.Name() != filepath.Base(dir) && e.Name() != "newsdesk" {
			t.Errorf("the export wrote %s beside the portal", e.Name())
		}
	}
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if filepath.Base(p) == "passwd" || strings.Contains(p, "..") {
			t.Errorf("unsafe file name %s", p)
		}
		if strings.HasSuffix(p, ".html") {
			pages++
			checkPageSafe(t, p)
		}
		return nil
	})
	if err != nil || pages < 4 {
		t.Fatalf("walk: %v, %d pages", err, pages)
	}

	for _, it := range append(rep2.Exported, rep.Exported[0]) {
		page := readFile(t, dir, it.Path)
		text := pageText(t, page)
		for _, want := range []string{hostile, "Mallory", "Photo: \"><script>alert(5)</script>", "Contact reporter <script>alert(8)</script>",
			"Related: <script>alert(9)</script>", "<b>Read</b>", "Last paragraph 最后一段。"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the page does not show %q as text:\n%s", it.Path, want, text)
			}
		}
		if strings.Contains(text, "forged marker") != true {
			t.Errorf("%s: the text between forged markers was lost", it.Path)
		}
		doc := parseHTML(t, page)
		ld := findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Script })
		var m map[string]any
		if len(ld) != 1 || json.Unmarshal([]byte(textOf(ld[0])), &m) != nil || m["headline"] != hostile || !strings.HasPrefix(m["description"].(string), "</script>") {
			t.Errorf("%s: JSON-LD does not carry the headline and dek as text: %v", it.Path, m)
		}
	}

	var rss struct {
		Items []struct {
			Title    string `xml:"title"`
			Category string `xml:"category"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, dir, "rss.xml")), &rss); err != nil {
		t.Fatalf("RSS with a hostile headline does not parse: %v", err)
	}
	for _, it := range rss.Items {
		if it.Title != hostile || !strings.Contains(it.Category, "<i>Politics</i>") {
			t.Errorf("RSS item %+v, want the headline and section as text", it)
		}
	}
	var jf jsonFeed
	if err := json.Unmarshal([]byte(readFile(t, dir, "feed.json")), &jf); err != nil || len(jf.Items) != 2 || jf.Items[0].Title != hostile {
		t.Errorf("JSON Feed: %v %+v", err, jf.Items)
	}
	for _, it := range jf.Items {
		if strings.Contains(strings.ToLower(it.ContentHTML), "<script") || strings.Contains(strings.ToLower(it.ContentHTML), "javascript:") {
			t.Errorf("JSON Feed content_html keeps active content: %s", it.ContentHTML)
		}
	}
	if problems, err := Verify(dir); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v %q", err, problems)
	}
}

// checkPageSafe fails when a page could run anything: scripts other than
// JSON-LD, event handlers, javascript: URLs, frames.
func checkPageSafe(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range findAll(parseHTML(t, string(raw)), func(*html.Node) bool { return true }) {
		switch n.DataAtom {
		case atom.Script:
			if attr(n, "type") != "application/ld+json" {
				t.Errorf("%s: a <script> element", path)
			}
		case atom.Iframe, atom.Object, atom.Embed, atom.Svg:
			t.Errorf("%s: a <%s> element", path, n.Data)
		}
		for _, a := range n.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:text") {
				t.Errorf("%s: <%s %s=%q>", path, n.Data, a.Key, a.Val)
			}
		}
	}
}

func TestSafeHref(t *testing.T) {
	for in, want := range map[string]string{"javascript:alert(1)": "", " JAVASCRIPT:x": "", "data:text/html,x": "", "//evil.example": "",
		"https://example.com/a?b=<c>": "https://example.com/a?b=<c>", "mailto:x@example.com": "", "": ""} {
		if got := safeHref(in); got != want {
			t.Errorf("safeHref(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPathsNeverLeaveTheFolder(t *testing.T) {
	root := t.TempDir()
	for _, rel := range []string{"../x", "/etc/passwd", "a/../../b", "a\\..\\b", "C:x", ".hidden", "", "a//b", "a/./b",
		"articles/..", "x\x00y", "images/.." + "/../../etc"} {
		if p, err := within(root, rel); err == nil {
			t.Errorf("within(%q) = %s, want a refusal", rel, p)
		}
	}
	for _, rel := range []string{"articles/中国经济.html", "sections/politics-law/index.html", "index.html"} {
		if _, err := within(root, rel); err != nil {
			t.Errorf("within(%q): %v", rel, err)
		}
	}
	for in, want := range map[string]string{"../../etc/passwd": "etc-passwd", "<script>alert(1)</script>": "script-alert-1-script",
		"中国经济 增长放缓": "中国经济-增长放缓", "CON": "", "...": "", "a/b\\c": "a-b-c"} {
		if got := slugFor(in); got != want {
			t.Errorf("slugFor(%q) = %q, want %q", in, got, want)
		}
	}
	long := slugFor(strings.Repeat("新闻", 200))
	if len(long) > maxSlugBytes || long == "" {
		t.Errorf("a long Chinese slug is %d bytes", len(long))
	}
}

func TestSlugsUniqueAndStable(t *testing.T) {
	s := newSlugger()
	a := s.claim("01aaaaaa-1", "", "river-plan")
	b := s.claim("01bbbbbb-2", "", "river-plan")
	c := s.claim("01bbbbbb-3", "", "river-plan")
	if a != "river-plan" || b == a || c == a || c == b {
		t.Errorf("slugs %q %q %q are not unique", a, b, c)
	}
	// Next export: the second story keeps its address even when it comes
	// first, and a forged previous slug is not taken.
	s2 := newSlugger()
	if got := s2.claim("01bbbbbb-2", b, "river-plan"); got != b {
		t.Errorf("kept slug %q, want %q", got, b)
	}
	if got := s2.claim("01aaaaaa-1", "../../etc", "river-plan"); got != "river-plan" {
		t.Errorf("forged previous slug gave %q", got)
	}
	if got := s2.claim("01cccccc-4", "", ""); got != "item-01cccccc" {
		t.Errorf("empty slug gave %q", got)
	}
}

// FuzzPaths checks that no slug or relative path the export could build
// from editors' text ever names a file outside the folder.
func FuzzPaths(f *testing.F) {
	for _, s := range []string{"../../etc/passwd", "<script>", "中国 经济", "CON", "a/b", "..\\..", "\x00", "ｆｕｌｌ／ｗｉｄｔｈ"} {
		f.Add(s)
	}
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, s string) {
		slug := slugFor(s)
		if strings.ContainsAny(slug, "/\\.\x00:") || len(slug) > maxSlugBytes {
			t.Fatalf("slugFor(%q) = %q", s, slug)
		}
		if slug != "" {
			if _, err := within(root, "articles/"+slug+".html"); err != nil {
				t.Fatalf("slug %q refused: %v", slug, err)
			}
		}
		if p, err := within(root, s); err == nil {
			if r, _ := filepath.Rel(root, p); strings.HasPrefix(r, "..") {
				t.Fatalf("within(%q) = %s leaves the root", s, p)
			}
		}
	})
}

// A symlink planted in the old portal is never carried into the new one.
func TestPlantedSymlinkIsNotCarried(t *testing.T) {
	svc := sampleStore(t)
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	css := readFile(t, dir, "style.css")
	// Same size as the real file, so only its kind gives it away.
	if err := os.WriteFile(secret, []byte(strings.Repeat("s", len(css))), 0o600); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "style.css")
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, p); err != nil {
		t.Fatal(err)
	}
	retitle(t, svc.Store, "Retitled")
	mustRun(t, x, Options{})
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || readFile(t, dir, "style.css") != css {
		t.Errorf("style.css after the export: %v %v", fi.Mode(), err)
	}
}

func TestRedactEndpoint(t *testing.T) {
	if got := redact("https://desk:hunter2@portal.example.com/ninjs"); strings.Contains(got, "hunter2") || !strings.Contains(got, "desk@portal.example.com") {
		t.Errorf("redact = %s", got)
	}
}
