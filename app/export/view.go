package export

import (
	"html/template"
	"strings"
	"time"

	"newsdesk/app"
	"newsdesk/app/history"
)

// Markers delimit the parts of an article page that list pages and feeds
// reuse, so that an unchanged story is never rendered again: its entry is
// cut out of the page made last time. Sanitised bodies carry no comments,
// and escaped text cannot form one, so the markers cannot be forged.
const (
	markEntry    = "<!--newsdesk:entry-->"
	markEntryEnd = "<!--/newsdesk:entry-->"
	markBody     = "<!--newsdesk:body-->"
	markBodyEnd  = "<!--/newsdesk:body-->"
)

// entryView is an article as the templates show it. Every field is text
// for html/template to escape, except Body, which the sanitiser made.
type entryView struct {
	ID, Lang, Headline, Dek string
	URL                     string // site-relative (pages set <base>)
	Byline                  bylineView
	Photos                  []photoView
	Body                    template.HTML
	ReadMore                *linkView
	Contacts                []contactView
	Related                 []linkView
	Marks                   marks
}

// marks hands the fixed marker comments to the templates, which drop
// comments written in template text.
type marks struct{ Entry, EntryEnd, Body, BodyEnd template.HTML }

var theMarks = marks{markEntry, markEntryEnd, markBody, markBodyEnd}

// bylineView is "By A, B and C / Oct 21, 2020 11:17 AM / Politics & Law";
// By is empty for an item with neither byline nor source, which keeps the
// bare "/ time / section" form.
type bylineView struct {
	By, When, ISO, Section, SectionURL string
}

type photoView struct {
	Src, Alt, Credit, Caption string
	Width, Height             int
}

type linkView struct {
	Text string
	Href string // empty: text only (a related story not on the portal)
	ID   string // a story of ours, for ninjs
}

// contactView is one person of the contact line: Sep joins it to the one
// before (", " or " and "), Label is "reporter Han Wei".
type contactView struct {
	Sep, Label string
	Reach      []reachView
}

// reachView is one way to reach a contact: an e-mail (mailto), a Twitter
// handle or a phone number. Href is a template.URL only for tel: links,
// built from a validated number; mailto and https pass html/template's
// own URL check.
type reachView struct {
	Prefix, Text string
	Href         any
}

// byText is who the byline line names: the writers joined as the portal
// joins them, else the agency.
func byText(a *app.Article) string {
	if len(a.Byline) > 0 {
		return history.JoinNames(a.Byline)
	}
	return a.Source
}

// displayTime is the time a story shows: its publication, else its
// schedule, else its last update (see portalTime for stories already on
// the portal).
func displayTime(a *app.Article) time.Time {
	switch {
	case a.PublishedAt != nil:
		return *a.PublishedAt
	case a.ScheduledAt != nil:
		return *a.ScheduledAt
	}
	return a.UpdatedAt
}

// contactViews builds "Contact reporter X (x@y) and editor Y (y@z)".
func contactViews(cs []app.Contact) []contactView {
	out := make([]contactView, 0, len(cs))
	for i, c := range cs {
		v := contactView{Label: c.Name}
		if c.Role == app.RoleReporter || c.Role == app.RoleEditor {
			v.Label = string(c.Role) + " " + c.Name
		}
		switch {
		case i == 0:
		case i == len(cs)-1:
			v.Sep = " and "
		default:
			v.Sep = ", "
		}
		if c.Email != "" {
			v.Reach = append(v.Reach, reachView{Text: c.Email, Href: "mailto:" + c.Email})
		}
		if c.Twitter != "" {
			v.Reach = append(v.Reach, reachView{Prefix: "Twitter: ", Text: c.Twitter, Href: "https://twitter.com/" + strings.TrimPrefix(c.Twitter, "@")})
		}
		if c.Phone != "" {
			v.Reach = append(v.Reach, reachView{Prefix: "Tel: ", Text: c.Phone, Href: telURL(c.Phone)})
		}
		out = append(out, v)
	}
	return out
}

// telURL keeps only the digits and a leading + of a validated number, so
// nothing but a tel: link can come out.
func telURL(phone string) template.URL {
	var b strings.Builder
	b.WriteString("tel:")
	for i, r := range phone {
		if r >= '0' && r <= '9' || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	return template.URL(b.String())
}

// safeHref returns u when it is an http(s) URL, else "" (text only).
// Validation already refuses other schemes; this guards old revisions
// and hand-edited manifests.
func safeHref(u string) string {
	if checkURL(u) != nil {
		return ""
	}
	return u
}
