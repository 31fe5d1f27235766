package export

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"newsdesk/app"
)

// site is the portal as this export will leave it: the stories carried
// over from the old portal and those exported now, with their addresses.
type site struct {
	prof     Profile
	build    string
	loc      *time.Location
	entries  []*siteEntry // newest first
	byID     map[string]*siteEntry
	sections []Section // by name
	secSlug  map[string]string
	images   *imageSet
}

// siteEntry is one story of the portal. art is set when its pages are
// made in this export (it was exported now, or its old pages are gone);
// otherwise they are carried over.
type siteEntry struct {
	Entry
	art     *app.Article
	related []linkView
	relKey  string
	story   *story
	// dated is set when the story has a publication or schedule time of
	// its own, which the portal shows rather than its first export time.
	dated bool
}

// buildKey names everything besides a story that shapes its pages.
func buildKey(p Profile) string {
	return keyOf(templateVersion, p.Title, p.Blurb, p.Footer, p.BaseURL, p.Language, p.DateFormat, p.TimeZone,
		strconv.Itoa(p.PageSize), strconv.Itoa(p.FeedItems))
}

// entryOf describes a story for the manifest; Path and Image are set
// once addresses are handed out.
func (x *Exporter) entryOf(ctx context.Context, a *app.Article) Entry {
	e := Entry{
		ID: a.ID, Revision: a.Revision, Slug: a.Slug, Headline: a.Headline, Dek: a.Dek,
		By: byText(a), Section: a.Section, Tags: append([]string(nil), a.Tags...), Language: a.Language,
		Time: displayTime(a).UTC(), Created: a.CreatedAt.UTC(), Updated: a.UpdatedAt.UTC(),
	}
	for _, p := range a.Photos {
		e.Images = append(e.Images, p.Image)
	}
	for _, r := range a.Related {
		ref := RelatedRef{ID: r.ID, Headline: r.Headline, URL: r.URL}
		if r.ID != "" && ref.Headline == "" {
			// Remember the headline for when the story is not on the portal.
			if s, err := x.Store.Summary(ctx, r.ID); err == nil && !s.Deleted {
				ref.Headline = s.Headline
			}
		}
		e.Related = append(e.Related, ref)
	}
	return e
}

// newSite assembles the portal from old entries kept and entries made
// now, giving every story and section a unique, stable, safe address.
func newSite(prof Profile, old *Manifest, entries []*siteEntry, images *imageSet) *site {
	s := &site{prof: prof, build: buildKey(prof), byID: map[string]*siteEntry{}, secSlug: map[string]string{}, images: images}
	s.loc = zoneOf(prof.TimeZone)
	s.entries = entries
	oldPath := map[string]string{}
	oldSec := map[string]string{}
	if old != nil {
		for _, e := range old.Articles {
			oldPath[e.ID] = e.Path
		}
		for _, sec := range old.Sections {
			oldSec[sec.Name] = sec.Slug
		}
	}

	// Sections, by name, keeping the folders they had.
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Section] = true
	}
	secs := newSlugger()
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for pass := 0; pass < 2; pass++ {
		for _, n := range sorted {
			if (oldSec[n] != "") != (pass == 0) || s.secSlug[n] != "" {
				continue
			}
			s.secSlug[n] = secs.claim("section:"+n, oldSec[n], slugFor(n))
		}
	}
	for _, n := range sorted {
		s.sections = append(s.sections, Section{Name: n, Slug: s.secSlug[n]})
	}

	// Article addresses: stories that had one keep it first.
	arts := newSlugger()
	for pass := 0; pass < 2; pass++ {
		for _, e := range entries {
			prev := strings.TrimSuffix(strings.TrimPrefix(oldPath[e.ID], "articles/"), ".html")
			if (prev != "") != (pass == 0) {
				continue
			}
			e.Path = "articles/" + arts.claim(e.ID, prev, slugFor(e.Slug)) + ".html"
		}
	}
	for _, e := range entries {
		s.byID[e.ID] = e
		if len(e.Images) > 0 {
			if im, ok := images.get(e.Images[0]); ok {
				e.Image = im.Path
			}
		}
	}
	sort.SliceStable(s.entries, func(i, j int) bool {
		a, b := s.entries[i], s.entries[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		return a.ID < b.ID
	})
	for _, e := range entries {
		s.resolveRelated(e)
	}
	return s
}

// resolveRelated turns an entry's related links into links: to the
// story's page when it is on the portal, to the outside URL, or plain
// text for a story of ours that is not (yet) published here.
func (s *site) resolveRelated(e *siteEntry) {
	e.related = e.related[:0]
	var parts []string
	for _, r := range e.Related {
		var l linkView
		switch other := s.byID[r.ID]; {
		case r.ID != "" && other != nil:
			l = linkView{Text: other.Headline, Href: relURL(other.Path), ID: r.ID}
		case r.URL != "":
			l = linkView{Text: r.Headline, Href: safeHref(r.URL)}
			if l.Text == "" {
				l.Text = r.URL
			}
		case r.Headline != "":
			l = linkView{Text: r.Headline, ID: r.ID}
		default:
			continue
		}
		e.related = append(e.related, l)
		parts = append(parts, l.Text, l.Href)
	}
	e.relKey = keyOf(parts...)
}

// sectionURL is the first page of a section.
func (s *site) sectionURL(name string) string {
	return "sections/" + s.secSlug[name] + "/index.html"
}

// articleKey names what an article page (and its fragment) is made of.
func (s *site) articleKey(e *siteEntry) string {
	return keyOf("article", s.build, e.ID, strconv.Itoa(e.Revision), e.Path, s.secSlug[e.Section], e.relKey)
}

func (s *site) ninjsKey(e *siteEntry) string {
	return keyOf("ninjs", s.build, e.ID, strconv.Itoa(e.Revision), e.Path, e.relKey)
}

// inSection returns the entries of one section, newest first.
func (s *site) inSection(name string) []*siteEntry {
	var out []*siteEntry
	for _, e := range s.entries {
		if e.Section == name {
			out = append(out, e)
		}
	}
	return out
}
