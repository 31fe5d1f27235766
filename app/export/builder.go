package export

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// uuidRe guards ids used in file names (ninjs/<id>.json): a manifest is a
// file anyone could edit.
var uuidRe = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// builder lists and makes the files of one portal.
type builder struct {
	x   *Exporter
	r   *renderer
	st  *stage
	now time.Time
	opt *Options

	progMu sync.Mutex
}

// jobs returns the files of the portal in two phases: photos, article
// pages and ninjs first; then the pages, feeds and sitemaps that reuse
// the article pages' fragments.
func (b *builder) jobs() (first, second []*job) {
	s := b.r.site
	seen := map[string]bool{}
	for _, e := range s.entries {
		for _, ref := range e.Images {
			if im, ok := s.images.get(ref); ok && !seen[ref] {
				seen[ref] = true
				first = append(first, &job{path: im.Path, key: "image:" + ref, write: b.image(ref)})
			}
		}
	}
	for _, e := range s.entries {
		// A story's page and its ninjs share one reading and one
		// rendering of the story, dropped once both are done.
		e.story = &story{}
		e.story.users.Store(1)
		release := func() { b.release(e) }
		first = append(first, &job{path: e.Path, key: s.articleKey(e), write: b.article(e), after: release})
		if uuidRe.MatchString(e.ID) {
			e.story.users.Add(1)
			first = append(first, &job{path: "ninjs/" + e.ID + ".json", key: s.ninjsKey(e), write: b.ninjs(e), after: release})
		}
	}
	first = append(first, &job{path: "style.css", key: keyOf("css", templateVersion), write: func(w io.Writer) error {
		_, err := w.Write(b.r.tpl.css)
		return err
	}})

	nav := []string{}
	for _, sec := range s.sections {
		nav = append(nav, sec.Name, sec.Slug)
	}
	navKey := keyOf(nav...)
	second = append(second, b.listJobs("", "", "index.html", "pages/", s.entries, navKey)...)
	second = append(second, b.feedJobs(feedScope{title: s.prof.Title, description: s.prof.Blurb, page: "index.html"}, s.entries)...)
	for _, sec := range s.sections {
		dir := "sections/" + sec.Slug + "/"
		in := s.inSection(sec.Name)
		second = append(second, b.listJobs(sec.Name, sec.Name, dir+"index.html", dir, in, navKey)...)
		second = append(second, b.feedJobs(feedScope{title: sec.Name + " – " + s.prof.Title, page: dir + "index.html", dir: dir}, in)...)
	}
	second = append(second, b.sitemapJobs()...)
	return first, second
}

// listJobs paginates entries: page 1 at first, page n at prefix+"n.html".
func (b *builder) listJobs(heading, section, first, prefix string, entries []*siteEntry, navKey string) []*job {
	s := b.r.site
	size := s.prof.PageSize
	pages := max(1, (len(entries)+size-1)/size)
	rel := func(n int) string {
		switch {
		case n < 1 || n > pages:
			return ""
		case n == 1:
			return first
		}
		return prefix + strconv.Itoa(n) + ".html"
	}
	var out []*job
	for n := 1; n <= pages; n++ {
		lp := &listPage{rel: rel(n), heading: heading, section: section, page: n, pages: pages,
			entries: entries[min((n-1)*size, len(entries)):min(n*size, len(entries))], newer: rel(n - 1), older: rel(n + 1)}
		parts := []string{"list", s.build, lp.rel, heading, strconv.Itoa(n), strconv.Itoa(pages), navKey, lp.newer, lp.older}
		for _, e := range lp.entries {
			parts = append(parts, s.articleKey(e))
		}
		out = append(out, &job{path: lp.rel, key: keyOf(parts...), write: func(w io.Writer) error {
			return b.r.writeList(w, lp, b.fragment)
		}})
	}
	return out
}

// feedJobs makes the RSS, Atom and JSON feeds of a scope's newest stories.
func (b *builder) feedJobs(sc feedScope, entries []*siteEntry) []*job {
	s := b.r.site
	top := entries[:min(len(entries), s.prof.FeedItems)]
	parts := []string{"feed", s.build, sc.title, sc.description, sc.page}
	for _, e := range top {
		parts = append(parts, s.articleKey(e))
	}
	key := keyOf(parts...)
	items := func() ([]feedItem, error) {
		out := make([]feedItem, 0, len(top))
		for _, e := range top {
			frag, err := b.fragment(e)
			if err != nil {
				return nil, err
			}
			body, err := bodyOf(e, frag)
			if err != nil {
				return nil, err
			}
			out = append(out, feedItem{siteEntry: e, Body: body})
		}
		return out, nil
	}
	mk := func(write func(io.Writer, []feedItem) error) func(io.Writer) error {
		return func(w io.Writer) error {
			its, err := items()
			if err != nil {
				return err
			}
			return write(w, its)
		}
	}
	return []*job{
		{path: sc.dir + "rss.xml", key: key, write: mk(func(w io.Writer, its []feedItem) error { return b.r.writeRSS(w, sc, its, b.now) })},
		{path: sc.dir + "atom.xml", key: key, write: mk(func(w io.Writer, its []feedItem) error { return b.r.writeAtom(w, sc, its, b.now) })},
		{path: sc.dir + "feed.json", key: key, write: mk(func(w io.Writer, its []feedItem) error { return b.r.writeJSONFeed(w, sc, its) })},
	}
}

// sitemapJobs makes the plain sitemap (an index of parts past 50,000
// URLs) and the Google News sitemap.
func (b *builder) sitemapJobs() []*job {
	s := b.r.site
	urls := s.sitemapURLs()
	var out []*job
	parts := sitemapParts(urls)
	if len(parts) == 1 {
		out = append(out, &job{path: "sitemap.xml", key: sitemapKey(s.build, urls), write: func(w io.Writer) error { return writeSitemap(w, urls) }})
	} else {
		var locs []string
		for i, p := range parts {
			rel := "sitemaps/" + strconv.Itoa(i+1) + ".xml"
			locs = append(locs, absURL(s.prof.BaseURL, rel))
			out = append(out, &job{path: rel, key: sitemapKey(s.build, p), write: func(w io.Writer) error { return writeSitemap(w, p) }})
		}
		out = append(out, &job{path: "sitemap.xml", key: keyOf(locs...), write: func(w io.Writer) error { return writeSitemapIndex(w, locs) }})
	}
	news := s.newsEntries(b.now)
	nparts := []string{"news", s.build}
	for _, e := range news {
		nparts = append(nparts, e.Path, e.Headline, e.Time.String(), e.Language)
	}
	out = append(out, &job{path: "news-sitemap.xml", key: keyOf(nparts...), write: func(w io.Writer) error { return s.writeNewsSitemap(w, news) }})
	return out
}

func sitemapKey(build string, urls []sitemapURL) string {
	parts := []string{"sitemap", build}
	for _, u := range urls {
		parts = append(parts, u.Loc, u.LastMod)
	}
	return keyOf(parts...)
}

// image copies a photo from the store.
func (b *builder) image(ref string) func(io.Writer) error {
	return func(w io.Writer) error {
		data, err := b.x.Store.Blob(context.Background(), ref)
		if err != nil {
			return fmt.Errorf("photo %s: %w", ref, err)
		}
		_, err = w.Write(data)
		return err
	}
}

func (b *builder) article(e *siteEntry) func(io.Writer) error {
	return func(w io.Writer) error {
		a, body, err := b.story(e)
		if err != nil {
			return err
		}
		return b.r.writeArticle(w, e, a, body)
	}
}

func (b *builder) ninjs(e *siteEntry) func(io.Writer) error {
	return func(w io.Writer) error {
		a, body, err := b.story(e)
		if err != nil {
			return err
		}
		s := b.r.site
		doc := ninjsOf(a, ninjsInput{pageURL: absURL(s.prof.BaseURL, e.Path), related: e.related, zone: s.loc, body: string(body),
			photo: func(ref string) (ImageFile, string, bool) {
				im, ok := s.images.get(ref)
				return im, absURL(s.prof.BaseURL, im.Path), ok
			}})
		return writeCompactJSON(w, doc)
	}
}

// fragment cuts a story's entry out of its staged article page.
func (b *builder) fragment(e *siteEntry) ([]byte, error) {
	page, err := b.st.read(e.Path)
	if err != nil {
		return nil, fmt.Errorf("article page of %s: %w", e.ID, err)
	}
	f, ok := cut(page, markEntry, markEntryEnd)
	if !ok {
		return nil, fmt.Errorf("article page %s has no entry markers", e.Path)
	}
	return f, nil
}

// bodyOf returns a story's sanitised body HTML from its entry fragment.
func bodyOf(e *siteEntry, frag []byte) (string, error) {
	body, ok := cut(frag, markBody, markBodyEnd)
	if !ok {
		return "", fmt.Errorf("article page %s has no body markers", e.Path)
	}
	return strings.TrimSpace(string(body)) + "\n", nil
}
