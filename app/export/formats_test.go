package export

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sampleSite exports the sample newsroom once for the format tests.
func sampleSite(t *testing.T) (dir string, rep *Report) {
	t.Helper()
	svc := sampleStore(t)
	rep = mustRun(t, exporter(t, svc), Options{})
	if len(rep.Exported) < 10 || len(rep.Skipped)+len(rep.Failed) != 0 {
		t.Fatalf("sample export: %d exported, skipped %v, failed %v", len(rep.Exported), rep.Skipped, rep.Failed)
	}
	return folderOf(rep), rep
}

// wellFormed reads every token of an XML document in strict mode.
func wellFormed(t *testing.T, name, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

func TestFeedsParseBack(t *testing.T) {
	dir, rep := sampleSite(t)
	feeds, _ := filepath.Glob(filepath.Join(dir, "sections", "*", "rss.xml"))
	feeds = append(feeds, filepath.Join(dir, "rss.xml"))
	total := 0
	for _, p := range feeds {
		rel, _ := filepath.Rel(dir, p)
		base := filepath.Dir(rel)
		raw := readFile(t, dir, filepath.ToSlash(rel))
		wellFormed(t, rel, raw)
		var rss struct {
			Version string `xml:"version,attr"`
			Channel struct {
				Title string `xml:"title"`
				// RSS <link> and <atom:link> share a local name.
				Links []struct {
					XMLName xml.Name
					Value   string `xml:",chardata"`
				} `xml:"link"`
				Description string `xml:"description"`
				Items       []struct {
					Title       string `xml:"title"`
					Link        string `xml:"link"`
					PubDate     string `xml:"pubDate"`
					Description string `xml:"description"`
					GUID        string `xml:"guid"`
					Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
					Creator     string `xml:"http://purl.org/dc/elements/1.1/ creator"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal([]byte(raw), &rss); err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		link := ""
		for _, l := range rss.Channel.Links {
			if l.XMLName.Space == "" {
				link = l.Value
			}
		}
		if rss.Version != "2.0" || rss.Channel.Title == "" || !strings.HasPrefix(link, "https://") || rss.Channel.Description == "" {
			t.Errorf("%s: channel %+v", rel, rss.Channel)
		}
		for _, it := range rss.Channel.Items {
			if it.Title == "" || !strings.HasPrefix(it.Link, "https://news.example.com/articles/") || !strings.HasPrefix(it.GUID, "urn:uuid:") ||
				!strings.Contains(it.Content, "<p>") || it.Creator == "" {
				t.Errorf("%s: item %+v", rel, it)
			}
			if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
				t.Errorf("%s: pubDate %q: %v", rel, it.PubDate, err)
			}
		}
		if base == "." {
			total = len(rss.Channel.Items)
		}

		atomRaw := readFile(t, dir, filepath.ToSlash(filepath.Join(base, "atom.xml")))
		wellFormed(t, "atom.xml", atomRaw)
		var feed struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			ID      string   `xml:"id"`
			Title   string   `xml:"title"`
			Updated string   `xml:"updated"`
			Entries []struct {
				ID        string `xml:"id"`
				Title     string `xml:"title"`
				Updated   string `xml:"updated"`
				Published string `xml:"published"`
				Content   struct {
					Type  string `xml:"type,attr"`
					Value string `xml:",chardata"`
				} `xml:"content"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(atomRaw), &feed); err != nil {
			t.Fatalf("%s atom: %v", base, err)
		}
		if feed.ID == "" || feed.Title == "" || len(feed.Entries) != len(rss.Channel.Items) {
			t.Errorf("%s atom: id %q title %q, %d entries for %d RSS items", base, feed.ID, feed.Title, len(feed.Entries), len(rss.Channel.Items))
		}
		times := []string{feed.Updated}
		for _, e := range feed.Entries {
			times = append(times, e.Updated, e.Published)
			if e.ID == "" || e.Title == "" || e.Content.Type != "html" || !strings.Contains(e.Content.Value, "<p>") {
				t.Errorf("%s atom: entry %q %q lacks id, title or HTML content", base, e.ID, e.Title)
			}
		}
		for _, ts := range times {
			if _, err := time.Parse(time.RFC3339, ts); err != nil {
				t.Errorf("%s atom: time %q: %v", base, ts, err)
			}
		}

		var jf map[string]any
		if err := json.Unmarshal([]byte(readFile(t, dir, filepath.ToSlash(filepath.Join(base, "feed.json")))), &jf); err != nil {
			t.Fatalf("%s feed.json: %v", base, err)
		}
		items, _ := jf["items"].([]any)
		if jf["version"] != "https://jsonfeed.org/version/1.1" || jf["title"] == "" || len(items) != len(rss.Channel.Items) {
			t.Errorf("%s feed.json: version %v title %v, %d items", base, jf["version"], jf["title"], len(items))
		}
		for _, it := range items {
			m := it.(map[string]any)
			if m["id"] == "" || m["url"] == "" || m["content_html"] == "" {
				t.Errorf("%s feed.json item lacks id, url or content_html: %v", base, m["id"])
			}
		}
	}
	if total != len(rep.Exported) {
		t.Errorf("portal RSS has %d items, want every story (%d)", total, len(rep.Exported))
	}
}

func TestSitemaps(t *testing.T) {
	dir, rep := sampleSite(t)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
			News    *struct {
				Title string `xml:"title"`
				Date  string `xml:"publication_date"`
			} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
		} `xml:"url"`
	}
	raw := readFile(t, dir, "sitemap.xml")
	wellFormed(t, "sitemap.xml", raw)
	if err := xml.Unmarshal([]byte(raw), &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) < len(rep.Exported)+2 {
		t.Errorf("sitemap has %d URLs for %d stories", len(set.URLs), len(rep.Exported))
	}
	raw = readFile(t, dir, "news-sitemap.xml")
	wellFormed(t, "news-sitemap.xml", raw)
	set.URLs = nil
	if err := xml.Unmarshal([]byte(raw), &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) == 0 {
		t.Fatal("the news sitemap is empty, but the sample has stories of the last two days")
	}
	for _, u := range set.URLs {
		if u.News == nil || u.News.Title == "" {
			t.Fatalf("news sitemap URL without news:news: %+v", u)
		}
		d, err := time.Parse(time.RFC3339, u.News.Date)
		if err != nil || testNow.Sub(d) > 48*time.Hour || d.After(testNow) {
			t.Errorf("news sitemap has %s dated %s: outside the last two days (%v)", u.Loc, u.News.Date, err)
		}
	}
}

func TestArticlePagesCarryJSONLDAndOpenGraph(t *testing.T) {
	dir, rep := sampleSite(t)
	for _, it := range rep.Exported {
		page := readFile(t, dir, it.Path)
		doc := parseHTML(t, page)
		scripts := findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Script })
		if len(scripts) != 1 || attr(scripts[0], "type") != "application/ld+json" {
			t.Fatalf("%s: want exactly one JSON-LD script, got %d", it.Path, len(scripts))
		}
		var ld map[string]any
		if err := json.Unmarshal([]byte(textOf(scripts[0])), &ld); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v", it.Path, err)
		}
		if ld["@context"] != "https://schema.org" || ld["@type"] != "NewsArticle" || ld["headline"] != it.Headline {
			t.Errorf("%s: JSON-LD %v", it.Path, ld)
		}
		for _, k := range []string{"datePublished", "dateModified"} {
			if _, err := time.Parse(time.RFC3339, ld[k].(string)); err != nil {
				t.Errorf("%s: %s %v", it.Path, k, err)
			}
		}
		if authors, _ := ld["author"].([]any); len(authors) == 0 {
			t.Errorf("%s: JSON-LD has no author", it.Path)
		}
		og := map[string]string{}
		for _, m := range findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Meta && attr(n, "property") != "" }) {
			og[attr(m, "property")] = attr(m, "content")
		}
		if og["og:type"] != "article" || og["og:title"] != it.Headline || !strings.HasPrefix(og["og:url"], "https://news.example.com/articles/") ||
			!strings.HasPrefix(og["og:image"], "https://news.example.com/images/") {
			t.Errorf("%s: Open Graph %v", it.Path, og)
		}
	}
}

func TestNinjsValidatesAgainstIPTCSchema(t *testing.T) {
	dir, rep := sampleSite(t)
	schema := loadSchema(t, "ninjs-schema_2.2.json")
	for _, it := range rep.Exported {
		raw := readFile(t, dir, "ninjs/"+it.ID+".json")
		var doc any
		if err := json.Unmarshal([]byte(raw), &doc); err != nil {
			t.Fatalf("ninjs of %s: %v", it.ID, err)
		}
		if errs := schema.validate(doc); len(errs) > 0 {
			t.Errorf("ninjs of %s breaks the IPTC 2.2 schema:\n  %s", it.ID, strings.Join(errs, "\n  "))
		}
		var n Ninjs
		if err := json.Unmarshal([]byte(raw), &n); err != nil {
			t.Fatal(err)
		}
		if n.URI != "urn:uuid:"+it.ID || n.Pubstatus != "usable" || n.Version == "" || n.By == "" || n.Versioncreated == "" ||
			len(n.Headlines) == 0 || n.Headlines[0].Value != it.Headline {
			t.Errorf("ninjs of %s: %+v", it.ID, n)
		}
		photos := 0
		for _, a := range n.Associations {
			if a.Type == "picture" {
				photos++
				if a.By == "" || len(a.Renditions) == 0 || !strings.HasPrefix(a.Renditions[0].Href, "https://news.example.com/images/") {
					t.Errorf("ninjs of %s: photo %+v has no credit or rendition", it.ID, a)
				}
			}
		}
		contacts := 0
		for _, p := range n.People {
			if strings.HasPrefix(p.Rel, "contact-") && len(p.Contactinfo) > 0 {
				contacts++
			}
		}
		if photos == 0 || contacts == 0 {
			t.Errorf("ninjs of %s: %d photos and %d contacts with contact info; the sample has both", it.ID, photos, contacts)
		}
	}
}

func TestManifestListsEverything(t *testing.T) {
	dir, rep := sampleSite(t)
	if problems, err := Verify(dir); err != nil || len(problems) > 0 {
		t.Fatalf("Verify: %v %q", err, problems)
	}
	var m Manifest
	if err := json.Unmarshal([]byte(readFile(t, dir, manifestName)), &m); err != nil {
		t.Fatal(err)
	}
	revs := map[string]int{}
	for _, e := range m.Articles {
		revs[e.ID] = e.Revision
	}
	for _, it := range rep.Exported {
		if revs[it.ID] != it.Revision {
			t.Errorf("manifest has %s at revision %d, exported %d", it.ID, revs[it.ID], it.Revision)
		}
	}
	for _, f := range m.Files {
		if len(f.SHA256) != 64 {
			t.Errorf("%s: sha256 %q", f.Path, f.SHA256)
		}
	}
	// Images are named by content and copied once.
	imgs, _ := filepath.Glob(filepath.Join(dir, "images", "*"))
	if len(imgs) != len(m.Images) || len(imgs) == 0 {
		t.Errorf("%d image files, %d in the manifest", len(imgs), len(m.Images))
	}
	for _, im := range m.Images {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(im.Path)))
		if err != nil || !strings.Contains(im.Path, strings.TrimPrefix(im.Ref, "sha256:")) || int64(len(data)) != im.Size {
			t.Errorf("image %+v: %v", im, err)
		}
	}
}
