package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize tidies what editors typed without changing what they meant:
// it trims fields, drops empty byline names and tags, deduplicates tags
// case-insensitively (the first spelling wins), fills the slug and the
// language when empty, and defaults the status and the time zone.
// The body is kept exactly as typed: its bytes are the editor's.
func Normalize(a *Article) {
	a.Headline = strings.TrimSpace(a.Headline)
	a.Dek = strings.TrimSpace(a.Dek)
	a.Source = strings.TrimSpace(a.Source)
	a.Section = strings.TrimSpace(a.Section)
	a.Byline = cleanList(a.Byline)
	a.Tags = NormalizeTags(a.Tags)
	if a.Flags = NormalizeTags(a.Flags); len(a.Flags) == 0 {
		a.Flags = nil // rare; keep JSON and comparisons free of empty lists
	}
	a.ImportKey = strings.TrimSpace(a.ImportKey)
	for i := range a.Photos {
		p := &a.Photos[i]
		p.Caption = strings.TrimSpace(p.Caption)
		p.Credit = strings.TrimSpace(p.Credit)
		p.Alt = strings.TrimSpace(p.Alt)
		p.Image = strings.TrimSpace(p.Image)
	}
	for i := range a.Contacts {
		c := &a.Contacts[i]
		c.Name = strings.TrimSpace(c.Name)
		c.Email = strings.TrimSpace(c.Email)
		c.Phone = strings.TrimSpace(c.Phone)
		c.Twitter = strings.TrimSpace(c.Twitter)
		if c.Twitter != "" && !strings.HasPrefix(c.Twitter, "@") {
			c.Twitter = "@" + c.Twitter
		}
		if c.Role == "" {
			c.Role = RoleOther
		}
	}
	for i := range a.Related {
		r := &a.Related[i]
		r.ID = strings.TrimSpace(r.ID)
		r.Headline = strings.TrimSpace(r.Headline)
		r.URL = strings.TrimSpace(r.URL)
	}
	if a.ReadMore != nil {
		a.ReadMore.Text = strings.TrimSpace(a.ReadMore.Text)
		a.ReadMore.URL = strings.TrimSpace(a.ReadMore.URL)
		if a.ReadMore.Text == "" && a.ReadMore.URL == "" {
			a.ReadMore = nil
		}
	}
	if a.Status == "" {
		a.Status = StatusDraft
	}
	if a.TimeZone == "" {
		a.TimeZone = DefaultTimeZone
	}
	if a.Slug == "" {
		a.Slug = Slugify(a.Headline)
	} else {
		a.Slug = Slugify(a.Slug)
	}
	if a.Language == "" {
		a.Language = DetectLanguage(a.Headline + " " + a.Body)
	}
}

func cleanList(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// NormalizeTags trims tags, drops empty ones and deduplicates them
// case-insensitively, keeping the casing of the first occurrence and the order.
func NormalizeTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// maxSlugRunes keeps file names and URLs well under common path limits.
const maxSlugRunes = 80

// Slugify turns a headline into a URL- and file-safe slug: letters and
// digits of any script, lower-cased, joined by single hyphens. Chinese
// headlines keep their characters (browsers show them; servers encode them).
// Nothing that could leave a folder ("/", "..", "\") survives.
func Slugify(s string) string {
	var b strings.Builder
	n := 0
	hyphen := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			hyphen = true
			continue
		}
		need := 1
		if hyphen && b.Len() > 0 {
			need = 2
		}
		// Stop before the rune that would pass the limit, hyphen included,
		// so a slug is never longer than maxSlugRunes.
		if n+need > maxSlugRunes {
			break
		}
		if need == 2 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteRune(unicode.ToLower(r))
		n += need
	}
	return b.String()
}

// DetectLanguage guesses "zh" or "en" from the share of Han characters among
// letters; the sample is bounded so a long body costs nothing.
func DetectLanguage(s string) string {
	han, letters := 0, 0
	for i, r := range s {
		if i > 4096 {
			break
		}
		if unicode.Is(unicode.Han, r) {
			han++
			letters++
		} else if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters > 0 && han*10 >= letters*2 {
		return "zh"
	}
	return "en"
}

// RuneCount is the length editors see, in characters.
func RuneCount(s string) int { return utf8.RuneCountInString(s) }
