package export

import (
	"strconv"
	"strings"
	"time"

	"newsdesk/app"
)

// NinjsSchema is the IPTC ninjs version the documents follow.
const NinjsSchema = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"

// Ninjs is an IPTC ninjs 2.x news item: the shape pushed to the portal's
// endpoint and written beside each article page.
type Ninjs struct {
	URI                string           `json:"uri"`
	Type               string           `json:"type"`
	Representationtype string           `json:"representationtype"`
	Profile            string           `json:"profile,omitempty"`
	Version            string           `json:"version"`
	Firstcreated       string           `json:"firstcreated"`
	Versioncreated     string           `json:"versioncreated"`
	Embargoed          string           `json:"embargoed,omitempty"`
	Pubstatus          string           `json:"pubstatus"`
	Ednote             string           `json:"ednote,omitempty"`
	Language           string           `json:"language,omitempty"`
	Slugline           string           `json:"slugline,omitempty"`
	By                 string           `json:"by,omitempty"`
	Headlines          []NinjsText      `json:"headlines"`
	Descriptions       []NinjsText      `json:"descriptions,omitempty"`
	Bodies             []NinjsBody      `json:"bodies"`
	People             []NinjsPerson    `json:"people,omitempty"`
	Subjects           []NinjsSubject   `json:"subjects,omitempty"`
	Infosources        []NinjsSource    `json:"infosources,omitempty"`
	Renditions         []NinjsRendition `json:"renditions,omitempty"`
	Associations       []NinjsAssoc     `json:"associations,omitempty"`
	Altids             []NinjsAltID     `json:"altids"`
}

// NinjsText is a headline or a description with its role.
type NinjsText struct {
	Role        string `json:"role,omitempty"`
	Contenttype string `json:"contenttype,omitempty"`
	Value       string `json:"value"`
}

// NinjsBody is the story's text.
type NinjsBody struct {
	Role        string `json:"role"`
	Contenttype string `json:"contenttype"`
	Charcount   int    `json:"charcount"`
	Wordcount   int    `json:"wordcount"`
	Value       string `json:"value"`
}

// NinjsPerson is a contact (or a writer) with ways to reach them.
type NinjsPerson struct {
	Name        string         `json:"name"`
	Rel         string         `json:"rel,omitempty"`
	Contactinfo []NinjsContact `json:"contactinfo,omitempty"`
}

// NinjsContact is one way to reach a person.
type NinjsContact struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// NinjsSubject is the section or a tag.
type NinjsSubject struct {
	Name string `json:"name"`
	Rel  string `json:"rel"`
}

// NinjsSource names the agency of wire copy.
type NinjsSource struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// NinjsRendition is a file of a photo or a page of a story.
type NinjsRendition struct {
	Name        string `json:"name"`
	Href        string `json:"href,omitempty"`
	Contenttype string `json:"contenttype,omitempty"`
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
	Sizeinbytes int64  `json:"sizeinbytes,omitempty"`
}

// NinjsAssoc is a photo (with its credit in "by" and a "creditline"
// description, as agencies send them) or a related story.
type NinjsAssoc struct {
	Name         string           `json:"name"`
	URI          string           `json:"uri"`
	Type         string           `json:"type"`
	By           string           `json:"by,omitempty"`
	Headlines    []NinjsText      `json:"headlines,omitempty"`
	Descriptions []NinjsText      `json:"descriptions,omitempty"`
	Renditions   []NinjsRendition `json:"renditions,omitempty"`
}

// NinjsAltID carries the store's own id.
type NinjsAltID struct {
	Role  string `json:"role"`
	Value string `json:"value"`
}

// ninjsInput is what a document needs besides the article: where its
// page and photos are (empty for a push without a portal folder) and the
// related links as resolved for the portal.
type ninjsInput struct {
	pageURL string
	photo   func(ref string) (ImageFile, string, bool) // file and absolute URL
	related []linkView
	zone    *time.Location
	body    string // sanitised HTML
}

// ninjsOf builds the ninjs item of a.
func ninjsOf(a *app.Article, in ninjsInput) *Ninjs {
	rfc := func(t time.Time) string { return t.In(in.zone).Format(time.RFC3339) }
	n := &Ninjs{URI: "urn:uuid:" + a.ID, Type: "text", Representationtype: "full", Profile: "newsdesk-article",
		Version: strconv.Itoa(a.Revision), Firstcreated: rfc(a.CreatedAt), Versioncreated: rfc(a.UpdatedAt),
		Pubstatus: "usable", Ednote: a.Note, Language: a.Language, Slugline: a.Slug, By: byText(a),
		Headlines: []NinjsText{{Role: "main", Value: a.Headline}},
		Bodies: []NinjsBody{{Role: "main", Contenttype: "text/html", Charcount: len([]rune(a.Body)),
			Wordcount: app.CountWords(a.Body), Value: in.body}},
		Altids: []NinjsAltID{{Role: "newsdesk-id", Value: a.ID}, {Role: "newsdesk-revision", Value: strconv.Itoa(a.Revision)}}}
	if a.Status == app.StatusKilled {
		n.Pubstatus = "canceled"
	}
	if a.EmbargoUntil != nil {
		n.Embargoed = rfc(*a.EmbargoUntil)
	}
	if a.Dek != "" {
		n.Descriptions = []NinjsText{{Role: "summary", Value: a.Dek}}
	}
	if a.Source != "" {
		n.Infosources = []NinjsSource{{Name: a.Source, Role: "source"}}
	}
	for _, name := range a.Byline {
		n.People = append(n.People, NinjsPerson{Name: name, Rel: "author"})
	}
	for _, c := range a.Contacts {
		p := NinjsPerson{Name: c.Name, Rel: "contact-" + string(c.Role)}
		if c.Email != "" {
			p.Contactinfo = append(p.Contactinfo, NinjsContact{Type: "email", Value: c.Email})
		}
		if c.Twitter != "" {
			p.Contactinfo = append(p.Contactinfo, NinjsContact{Type: "twitter", Value: c.Twitter})
		}
		if c.Phone != "" {
			p.Contactinfo = append(p.Contactinfo, NinjsContact{Type: "phone", Value: c.Phone})
		}
		n.People = append(n.People, p)
	}
	n.Subjects = append(n.Subjects, NinjsSubject{Name: a.Section, Rel: "section"})
	for _, t := range a.Tags {
		n.Subjects = append(n.Subjects, NinjsSubject{Name: t, Rel: "tag"})
	}
	if in.pageURL != "" {
		n.Renditions = []NinjsRendition{{Name: "web", Href: in.pageURL, Contenttype: "text/html"}}
	}
	for i, p := range a.Photos {
		as := NinjsAssoc{Name: "photo" + strconv.Itoa(i+1), URI: "urn:newsdesk:photo:" + strings.TrimPrefix(p.Image, "sha256:"),
			Type: "picture", By: p.Credit, Descriptions: []NinjsText{{Role: "creditline", Value: p.Credit}}}
		if p.Caption != "" {
			as.Descriptions = append(as.Descriptions, NinjsText{Role: "caption", Value: p.Caption})
		}
		if p.Alt != "" {
			as.Descriptions = append(as.Descriptions, NinjsText{Role: "alt", Value: p.Alt})
		}
		if in.photo != nil {
			if im, href, ok := in.photo(p.Image); ok {
				as.Renditions = []NinjsRendition{{Name: "original", Href: href, Contenttype: im.Type,
					Width: im.Width, Height: im.Height, Sizeinbytes: im.Size}}
			}
		}
		n.Associations = append(n.Associations, as)
	}
	for i, l := range in.related {
		uri := l.Href
		if l.ID != "" {
			uri = "urn:uuid:" + l.ID
		}
		if checkURL(uri) != nil && l.ID == "" {
			continue // text only: nothing a receiver could follow
		}
		n.Associations = append(n.Associations, NinjsAssoc{Name: "related" + strconv.Itoa(i+1), URI: uri, Type: "text",
			Headlines: []NinjsText{{Role: "main", Value: l.Text}}})
	}
	return n
}
