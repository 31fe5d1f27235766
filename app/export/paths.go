package export

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"newsdesk/app"
)

// maxSlugBytes keeps a file name (slug, an 8-digit suffix and ".html")
// under the 255-byte limit of common file systems: a Chinese slug of 80
// characters is 240 bytes.
const maxSlugBytes = 180

// reserved are names Windows refuses for files whatever the extension;
// a portal folder may be copied there.
var reserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

// slugFor returns a file-safe slug for s: app.Slugify (letters and digits
// of any script joined by hyphens, so Chinese stays readable), clipped to
// a safe length; empty when nothing usable is left.
func slugFor(s string) string {
	slug := app.Slugify(s)
	for len(slug) > maxSlugBytes {
		_, size := utf8.DecodeLastRuneInString(slug)
		slug = strings.TrimRight(slug[:len(slug)-size], "-")
	}
	if reserved[slug] {
		return ""
	}
	return slug
}

// slugger hands out unique slugs within one namespace (articles, sections).
type slugger struct {
	used map[string]string // slug -> owner
}

func newSlugger() *slugger { return &slugger{used: map[string]string{}} }

// claim gives owner the slug it had (prev) while it still derives from
// base, else base, else base with a suffix from owner's id: an article
// keeps its address across exports and two stories never share one.
// prev comes from the old manifest, a file anyone could edit, so it is
// only used when it is itself a clean slug.
func (s *slugger) claim(owner, prev, base string) string {
	free := func(c string) bool { o := s.used[c]; return c != "" && (o == "" || o == owner) }
	take := func(c string) string { s.used[c] = owner; return c }
	stem := base
	if stem == "" {
		stem = "item"
	}
	if prev != "" && slugFor(prev) == prev && (prev == base || strings.HasPrefix(prev, stem+"-")) && free(prev) {
		return take(prev)
	}
	if free(base) {
		return take(base)
	}
	short := owner[:min(8, len(owner))]
	c := stem + "-" + short
	for i := 2; !free(c); i++ {
		c = fmt.Sprintf("%s-%s-%d", stem, short, i)
	}
	return take(c)
}

// checkRel accepts a slash-separated path relative to the export root and
// refuses anything that could name a file outside it. Every path the
// export writes or links goes through it.
func checkRel(rel string) error {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.ContainsAny(rel, "\\\x00:") {
		return fmt.Errorf("unsafe path %q", rel)
	}
	for _, part := range strings.Split(rel, "/") {
		if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") {
			return fmt.Errorf("unsafe path %q", rel)
		}
	}
	if !utf8.ValidString(rel) {
		return fmt.Errorf("unsafe path %q: not UTF-8", rel)
	}
	return nil
}

// within joins rel to root after checkRel and checks the result is still
// under root, as a second line of defence.
func within(root, rel string) (string, error) {
	if err := checkRel(rel); err != nil {
		return "", err
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	r, err := filepath.Rel(root, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
		return "", fmt.Errorf("unsafe path %q leaves %s", rel, root)
	}
	return p, nil
}

// absURL joins a site-relative path to the profile's base URL, escaping
// each segment (Chinese slugs become %-escaped in feeds and sitemaps).
func absURL(base, rel string) string {
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return base + strings.Join(parts, "/")
}

// relURL escapes a site-relative path for an href (pages set <base> to the
// site root, so the same fragment works at every depth).
func relURL(rel string) string {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}
