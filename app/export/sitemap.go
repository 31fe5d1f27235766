package export

import (
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// sitemapMax is the protocol's limit of URLs per sitemap file; a larger
// portal gets a sitemap index pointing to parts.
const sitemapMax = 50000

// newsWindow is how far back a Google News sitemap reaches: Google only
// reads articles of the last two days, and at most 1,000 of them.
const (
	newsWindow = 48 * time.Hour
	newsMax    = 1000
)

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	News    string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod,omitempty"`
	News    *newsNews `xml:"news:news"`
}

type newsNews struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// sitemapURLs lists every page a search engine should know: the index,
// the first page of each section, and every story.
func (s *site) sitemapURLs() []sitemapURL {
	base := s.prof.BaseURL
	out := []sitemapURL{{Loc: absURL(base, "index.html")}}
	if len(s.entries) > 0 {
		out[0].LastMod = s.entries[0].Updated.Format(time.RFC3339)
	}
	for _, sec := range s.sections {
		out = append(out, sitemapURL{Loc: absURL(base, s.sectionURL(sec.Name))})
	}
	for _, e := range s.entries {
		out = append(out, sitemapURL{Loc: absURL(base, e.Path), LastMod: laterOf(e.Updated, e.Time).Format(time.RFC3339)})
	}
	return out
}

// sitemapParts splits the URLs into files of at most sitemapMax.
func sitemapParts(urls []sitemapURL) [][]sitemapURL {
	var parts [][]sitemapURL
	for len(urls) > sitemapMax {
		parts = append(parts, urls[:sitemapMax])
		urls = urls[sitemapMax:]
	}
	return append(parts, urls)
}

func writeSitemap(w io.Writer, urls []sitemapURL) error {
	return writeXML(w, urlset{URLs: urls})
}

func writeSitemapIndex(w io.Writer, parts []string) error {
	idx := sitemapIndex{}
	for _, p := range parts {
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: p})
	}
	return writeXML(w, idx)
}

// newsEntries are the stories of the last two days, newest first.
func (s *site) newsEntries(now time.Time) []*siteEntry {
	var out []*siteEntry
	for _, e := range s.entries {
		if e.Time.After(now) || now.Sub(e.Time) > newsWindow {
			continue
		}
		if out = append(out, e); len(out) == newsMax {
			break
		}
	}
	return out
}

// writeNewsSitemap writes the Google News sitemap of entries.
func (s *site) writeNewsSitemap(w io.Writer, entries []*siteEntry) error {
	set := urlset{News: "http://www.google.com/schemas/sitemap-news/0.9", URLs: []sitemapURL{}}
	for _, e := range entries {
		set.URLs = append(set.URLs, sitemapURL{Loc: absURL(s.prof.BaseURL, e.Path), News: &newsNews{
			Publication: newsPublication{Name: s.prof.Title, Language: newsLanguage(orDefault(e.Language, s.prof.Language))},
			Date:        e.Time.In(s.loc).Format(time.RFC3339), Title: e.Headline,
		}})
	}
	return writeXML(w, set)
}

// newsLanguage maps a language tag to the ISO 639 code Google News wants;
// Chinese must name its script.
func newsLanguage(tag string) string {
	l := strings.ToLower(tag)
	switch {
	case l == "zh" || strings.HasPrefix(l, "zh-hans") || l == "zh-cn":
		return "zh-cn"
	case strings.HasPrefix(l, "zh-"):
		return "zh-tw"
	}
	lang, _, _ := strings.Cut(l, "-")
	return lang
}
