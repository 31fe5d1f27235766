package export

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"time"

	"newsdesk/app"
)

// renderer makes pages; it is shared by the workers of one export.
type renderer struct {
	site *site
	tpl  *templates
	md   *markdown
}

// entryView builds what the templates show of a story.
func (r *renderer) entryView(e *siteEntry, a *app.Article, body template.HTML) (*entryView, error) {
	s := r.site
	t := e.Time.In(s.loc)
	v := &entryView{
		ID: a.ID, Lang: orDefault(a.Language, s.prof.Language), Headline: a.Headline, Dek: a.Dek,
		URL: relURL(e.Path), Body: body, Related: e.related, Marks: theMarks,
		Byline: bylineView{By: byText(a), When: t.Format(s.prof.DateFormat), ISO: t.Format(time.RFC3339),
			Section: a.Section, SectionURL: relURL(s.sectionURL(a.Section))},
		Contacts: contactViews(a.Contacts),
	}
	for _, p := range a.Photos {
		im, ok := s.images.get(p.Image)
		if !ok {
			return nil, fmt.Errorf("photo %s is not in the portal", p.Image)
		}
		v.Photos = append(v.Photos, photoView{Src: relURL(im.Path), Alt: orDefault(p.Alt, p.Caption),
			Credit: p.Credit, Caption: p.Caption, Width: im.Width, Height: im.Height})
	}
	if rm := a.ReadMore; rm != nil {
		v.ReadMore = &linkView{Text: orDefault(rm.Text, "Read more"), Href: safeHref(rm.URL)}
	}
	return v, nil
}

// page returns the parts every page of the site shares.
func (r *renderer) page(rel, title string) *pageView {
	s := r.site
	return &pageView{
		Lang: s.prof.Language, Root: rootFor(rel), Title: title, Canonical: absURL(s.prof.BaseURL, rel),
		Site: siteView{Title: s.prof.Title, Blurb: s.prof.Blurb, Footer: s.prof.Footer},
		Feeds: []feedLink{
			{Type: "application/rss+xml", Title: s.prof.Title + " (RSS)", Href: "rss.xml"},
			{Type: "application/atom+xml", Title: s.prof.Title + " (Atom)", Href: "atom.xml"},
			{Type: "application/feed+json", Title: s.prof.Title + " (JSON Feed)", Href: "feed.json"},
		},
	}
}

// writeArticle writes the page of one story, with its JSON-LD and Open
// Graph tags, and the fragment list pages reuse.
func (r *renderer) writeArticle(w io.Writer, e *siteEntry, a *app.Article, body template.HTML) error {
	v, err := r.entryView(e, a, body)
	if err != nil {
		return err
	}
	s := r.site
	p := r.page(e.Path, a.Headline+" – "+s.prof.Title)
	p.Lang = v.Lang
	secURL := s.sectionURL(a.Section)
	p.Crumbs = []linkView{{Text: a.Section, Href: relURL(secURL)}}
	p.Feeds = append(p.Feeds, feedLink{Type: "application/rss+xml", Title: a.Section + " (RSS)", Href: relURL(sectionDir(secURL) + "rss.xml")})
	p.Entry = v
	p.Meta, p.JSONLD = r.articleMeta(e, a)
	return r.tpl.writeArticle(w, p)
}

// articleMeta returns the Open Graph tags and the schema.org NewsArticle.
func (r *renderer) articleMeta(e *siteEntry, a *app.Article) ([]metaTag, *newsArticleLD) {
	s := r.site
	url := absURL(s.prof.BaseURL, e.Path)
	published := e.Time.In(s.loc).Format(time.RFC3339)
	modified := a.UpdatedAt.In(s.loc).Format(time.RFC3339)
	meta := []metaTag{
		{Name: "description", Content: a.Dek},
		{Property: "og:type", Content: "article"},
		{Property: "og:title", Content: a.Headline},
		{Property: "og:description", Content: a.Dek},
		{Property: "og:url", Content: url},
		{Property: "og:site_name", Content: s.prof.Title},
		{Property: "article:published_time", Content: published},
		{Property: "article:modified_time", Content: modified},
		{Property: "article:section", Content: a.Section},
	}
	ld := &newsArticleLD{Context: "https://schema.org", Type: "NewsArticle", Headline: a.Headline,
		Description: a.Dek, DatePublished: published, DateModified: modified, ArticleSection: a.Section,
		Keywords: a.Tags, InLanguage: orDefault(a.Language, s.prof.Language), URL: url, MainEntityOfPage: url,
		Publisher: ldThing{Type: "Organization", Name: s.prof.Title, URL: s.prof.BaseURL}}
	for _, n := range a.Byline {
		ld.Author = append(ld.Author, ldThing{Type: "Person", Name: n})
	}
	if len(a.Byline) == 0 && a.Source != "" {
		ld.Author = append(ld.Author, ldThing{Type: "Organization", Name: a.Source})
	}
	for i, p := range a.Photos {
		im, _ := s.images.get(p.Image)
		u := absURL(s.prof.BaseURL, im.Path)
		ld.Image = append(ld.Image, u)
		if i == 0 {
			meta = append(meta, metaTag{Property: "og:image", Content: u},
				metaTag{Property: "og:image:width", Content: strconv.Itoa(im.Width)},
				metaTag{Property: "og:image:height", Content: strconv.Itoa(im.Height)},
				metaTag{Property: "og:image:alt", Content: orDefault(p.Alt, p.Caption)})
		}
	}
	for _, t := range a.Tags {
		meta = append(meta, metaTag{Property: "article:tag", Content: t})
	}
	return meta, ld
}

// newsArticleLD is schema.org's NewsArticle, as search engines read it.
type newsArticleLD struct {
	Context          string    `json:"@context"`
	Type             string    `json:"@type"`
	Headline         string    `json:"headline"`
	Description      string    `json:"description,omitempty"`
	Image            []string  `json:"image,omitempty"`
	DatePublished    string    `json:"datePublished"`
	DateModified     string    `json:"dateModified"`
	Author           []ldThing `json:"author,omitempty"`
	Publisher        ldThing   `json:"publisher"`
	ArticleSection   string    `json:"articleSection,omitempty"`
	Keywords         []string  `json:"keywords,omitempty"`
	InLanguage       string    `json:"inLanguage,omitempty"`
	URL              string    `json:"url"`
	MainEntityOfPage string    `json:"mainEntityOfPage"`
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// listPage is one page of the index or of a section.
type listPage struct {
	rel, heading, section string
	page, pages           int
	entries               []*siteEntry
	newer, older          string
}

// writeList writes a list page; frag returns a story's entry fragment,
// cut from its article page.
func (r *renderer) writeList(w io.Writer, lp *listPage, frag func(*siteEntry) ([]byte, error)) error {
	s := r.site
	title := s.prof.Title
	if lp.heading != "" {
		title = lp.heading + " – " + s.prof.Title
	}
	if lp.page > 1 {
		title += " – Page " + strconv.Itoa(lp.page)
	}
	p := r.page(lp.rel, title)
	p.Heading = lp.heading
	if lp.section != "" {
		secURL := s.sectionURL(lp.section)
		p.Crumbs = []linkView{{Text: lp.section, Href: relURL(secURL)}}
		dir := sectionDir(secURL)
		p.Feeds = append(p.Feeds,
			feedLink{Type: "application/rss+xml", Title: lp.section + " (RSS)", Href: relURL(dir + "rss.xml")},
			feedLink{Type: "application/atom+xml", Title: lp.section + " (Atom)", Href: relURL(dir + "atom.xml")},
			feedLink{Type: "application/feed+json", Title: lp.section + " (JSON Feed)", Href: relURL(dir + "feed.json")})
	}
	for _, sec := range s.sections {
		p.Nav = append(p.Nav, linkView{Text: sec.Name, Href: relURL(s.sectionURL(sec.Name))})
	}
	p.Pager = &pagerView{Page: lp.page, Pages: lp.pages, Newer: relURL(lp.newer), Older: relURL(lp.older)}
	for _, e := range lp.entries {
		f, err := frag(e)
		if err != nil {
			return err
		}
		p.Entries = append(p.Entries, listEntry{ID: e.ID, Lang: orDefault(e.Language, s.prof.Language),
			Headline: e.Headline, URL: relURL(e.Path), Fragment: template.HTML(f)})
	}
	return r.tpl.writeList(w, p)
}

// cut returns what lies between two markers of a page made by Newsdesk.
func cut(page []byte, start, end string) ([]byte, bool) {
	i := bytes.Index(page, []byte(start))
	if i < 0 {
		return nil, false
	}
	rest := page[i+len(start):]
	j := bytes.Index(rest, []byte(end))
	if j < 0 {
		return nil, false
	}
	return rest[:j], true
}

func sectionDir(secURL string) string { return secURL[:len(secURL)-len("index.html")] }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
