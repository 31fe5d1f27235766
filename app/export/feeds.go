package export

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// feedItem is a story as feeds carry it; Body is its sanitised HTML.
type feedItem struct {
	*siteEntry
	Body string
}

// feedScope is the portal or one section.
type feedScope struct {
	title, description string
	page               string // the HTML page the feed mirrors
	dir                string // "" or "sections/<slug>/"
}

// updatedOf is the newest change among items: feeds carry no clock of
// their own, so an unchanged portal gives byte-identical feeds.
func updatedOf(items []feedItem, now time.Time) time.Time {
	var t time.Time
	for _, it := range items {
		if it.Updated.After(t) {
			t = it.Updated
		}
		if it.Time.After(t) {
			t = it.Time
		}
	}
	if t.IsZero() {
		return now.UTC().Truncate(time.Second)
	}
	return t
}

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Content string     `xml:"xmlns:content,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language,omitempty"`
	LastBuild   string    `xml:"lastBuildDate"`
	Generator   string    `xml:"generator"`
	Self        rssSelf   `xml:"atom:link"`
	Items       []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        rssGUID       `xml:"guid"`
	PubDate     string        `xml:"pubDate"`
	Creator     string        `xml:"dc:creator,omitempty"`
	Category    string        `xml:"category,omitempty"`
	Description string        `xml:"description"`
	Content     string        `xml:"content:encoded"`
	Enclosure   *rssEnclosure `xml:"enclosure"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// writeRSS writes an RSS 2.0 feed. encoding/xml escapes every value, so a
// headline is text and a body is escaped HTML, as RSS readers expect.
func (r *renderer) writeRSS(w io.Writer, sc feedScope, items []feedItem, now time.Time) error {
	s := r.site
	doc := rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Content: "http://purl.org/rss/1.0/modules/content/",
		DC: "http://purl.org/dc/elements/1.1/", Channel: rssChannel{
			Title: sc.title, Link: absURL(s.prof.BaseURL, sc.page), Description: orDefault(sc.description, sc.title),
			Language: s.prof.Language, LastBuild: updatedOf(items, now).Format(time.RFC1123Z), Generator: generator,
			Self: rssSelf{Href: absURL(s.prof.BaseURL, sc.dir+"rss.xml"), Rel: "self", Type: "application/rss+xml"},
		}}
	for _, it := range items {
		ri := rssItem{Title: it.Headline, Link: absURL(s.prof.BaseURL, it.Path),
			GUID: rssGUID{IsPermaLink: "false", Value: "urn:uuid:" + it.ID}, PubDate: it.Time.Format(time.RFC1123Z),
			Creator: it.By, Category: it.Section, Description: orDefault(it.Dek, it.Headline), Content: it.Body}
		if im, ok := s.images.get(first(it.Images)); ok {
			ri.Enclosure = &rssEnclosure{URL: absURL(s.prof.BaseURL, im.Path), Length: im.Size, Type: im.Type}
		}
		doc.Channel.Items = append(doc.Channel.Items, ri)
	}
	return writeXML(w, doc)
}

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	ID        string      `xml:"id"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomEntry struct {
	Title     atomText       `xml:"title"`
	ID        string         `xml:"id"`
	Links     []atomLink     `xml:"link"`
	Published string         `xml:"published"`
	Updated   string         `xml:"updated"`
	Authors   []atomPerson   `xml:"author"`
	Category  []atomCategory `xml:"category"`
	Summary   *atomText      `xml:"summary"`
	Content   atomText       `xml:"content"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// writeAtom writes an Atom 1.0 feed.
func (r *renderer) writeAtom(w io.Writer, sc feedScope, items []feedItem, now time.Time) error {
	s := r.site
	self := absURL(s.prof.BaseURL, sc.dir+"atom.xml")
	f := atomFeed{Lang: s.prof.Language, Title: sc.title, Subtitle: sc.description, ID: self,
		Updated: updatedOf(items, now).Format(time.RFC3339), Author: atomPerson{Name: s.prof.Title}, Generator: generator,
		Links: []atomLink{{Href: self, Rel: "self", Type: "application/atom+xml"}, {Href: absURL(s.prof.BaseURL, sc.page), Rel: "alternate", Type: "text/html"}}}
	for _, it := range items {
		e := atomEntry{Title: atomText{Type: "text", Value: it.Headline}, ID: "urn:uuid:" + it.ID,
			Links:     []atomLink{{Href: absURL(s.prof.BaseURL, it.Path), Rel: "alternate", Type: "text/html"}},
			Published: it.Time.Format(time.RFC3339), Updated: laterOf(it.Updated, it.Time).Format(time.RFC3339),
			Category: []atomCategory{{Term: it.Section}}, Content: atomText{Type: "html", Value: it.Body}}
		if it.By != "" {
			e.Authors = []atomPerson{{Name: it.By}}
		}
		if it.Dek != "" {
			e.Summary = &atomText{Type: "text", Value: it.Dek}
		}
		f.Entries = append(f.Entries, e)
	}
	return writeXML(w, f)
}

type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Description string         `json:"description,omitempty"`
	Language    string         `json:"language,omitempty"`
	Authors     []jsonAuthor   `json:"authors,omitempty"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	Image         string       `json:"image,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
	Language      string       `json:"language,omitempty"`
}

// writeJSONFeed writes a JSON Feed 1.1.
func (r *renderer) writeJSONFeed(w io.Writer, sc feedScope, items []feedItem) error {
	s := r.site
	f := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: sc.title, HomePageURL: absURL(s.prof.BaseURL, sc.page),
		FeedURL: absURL(s.prof.BaseURL, sc.dir+"feed.json"), Description: sc.description, Language: s.prof.Language,
		Authors: []jsonAuthor{{Name: s.prof.Title}}, Items: []jsonFeedItem{}}
	for _, it := range items {
		ji := jsonFeedItem{ID: "urn:uuid:" + it.ID, URL: absURL(s.prof.BaseURL, it.Path), Title: it.Headline,
			ContentHTML: it.Body, Summary: it.Dek, DatePublished: it.Time.Format(time.RFC3339),
			DateModified: laterOf(it.Updated, it.Time).Format(time.RFC3339), Tags: it.Tags, Language: it.Language}
		if it.By != "" {
			ji.Authors = []jsonAuthor{{Name: it.By}}
		}
		if im, ok := s.images.get(first(it.Images)); ok {
			ji.Image = absURL(s.prof.BaseURL, im.Path)
		}
		f.Items = append(f.Items, ji)
	}
	return writeJSON(w, f)
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode XML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// writeJSON writes indented JSON; HTML escaping stays on, so "<" in a
// headline reaches no consumer as markup.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	return nil
}

// writeCompactJSON writes JSON on one line, for documents made by the
// thousand (ninjs), where indentation only costs time and bytes.
func writeCompactJSON(w io.Writer, v any) error {
	if err := json.NewEncoder(w).Encode(v); err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	return nil
}

func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
