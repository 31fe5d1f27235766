package app

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Rules are the newsroom's limits. Hard limits protect the store and the
// portal and apply to every save; the newsroom may tighten, not loosen, them.
type Rules struct {
	HeadlineMax int // characters
	// Required lists extra fields needed to enter a status (see Newsroom).
	Required map[Status][]string
	// Vocabulary, when set, is the only tags allowed (a controlled list).
	Vocabulary []string
}

// DefaultRules are used until the newsroom configures its own.
var DefaultRules = Rules{HeadlineMax: 200}

// Hard limits: far above anything a story needs, far below what would hurt
// the store or an export. A 5 MB headline is a paste accident, not a story.
const (
	MaxDekRunes     = 1000
	MaxBodyBytes    = 2 << 20
	MaxNameRunes    = 120
	MaxBylineNames  = 30
	MaxTags         = 50
	MaxTagRunes     = 60
	MaxPhotos       = 50
	MaxCaptionRunes = 2000
	MaxListItems    = 50
	MaxURLBytes     = 2048
	MaxShortField   = 300 // section, source, credit, e-mail, phone, slug...
)

var (
	twitterRe  = regexp.MustCompile(`^@[A-Za-z0-9_]{1,15}$`)
	phoneRe    = regexp.MustCompile(`^\+?[0-9 ()./-]{3,30}$`)
	languageRe = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	blobRefRe  = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
)

// Validate checks a against the rules. Rules that keep data sound (lengths,
// e-mail syntax, dates, references) apply to every save; rules of
// completeness (headline, byline or source, section, body, credits) apply
// when strict is true, that is when the article is or goes ready, scheduled
// or published. It returns nil or a *ValidationError listing every problem.
func Validate(a *Article, rules Rules, strict bool) error {
	v := &validator{}
	if rules.HeadlineMax <= 0 {
		rules.HeadlineMax = DefaultRules.HeadlineMax
	}
	v.text("headline", a.Headline, rules.HeadlineMax, true)
	v.text("dek", a.Dek, MaxDekRunes, false)
	v.text("source", a.Source, MaxShortField, true)
	v.text("section", a.Section, MaxShortField, true)
	v.text("slug", a.Slug, MaxShortField, true)
	if !utf8.ValidString(a.Body) {
		v.add("body", "is not valid UTF-8 text")
	} else if len(a.Body) > MaxBodyBytes {
		v.add("body", fmt.Sprintf("is %d bytes, more than the limit of %d", len(a.Body), MaxBodyBytes))
	}
	if len(a.Byline) > MaxBylineNames {
		v.add("byline", fmt.Sprintf("has %d names, more than %d", len(a.Byline), MaxBylineNames))
	}
	for i, n := range a.Byline {
		v.text(fmt.Sprintf("byline[%d]", i), n, MaxNameRunes, true)
	}
	if len(a.Tags) > MaxTags {
		v.add("tags", fmt.Sprintf("has %d tags, more than %d", len(a.Tags), MaxTags))
	}
	for i, t := range a.Tags {
		v.text(fmt.Sprintf("tags[%d]", i), t, MaxTagRunes, true)
	}
	v.photos(a.Photos, strict)
	v.contacts(a.Contacts, strict)
	v.related(a.Related)
	if a.ReadMore != nil {
		// The link may be missing (an imported page lost it); the text
		// may not, or there is nothing to show.
		if a.ReadMore.Text == "" {
			v.add("read_more.text", "is required")
		}
		v.text("read_more.text", a.ReadMore.Text, MaxShortField, true)
		v.url("read_more.url", a.ReadMore.URL, false)
	}
	if _, err := ParseStatus(string(a.Status)); err != nil {
		v.add("status", err.Error())
	}
	if a.TimeZone != "" {
		if _, err := LoadZone(a.TimeZone); err != nil || a.TimeZone == "Local" {
			v.add("time_zone", fmt.Sprintf("%q is not an IANA time zone (e.g. Asia/Shanghai)", a.TimeZone))
		}
	}
	v.instant("scheduled_at", a.ScheduledAt)
	v.instant("published_at", a.PublishedAt)
	v.instant("embargo_until", a.EmbargoUntil)
	v.text("import_key", a.ImportKey, MaxShortField, true)
	if len(a.Flags) > MaxTags {
		v.add("flags", fmt.Sprintf("has %d flags, more than %d", len(a.Flags), MaxTags))
	}
	for i, f := range a.Flags {
		v.text(fmt.Sprintf("flags[%d]", i), f, MaxTagRunes, true)
	}
	if a.Status == StatusScheduled && a.ScheduledAt == nil {
		v.add("scheduled_at", "a scheduled article needs a publication time")
	}
	if a.Language != "" && !languageRe.MatchString(a.Language) {
		v.add("language", fmt.Sprintf("%q is not a language tag (e.g. en, zh, zh-Hans)", a.Language))
	}
	if strict {
		if a.Headline == "" {
			v.add("headline", "is required")
		}
		if len(a.Byline) == 0 && a.Source == "" {
			v.add("byline", "needs at least one name, or a source agency")
		}
		if a.Section == "" {
			v.add("section", "is required")
		}
		if strings.TrimSpace(a.Body) == "" {
			v.add("body", "is required")
		}
	}
	for _, f := range rules.Required[a.Status] {
		if fieldEmpty(a, f) {
			v.add(f, fmt.Sprintf("is required for a %s story in this newsroom", a.Status))
		}
	}
	if len(rules.Vocabulary) > 0 {
		for i, t := range a.Tags {
			if !slices.ContainsFunc(rules.Vocabulary, func(w string) bool { return strings.EqualFold(w, t) }) {
				v.add(fmt.Sprintf("tags[%d]", i), fmt.Sprintf("%q is not in the newsroom's tag list", t))
			}
		}
	}
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// fieldEmpty reports whether a requirable field is empty.
func fieldEmpty(a *Article, field string) bool {
	switch field {
	case "dek":
		return a.Dek == ""
	case "tags":
		return len(a.Tags) == 0
	case "photos":
		return len(a.Photos) == 0
	case "contacts":
		return len(a.Contacts) == 0
	case "source":
		return a.Source == ""
	case "read_more":
		return a.ReadMore == nil
	case "related":
		return len(a.Related) == 0
	}
	return false
}

type validator struct{ problems []FieldError }

func (v *validator) add(field, msg string) {
	v.problems = append(v.problems, FieldError{Field: field, Message: msg})
}

// text checks UTF-8, length and, for one-line fields, control characters.
func (v *validator) text(field, s string, max int, oneLine bool) {
	if !utf8.ValidString(s) {
		v.add(field, "is not valid UTF-8 text")
		return
	}
	if len(s) > max*4 || utf8.RuneCountInString(s) > max {
		v.add(field, fmt.Sprintf("is %d characters long, more than the limit of %d", utf8.RuneCountInString(s), max))
		return
	}
	if oneLine {
		for _, r := range s {
			if unicode.IsControl(r) {
				v.add(field, fmt.Sprintf("contains a control character (%U); it must be one line of text", r))
				return
			}
		}
	}
}

func (v *validator) url(field, s string, required bool) {
	if s == "" {
		if required {
			v.add(field, "is required")
		}
		return
	}
	if len(s) > MaxURLBytes {
		v.add(field, fmt.Sprintf("is %d bytes long, more than %d", len(s), MaxURLBytes))
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add(field, fmt.Sprintf("%q is not an http(s) address", s))
	}
}

// instant refuses times no newsroom means: year 0 from a missing value that
// slipped through, or a typo of a century.
func (v *validator) instant(field string, t *time.Time) {
	if t == nil {
		return
	}
	if y := t.Year(); y < 1900 || y > 2200 {
		v.add(field, fmt.Sprintf("year %d is out of range (1900-2200)", y))
	}
}

func (v *validator) photos(photos []Photo, strict bool) {
	if len(photos) > MaxPhotos {
		v.add("photos", fmt.Sprintf("has %d photos, more than %d", len(photos), MaxPhotos))
	}
	for i, p := range photos {
		f := fmt.Sprintf("photos[%d]", i)
		v.text(f+".caption", p.Caption, MaxCaptionRunes, false)
		v.text(f+".credit", p.Credit, MaxShortField, true)
		v.text(f+".alt", p.Alt, MaxCaptionRunes, false)
		if p.Image != "" && !blobRefRe.MatchString(p.Image) {
			v.add(f+".image", fmt.Sprintf("%q is not a stored image reference (sha256:<64 hex digits>)", p.Image))
		}
		if strict && p.Credit == "" {
			v.add(f+".credit", "is required: every photo needs a credit (e.g. VCG)")
		}
		if strict && p.Image == "" && p.File == "" {
			v.add(f+".image", "is required: the photo has no image")
		}
	}
}

func (v *validator) contacts(contacts []Contact, strict bool) {
	if len(contacts) > MaxListItems {
		v.add("contacts", fmt.Sprintf("has %d entries, more than %d", len(contacts), MaxListItems))
	}
	for i, c := range contacts {
		f := fmt.Sprintf("contacts[%d]", i)
		switch c.Role {
		case RoleReporter, RoleEditor, RoleOther:
		default:
			v.add(f+".role", fmt.Sprintf("%q is not a role (reporter, editor or other)", c.Role))
		}
		v.text(f+".name", c.Name, MaxNameRunes, true)
		if c.Name == "" && (strict || c.Email != "" || c.Twitter != "" || c.Phone != "") {
			v.add(f+".name", "is required")
		}
		if c.Email != "" {
			if err := CheckEmail(c.Email); err != nil {
				v.add(f+".email", err.Error())
			}
		}
		if c.Twitter != "" && !twitterRe.MatchString(c.Twitter) {
			v.add(f+".twitter", fmt.Sprintf("%q is not a Twitter handle (@ and up to 15 letters, digits or _)", c.Twitter))
		}
		if c.Phone != "" && !phoneRe.MatchString(c.Phone) {
			v.add(f+".phone", fmt.Sprintf("%q is not a phone number", c.Phone))
		}
	}
}

// CheckEmail accepts a bare address (no display name), as contact lines
// print it inside parentheses and mailto links need it plain.
func CheckEmail(s string) error {
	if len(s) > MaxShortField {
		return fmt.Errorf("is %d bytes long, more than %d", len(s), MaxShortField)
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || addr.Name != "" || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return fmt.Errorf("%q is not an e-mail address (name@example.com)", s)
	}
	return nil
}

func (v *validator) related(rel []Related) {
	if len(rel) > MaxListItems {
		v.add("related", fmt.Sprintf("has %d entries, more than %d", len(rel), MaxListItems))
	}
	for i, r := range rel {
		f := fmt.Sprintf("related[%d]", i)
		switch {
		case r.ID != "":
			if _, err := uuid.Parse(r.ID); err != nil {
				v.add(f+".id", fmt.Sprintf("%q is not an article id", r.ID))
			}
		case r.Headline == "":
			// An outside story with no known URL (an imported page lost
			// it) is still worth keeping by its headline.
			v.add(f, "needs an article id, or the headline (and URL) of an outside story")
		}
		v.text(f+".headline", r.Headline, MaxCaptionRunes, true)
		v.url(f+".url", r.URL, false)
	}
}
