package portal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/app"
)

// ninjsConv turns decoded ninjs items into articles.
type ninjsConv struct {
	file     string
	zone     string
	section  string
	agency   map[string]bool
	warnings []Warning
}

func (c *ninjsConv) warn(line int, format string, args ...any) {
	c.warnings = append(c.warnings, Warning{File: c.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (c *ninjsConv) fail(line int, format string, args ...any) error {
	return app.Errorf(app.EINVALID, "%s line %d: %s", c.file, line, fmt.Sprintf(format, args...))
}

// item converts one ninjs object; it returns nil for objects that are not
// stories (a picture on its own).
func (c *ninjsConv) item(r rawItem) (*Item, error) {
	var n ninjsItem
	if err := decodeItem(c.file, r, &n); err != nil {
		return nil, err
	}
	if n.URI == "" && n.GUID == "" && n.Headline == "" && len(n.Headlines) == 0 &&
		len(n.Bodies) == 0 && n.BodyText == "" && n.BodyHTML == "" {
		return nil, c.fail(r.line, "this JSON object is not a ninjs item: it has no uri, guid, headline or body")
	}
	switch t := strings.ToLower(n.Type); t {
	case "", "text", "composite", "component":
	default:
		c.warn(r.line, "a ninjs %s item is not a story; skipped (pictures come in with the story that uses them)", t)
		return nil, nil
	}
	a := &app.Article{TimeZone: c.zone, Section: c.section}
	out := &Item{Line: r.line, Article: a}

	a.Body = bodyOf(n)
	a.Headline = oneLine(pick(n.Headlines, "main", "headline", "title", ""), n.Headline, n.Title)
	out.Indexed = a.Headline != ""
	if a.Headline == "" {
		first, _, _ := strings.Cut(a.Body, "\n\n")
		a.Headline = workingHeadline(strings.TrimLeft(first, "#\\ "))
		a.Flags = append(a.Flags, FlagNeedsHeadline)
	}
	a.Headline = c.clipField(r.line, "headline", a.Headline, app.DefaultRules.HeadlineMax)
	a.Dek = c.clipField(r.line, "description", dekOf(n), app.MaxDekRunes)
	c.byline(a, firstOf(n.By, n.Byline), n.InfoSources)
	if err := c.times(r.line, a, n); err != nil {
		return nil, err
	}
	c.status(r.line, a, n.PubStatus)
	c.language(r.line, a, n.Language)
	c.tags(r.line, a, n)
	c.contacts(r.line, a, n.People)
	if err := c.associations(r.line, out, n.Associations); err != nil {
		return nil, err
	}
	a.ImportKey = c.key(r.line, n, a)
	return out, nil
}

// pick returns the value of the first text whose role is one of roles, in
// the order of roles; "" matches a text without a role.
func pick(texts []ninjsText, roles ...string) string {
	for _, role := range roles {
		for _, t := range texts {
			if strings.EqualFold(t.Role, role) && strings.TrimSpace(t.Value) != "" {
				return textOf(t)
			}
		}
	}
	for _, t := range texts {
		if strings.TrimSpace(t.Value) != "" {
			return textOf(t)
		}
	}
	return ""
}

func textOf(t ninjsText) string {
	if strings.Contains(strings.ToLower(t.ContentType), "html") {
		return htmlToText(t.Value)
	}
	return t.Value
}

// oneLine returns the first non-empty value, whitespace collapsed.
func oneLine(values ...string) string {
	for _, v := range values {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			return v
		}
	}
	return ""
}

func firstOf(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// bodyOf prefers the main body, and HTML over plain text for its structure.
func bodyOf(n ninjsItem) string {
	var main []ninjsText
	for _, b := range n.Bodies {
		switch strings.ToLower(b.Role) {
		case "", "main", "body", "text", "article":
			main = append(main, b)
		}
	}
	if len(main) == 0 {
		main = n.Bodies
	}
	for _, b := range main {
		if strings.Contains(strings.ToLower(b.ContentType), "html") && strings.TrimSpace(b.Value) != "" {
			return htmlToMarkdown(b.Value)
		}
	}
	for _, b := range main {
		if strings.TrimSpace(b.Value) != "" {
			return textToMarkdown(b.Value)
		}
	}
	if strings.TrimSpace(n.BodyHTML) != "" {
		return htmlToMarkdown(n.BodyHTML)
	}
	return textToMarkdown(n.BodyText)
}

// dekOf is the summary: a description that is not a caption or a note.
func dekOf(n ninjsItem) string {
	var ds []ninjsText
	for _, d := range n.Descriptions {
		switch strings.ToLower(d.Role) {
		case "caption", "alt", "alttext", "credit", "ednote", "note":
		default:
			ds = append(ds, d)
		}
	}
	if d := pick(ds, "summary", "abstract", "standfirst", "lead", "teaser", ""); d != "" {
		return oneLine(d)
	}
	return oneLine(n.DescriptionText, htmlToText(n.DescriptionHTML))
}

// clipField cuts a value past a field's limit at a word boundary, with a
// warning: an overlong agency headline must not refuse the whole file.
func (c *ninjsConv) clipField(line int, field, s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)[:limit-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	c.warn(line, "%s is longer than %d characters; cut", field, limit)
	return strings.TrimSpace(cut) + "…"
}

// byline reads "by" ("By A and B", "Reuters"): people go to the byline,
// an agency to the source; an info source names the agency otherwise.
func (c *ninjsConv) byline(a *app.Article, by string, sources []ninjsRef) {
	for _, name := range splitNames(htmlToText(by)) {
		if c.agency[strings.ToLower(name)] && a.Source == "" {
			a.Source = name
			continue
		}
		if utf8.RuneCountInString(name) <= app.MaxNameRunes && len(a.Byline) < app.MaxBylineNames {
			a.Byline = append(a.Byline, name)
		}
	}
	if a.Source == "" {
		for _, s := range sources {
			if n := oneLine(s.Name, s.Literal); n != "" && utf8.RuneCountInString(n) <= app.MaxShortField {
				a.Source = n
				break
			}
		}
	}
}

// ninjsLayouts are the date-time shapes agencies send; RFC 3339 is the
// standard, the others are common deviations (no zone means the newsroom's).
var ninjsLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

// parseTime reads a ninjs date-time; an impossible one is an error naming
// the field.
func (c *ninjsConv) parseTime(line int, field, v string) (*time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	loc, _ := app.LoadZone(c.zone)
	var firstErr error
	for _, layout := range ninjsLayouts {
		t, err := time.ParseInLocation(layout, v, loc)
		if err == nil {
			if y := t.Year(); y < 1900 || y > 2200 {
				return nil, c.fail(line, "%s %q: year %d is out of range (1900-2200)", field, v, y)
			}
			return &t, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, c.fail(line, "%s %q is not a valid date-time (like 2026-03-05T09:30:00+08:00): %s", field, v, timeReason(firstErr))
}

func timeReason(err error) string {
	var pe *time.ParseError
	if e, ok := err.(*time.ParseError); ok {
		pe = e
	}
	if pe != nil && pe.Message != "" {
		return strings.TrimPrefix(pe.Message, ": ")
	}
	return "unrecognised format"
}

// times reads the publication time (first created, else this version)
// and the embargo.
func (c *ninjsConv) times(line int, a *app.Article, n ninjsItem) error {
	var published *time.Time
	for _, f := range []struct{ name, v string }{{"firstcreated", n.FirstCreated}, {"versioncreated", n.VersionCreated}, {"contentcreated", n.ContentCreated}} {
		t, err := c.parseTime(line, f.name, f.v)
		if err != nil {
			return err
		}
		if published == nil {
			published = t
		}
	}
	emb, err := c.parseTime(line, "embargoed", n.Embargoed)
	if err != nil {
		return err
	}
	a.PublishedAt, a.EmbargoUntil = published, emb
	return nil
}

// status follows pubstatus: usable items are published (the default),
// withheld ones wait as drafts, canceled ones are killed.
func (c *ninjsConv) status(line int, a *app.Article, pub string) {
	switch strings.ToLower(strings.TrimSpace(pub)) {
	case "", "usable":
		a.Status = app.StatusPublished
	case "withheld":
		a.Status = app.StatusDraft
		a.PublishedAt = nil
		a.Flags = append(a.Flags, FlagWithheld)
	case "canceled", "cancelled":
		a.Status = app.StatusKilled
		a.Note = "Canceled by the provider (ninjs pubstatus)"
	default:
		c.warn(line, "unknown pubstatus %q; taken as usable", pub)
		a.Status = app.StatusPublished
	}
}

var languageRe = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func (c *ninjsConv) language(line int, a *app.Article, lang string) {
	lang = strings.TrimSpace(lang)
	if lang == "" {
		return
	}
	if p, rest, ok := strings.Cut(lang, "-"); ok {
		lang = strings.ToLower(p) + "-" + rest
	} else {
		lang = strings.ToLower(lang)
	}
	if !languageRe.MatchString(lang) {
		c.warn(line, "language %q is not a language tag; guessed from the text instead", lang)
		return
	}
	a.Language = lang
}

// tags are the subjects' names and the place the story was filed from; a
// subject related as "section" is the section instead.
func (c *ninjsConv) tags(line int, a *app.Article, n ninjsItem) {
	var tags []string
	for _, s := range append(append([]ninjsRef(nil), n.Subjects...), n.Subject...) {
		name := oneLine(s.Name, s.Literal)
		if name == "" {
			continue
		}
		if strings.EqualFold(s.Rel, "section") && a.Section == "" {
			a.Section = name
			continue
		}
		if utf8.RuneCountInString(name) > app.MaxTagRunes {
			c.warn(line, "subject %s is longer than %d characters; left out of the tags", quote(clip(name, 40)), app.MaxTagRunes)
			continue
		}
		tags = append(tags, name)
	}
	if l := oneLine(n.Located); l != "" && utf8.RuneCountInString(l) <= app.MaxTagRunes {
		tags = append(tags, l)
	}
	tags = app.NormalizeTags(tags)
	if len(tags) > app.MaxTags {
		c.warn(line, "%d subjects; the first %d are kept as tags", len(tags), app.MaxTags)
		tags = tags[:app.MaxTags]
	}
	a.Tags = tags
}

// contacts are the people that carry contact information (the others are
// people the story is about, not people to write to).
func (c *ninjsConv) contacts(line int, a *app.Article, people []ninjsRef) {
	for _, p := range people {
		if len(p.ContactInfo) == 0 {
			continue
		}
		name := oneLine(p.Name, p.Literal)
		if name == "" {
			c.warn(line, "a person with contact information has no name; left out")
			continue
		}
		ct := app.Contact{Role: roleOf(firstOf(p.Rel, p.Role)), Name: name}
		for _, ci := range p.ContactInfo {
			v := strings.TrimSpace(ci.Value)
			kind := strings.ToLower(firstOf(ci.Type, ci.Name))
			switch {
			case strings.Contains(kind, "twitter") || kind == "x" || twitterURLRe.MatchString(v):
				h := v
				if m := twitterURLRe.FindStringSubmatch(v); m != nil {
					h = "@" + m[1]
				} else if !strings.HasPrefix(h, "@") {
					h = "@" + h
				}
				if !twitterRe.MatchString(h) {
					c.warn(line, "%s: Twitter handle %q is not valid; left out", name, v)
				} else if ct.Twitter == "" {
					ct.Twitter = h
				}
			case strings.Contains(kind, "mail"):
				v = strings.TrimPrefix(v, "mailto:")
				if err := app.CheckEmail(v); err != nil {
					c.warn(line, "%s: e-mail address %q is not valid; left out", name, v)
				} else if ct.Email == "" {
					ct.Email = v
				}
			case strings.Contains(kind, "phone") || strings.Contains(kind, "mobile") || strings.Contains(kind, "tel"):
				if !phoneRe.MatchString(v) {
					c.warn(line, "%s: phone number %q is not valid; left out", name, v)
				} else if ct.Phone == "" {
					ct.Phone = v
				}
			}
		}
		if ct.Email != "" || ct.Twitter != "" || ct.Phone != "" {
			a.Contacts = append(a.Contacts, ct)
		}
	}
}

// associations: pictures become photos with their caption and credit line
// (their renditions are not fetched), associated stories become related
// links.
func (c *ninjsConv) associations(line int, out *Item, raw json.RawMessage) error {
	list, err := assocList(raw)
	if err != nil {
		return c.fail(line, "associations: %v", err)
	}
	a := out.Article
	for _, m := range list {
		kind := strings.ToLower(m.Type)
		if kind == "" && (hasImageRendition(m.Renditions) || strings.Contains(strings.ToLower(m.Name), "image") || strings.Contains(strings.ToLower(m.Name), "picture")) {
			kind = "picture"
		}
		switch kind {
		case "picture", "graphic":
			p := app.Photo{
				Caption: oneLine(pick(filterRole(m.Descriptions, "caption", ""), "caption", ""), m.DescriptionText, htmlToText(m.DescriptionHTML), pick(m.Headlines), m.Headline, m.BodyText),
				Credit:  oneLine(m.CreditLine, m.By, m.Byline, m.CopyrightHolder, m.CopyrightNotice),
				Alt:     oneLine(pick(filterRole(m.Descriptions, "alt", "alttext"), "alt", "alttext")),
			}
			p.Caption = c.clipField(line, "picture caption", p.Caption, app.MaxCaptionRunes)
			p.Credit = c.clipField(line, "picture credit", p.Credit, app.MaxShortField)
			a.Photos = append(a.Photos, p)
		case "text", "composite", "":
			h := oneLine(pick(m.Headlines), m.Headline, m.Title, m.Name)
			if h == "" {
				c.warn(line, "an associated story has no headline; left out")
				continue
			}
			out.Refs = append(out.Refs, Ref{Line: line, Headline: h, URL: webURL(m.URI)})
		default:
			c.warn(line, "associated %s %s is not imported (only pictures and stories are)", kind, quote(firstOf(m.Name, m.URI)))
		}
	}
	return nil
}

// assocList reads associations as a 2.x array or a 1.x object (whose keys
// name the associations), keeping their order.
func assocList(raw json.RawMessage) ([]ninjsItem, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var out []ninjsItem
	if raw[0] == '[' {
		err := json.Unmarshal(raw, &out)
		return out, err
	}
	if raw[0] != '{' {
		return nil, fmt.Errorf("expected an array or an object, got %s", describeJSON(raw))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var m ninjsItem
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("%v: %w", key, err)
		}
		if m.Name == "" {
			m.Name, _ = key.(string)
		}
		out = append(out, m)
	}
	return out, nil
}

func filterRole(texts []ninjsText, roles ...string) []ninjsText {
	var out []ninjsText
	for _, t := range texts {
		for _, r := range roles {
			if strings.EqualFold(t.Role, r) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

func hasImageRendition(raw json.RawMessage) bool {
	var rs []struct {
		ContentType string `json:"contenttype"`
		MimeType    string `json:"mimetype"`
	}
	if json.Unmarshal(raw, &rs) != nil {
		var m map[string]struct {
			ContentType string `json:"contenttype"`
			MimeType    string `json:"mimetype"`
		}
		if json.Unmarshal(raw, &m) != nil {
			return false
		}
		for _, r := range m {
			rs = append(rs, r)
		}
	}
	for _, r := range rs {
		if strings.HasPrefix(firstOf(r.ContentType, r.MimeType), "image/") {
			return true
		}
	}
	return false
}

// webURL returns u when it is an http(s) address a reader can follow.
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return strings.TrimSpace(u)
}

// key is "ninjs:" and the uri (else the guid); a long one is hashed to fit
// the store, and an item with neither is recognised by a fingerprint of
// its headline, byline, time and first paragraph.
func (c *ninjsConv) key(line int, n ninjsItem, a *app.Article) string {
	id := firstOf(strings.TrimSpace(n.URI), strings.TrimSpace(n.GUID))
	if id == "" {
		c.warn(line, "item has no uri or guid; it is recognised on a later import by its headline, byline and time")
		first, _, _ := strings.Cut(a.Body, "\n\n")
		id = strings.TrimPrefix(pageKey(a.Headline+"\x1f"+strings.Join(a.Byline, ","), n.FirstCreated+n.VersionCreated, first), "portal:")
		return "ninjs:fp:" + id
	}
	if len("ninjs:"+id) > app.MaxShortField || strings.ContainsFunc(id, func(r rune) bool { return r < 0x20 }) {
		sum := sha256.Sum256([]byte(id))
		return "ninjs:sha256:" + hex.EncodeToString(sum[:16])
	}
	return "ninjs:" + id
}
