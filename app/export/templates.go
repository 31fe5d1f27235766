package export

import (
	"embed"
	"html/template"
	"io"
	"strings"
)

//go:embed templates/layout.html templates/list.html templates/article.html templates/style.css
var templateFS embed.FS

// templateVersion is part of every page's key: bump it when templates or
// the way pages are assembled change, so that the next export remakes
// every page instead of carrying old ones over.
const templateVersion = "portal-templates-1"

// templates holds the two page kinds, each the layout with its own main.
type templates struct {
	list, article *template.Template
	css           []byte
}

func parseTemplates() (*templates, error) {
	base, err := template.ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	t := &templates{}
	for name, dst := range map[string]**template.Template{"templates/list.html": &t.list, "templates/article.html": &t.article} {
		c, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if *dst, err = c.ParseFS(templateFS, name); err != nil {
			return nil, err
		}
	}
	if t.css, err = templateFS.ReadFile("templates/style.css"); err != nil {
		return nil, err
	}
	return t, nil
}

// pageView is what the layout shows around any page.
type pageView struct {
	Lang, Root, Title, Canonical string
	Site                         siteView
	Crumbs                       []linkView
	Feeds                        []feedLink
	Nav                          []linkView
	Meta                         []metaTag
	// JSONLD is marshalled by html/template in the script's JS context,
	// which escapes "<", ">" and "&" so that no headline can close it.
	JSONLD any

	// List pages.
	Heading string
	Entries []listEntry
	Pager   *pagerView

	// Article pages.
	Entry *entryView
}

type siteView struct{ Title, Blurb, Footer string }

type feedLink struct{ Type, Title, Href string }

type metaTag struct{ Property, Name, Content string }

type pagerView struct {
	Page, Pages  int
	Newer, Older string
}

// listEntry is one story on a list page: its fragment comes from its
// article page, already rendered and escaped.
type listEntry struct {
	ID, Lang, Headline, URL string
	Fragment                template.HTML
}

// rootFor returns the <base> of a page at rel: "./" at the top,
// "../" per folder below it.
func rootFor(rel string) string {
	n := strings.Count(rel, "/")
	if n == 0 {
		return "./"
	}
	return strings.Repeat("../", n)
}

func (t *templates) writeList(w io.Writer, v *pageView) error {
	return t.list.ExecuteTemplate(w, "page", v)
}

func (t *templates) writeArticle(w io.Writer, v *pageView) error {
	return t.article.ExecuteTemplate(w, "page", v)
}
