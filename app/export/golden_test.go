package export

import (
	"bytes"
	"context"
	"encoding/json"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

// goldenStories are fixed stories (ids, revisions, times) in the shape of
// the portal fixture: English with several writers, Chinese, and agency
// copy, with photos, contacts, related links and read-more links.
func goldenStories(ref string) []*app.Article {
	at := func(s string) *time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return &t
	}
	base := func(a *app.Article, published string) *app.Article {
		a.Status, a.TimeZone, a.PublishedAt = app.StatusPublished, app.DefaultTimeZone, at(published)
		a.CreatedAt, a.UpdatedAt = a.PublishedAt.Add(-2*time.Hour), a.PublishedAt.Add(30*time.Minute)
		a.Slug = app.Slugify(a.Headline)
		if a.Language == "" {
			a.Language = app.DetectLanguage(a.Headline + a.Body)
		}
		return a
	}
	return []*app.Article{
		base(&app.Article{ID: "01a22337-0000-7000-8000-00000000000a", Revision: 4,
			Headline: "Lawmakers Weigh Who May Use Facial Recognition in Public", Dek: "A draft law would decide who collects face data, and who answers for leaks.",
			Byline: []string{"Matthew Walsh", "Liu Denghui", "Di Ning"}, Section: "Politics & Law", Tags: []string{"Privacy", "NPC"},
			Body: "In recent years, China’s embrace of facial recognition has put cameras in residential compounds, schools and subway stations.\n\n" +
				"## What the draft says\n\nThe draft would require *consent* before collection, with [exceptions](https://example.com/draft) for public security.\n\n" +
				"Experts say the proposals are too vague & open to abuse.",
			Photos:   []app.Photo{{Image: ref, Credit: "VCG", Caption: "A camera above a subway entrance in Beijing.", Alt: "Security camera"}},
			Contacts: []app.Contact{{Role: app.RoleReporter, Name: "Matthew Walsh", Email: "matthew.walsh@example.com"}, {Role: app.RoleEditor, Name: "Bob Simison", Email: "bob.simison@example.com", Twitter: "@bsimison"}},
			Related:  []app.Related{{ID: "01a22337-0000-7000-8000-00000000000b"}, {Headline: "Central Bank Imposes Another Record Penalty on Payment Provider", URL: "https://example.com/penalty"}},
			ReadMore: &app.ReadMore{Text: "Read the full story here", URL: "https://example.com/full-story"},
		}, "2020-10-21T03:17:00Z"),
		base(&app.Article{ID: "01a22337-0000-7000-8000-00000000000b", Revision: 2,
			Headline: "数据保护法草案提交审议", Byline: []string{"刘登辉", "狄宁", "汤寒雨"}, Section: "Politics & Law", Tags: []string{"数据"},
			Body:     "全国人大常委会本周审议数据保护法草案。\n\n草案规定，违法处理个人信息最高可罚五千万元。",
			Photos:   []app.Photo{{Image: ref, Credit: "IC", Caption: "人大会议现场。"}},
			Contacts: []app.Contact{{Role: app.RoleReporter, Name: "汤寒雨", Email: "tang.hanyu@example.com", Phone: "+86 10 5555 0188"}},
		}, "2020-10-15T04:51:00Z"),
		base(&app.Article{ID: "01a22337-0000-7000-8000-00000000000c", Revision: 1,
			Headline: "Telecom Carriers Start Face Scans for SIM Card Buyers", Source: "Bloomberg", Section: "Politics & Law",
			Body:    "(Bloomberg) — Guidelines that require carriers to use facial recognition on buyers of SIM cards kicked in on Sunday.",
			Related: []app.Related{{Headline: "Government Asks SenseTime to Lead Plans for National Facial-Recognition Standards", URL: "https://example.com/sensetime"}},
		}, "2019-12-02T02:49:00Z"),
	}
}

// goldenExport exports the golden stories with a fixed profile.
func goldenExport(t *testing.T) (string, *Report) {
	t.Helper()
	svc := mustStore(t)
	ref := mustPNG(t, svc, color.RGBA{180, 30, 30, 255})
	prof := DefaultProfile()
	prof.Title, prof.Blurb, prof.Footer = "Newsdesk Global – Latest China News & Headlines",
		"Real-time news from the newsroom, with short analysis and roundups.", "© 2020 Newsdesk. All rights reserved."
	prof.PageSize = 2
	if err := SaveProfiles(context.Background(), svc.Store, &Profiles{Default: "default", Profiles: []Profile{prof}}); err != nil {
		t.Fatal(err)
	}
	x := exporter(t, svc)
	x.Now = func() time.Time { return time.Date(2020, 10, 22, 9, 0, 0, 0, time.UTC) }
	rep := mustRun(t, x, Options{Select: Selection{Articles: goldenStories(ref)}})
	if len(rep.Exported) != 3 {
		t.Fatalf("golden export: exported %+v skipped %+v", rep.Exported, rep.Skipped)
	}
	return folderOf(rep), rep
}

func TestGolden(t *testing.T) {
	dir, _ := goldenExport(t)
	for golden, rel := range map[string]string{
		"section-page.html":      "sections/politics-law/index.html",
		"section-page-2.html":    "sections/politics-law/2.html",
		"article-page.html":      "articles/lawmakers-weigh-who-may-use-facial-recognition-in-public.html",
		"article-page-zh.html":   "articles/数据保护法草案提交审议.html",
		"rss.xml":                "rss.xml",
		"atom.xml":               "atom.xml",
		"feed.json":              "feed.json",
		"section-rss.xml":        "sections/politics-law/rss.xml",
		"sitemap.xml":            "sitemap.xml",
		"news-sitemap.xml":       "news-sitemap.xml",
		"ninjs.json":             "ninjs/01a22337-0000-7000-8000-00000000000a.json",
		"ninjs-agency.json":      "ninjs/01a22337-0000-7000-8000-00000000000c.json",
		"manifest-articles.json": manifestName,
	} {
		got := readFile(t, dir, rel)
		if strings.HasPrefix(golden, "ninjs") {
			// ninjs is written on one line; the golden file is indented
			// so that a review can read it.
			var buf bytes.Buffer
			if err := json.Indent(&buf, []byte(got), "", "  "); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			got = buf.String()
		}
		if golden == "manifest-articles.json" {
			// The manifest's file list carries hashes of everything above;
			// its story list is what matters here.
			got = got[:strings.Index(got, `"sections"`)]
		}
		path := filepath.Join("testdata", "golden", golden)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./app/export -run Golden -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s; review and run with -update if the change is meant:\n%s", rel, path, firstDiff(string(want), got))
		}
	}
}

// firstDiff shows the first line where two texts part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines, different bytes)"
}

// TestSectionPageReadsLikeThePortal checks the section page as a reader
// sees it: the byline, photo, contact and related lines of the fixture.
func TestSectionPageReadsLikeThePortal(t *testing.T) {
	dir, _ := goldenExport(t)
	text := pageText(t, readFile(t, dir, "sections/politics-law/index.html")) + "\n" +
		pageText(t, readFile(t, dir, "sections/politics-law/2.html"))
	want := []string{
		"Newsdesk Global – Latest China News & Headlines",
		"Home > Politics & Law",
		"Real-time news from the newsroom, with short analysis and roundups.",
		"Lawmakers Weigh Who May Use Facial Recognition in Public",
		"By Matthew Walsh, Liu Denghui and Di Ning / Oct 21, 2020 11:17 AM / Politics & Law",
		"Photo: VCG",
		"A camera above a subway entrance in Beijing.",
		"In recent years, China’s embrace of facial recognition has put cameras in residential compounds, schools and subway stations.",
		"What the draft says",
		"The draft would require consent before collection, with exceptions for public security.",
		"Experts say the proposals are too vague & open to abuse.",
		"Read the full story here",
		"Contact reporter Matthew Walsh (matthew.walsh@example.com) and editor Bob Simison (bob.simison@example.com, Twitter: @bsimison)",
		"Related: 数据保护法草案提交审议",
		"Related: Central Bank Imposes Another Record Penalty on Payment Provider",
		"数据保护法草案提交审议",
		"By 刘登辉, 狄宁 and 汤寒雨 / Oct 15, 2020 12:51 PM / Politics & Law",
		"Photo: IC",
		"全国人大常委会本周审议数据保护法草案。",
		"Contact reporter 汤寒雨 (tang.hanyu@example.com, Tel: +86 10 5555 0188)",
		"Page 1 of 2 Older",
		"© 2020 Newsdesk. All rights reserved.",
		"By Bloomberg / Dec 02, 2019 10:49 AM / Politics & Law",
		"(Bloomberg) — Guidelines that require carriers to use facial recognition on buyers of SIM cards kicked in on Sunday.",
		"Related: Government Asks SenseTime to Lead Plans for National Facial-Recognition Standards",
		"Newer Page 2 of 2",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w+"\n")
		if i < 0 {
			t.Fatalf("the section pages do not read, in order, %q\n--- text from there:\n%s", w, text[at:])
		}
		at += i + len(w)
	}
	// The mailto links are real links.
	page := readFile(t, dir, "sections/politics-law/index.html")
	for _, href := range []string{`href="mailto:matthew.walsh@example.com"`, `href="https://twitter.com/bsimison"`, `href="tel:&#43;861055550188"`,
		`href="articles/%E6%95%B0%E6%8D%AE%E4%BF%9D%E6%8A%A4%E6%B3%95%E8%8D%89%E6%A1%88%E6%8F%90%E4%BA%A4%E5%AE%A1%E8%AE%AE.html"`} {
		if !strings.Contains(page, href) {
			t.Errorf("the section page lacks %s", href)
		}
	}
}

// TestBarebyline shows an item with neither byline nor source keeps the
// portal's bare "/ time / section" line.
func TestBareByline(t *testing.T) {
	svc := mustStore(t)
	ref := mustPNG(t, svc, nil)
	a := goldenStories(ref)[2]
	a.Source = ""
	prof := DefaultProfile()
	images := newImageSet(nil)
	if _, err := images.lookup(context.Background(), exporter(t, svc), ref); err != nil {
		t.Fatal(err)
	}
	e := &siteEntry{Entry: Entry{ID: a.ID, Slug: a.Slug, Section: a.Section, Time: displayTime(a)}, art: a}
	s := newSite(prof, nil, []*siteEntry{e}, images)
	tpl, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r := &renderer{site: s, tpl: tpl, md: newMarkdown()}
	body, err := r.md.HTML(a.Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.writeArticle(&b, e, a, body); err != nil {
		t.Fatal(err)
	}
	if text := pageText(t, b.String()); !strings.Contains(text, "\n/ Dec 02, 2019 10:49 AM / Politics & Law\n") {
		t.Errorf("no bare byline line in:\n%s", text)
	}
}
