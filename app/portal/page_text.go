package portal

import (
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newsdesk/app"
)

// defaultLocation is the newsroom zone when none is given.
func defaultLocation() *time.Location {
	loc, err := app.LoadZone(app.DefaultTimeZone)
	if err != nil {
		return time.UTC // time/tzdata is embedded by package app; never reached
	}
	return loc
}

// portalLayouts are the ways the portal prints a time, after tidying
// (single spaces, "AM"/"PM" upper case, no dot after the month).
var portalLayouts = []string{
	"Jan 2, 2006 3:04 PM", "January 2, 2006 3:04 PM", "Jan 2, 2006 3:04:05 PM",
	"Jan 2, 2006 15:04", "January 2, 2006 15:04", "Jan 2 2006 3:04 PM", "Jan 2, 2006, 3:04 PM",
	"2006-1-2 15:04", "2006-1-2T15:04",
}

var (
	spacesRe = regexp.MustCompile(`\s+`)
	ampmRe   = regexp.MustCompile(`(?i)(\d)\s*([ap])\.?\s?m\.?$`)
	zhDateRe = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(\d{1,2}):(\d{2})$`)
)

// parsePortalTime reads a byline time ("Oct 21, 2020 11:17 AM") as a wall
// clock in loc. An impossible date ("Feb 30") is an error that says why.
func parsePortalTime(s string, loc *time.Location) (time.Time, error) {
	t := strings.TrimSpace(spacesRe.ReplaceAllString(s, " "))
	t = ampmRe.ReplaceAllStringFunc(t, func(m string) string {
		sub := ampmRe.FindStringSubmatch(m)
		return sub[1] + " " + strings.ToUpper(sub[2]) + "M"
	})
	if m := zhDateRe.FindStringSubmatch(t); m != nil {
		t = m[1] + "-" + m[2] + "-" + m[3] + " " + m[4] + ":" + m[5]
	}
	// "Sept." and "Oct." print a dot, and September its long short form.
	if i := strings.IndexByte(t, ' '); i > 0 {
		mon := strings.TrimSuffix(t[:i], ".")
		if strings.EqualFold(mon, "sept") {
			mon = "Sep"
		}
		if len(mon) >= 3 && unicode.IsLetter(rune(mon[0])) {
			mon = strings.ToUpper(mon[:1]) + strings.ToLower(mon[1:])
		}
		t = mon + t[i:]
	}
	var firstErr error
	for _, layout := range portalLayouts {
		v, err := time.ParseInLocation(layout, t, loc)
		if err == nil {
			if y := v.Year(); y < 1900 || y > 2200 {
				return time.Time{}, app.Errorf(app.EINVALID, "date %q: year %d is out of range (1900-2200)", s, y)
			}
			return v, nil
		}
		var pe *time.ParseError
		if firstErr == nil && errors.As(err, &pe) && pe.Message != "" {
			firstErr = err // "day out of range" says more than "cannot parse"
		}
	}
	reason := "it is not a date like Oct 21, 2020 11:17 AM"
	if firstErr != nil {
		var pe *time.ParseError
		errors.As(firstErr, &pe)
		reason = strings.TrimPrefix(pe.Message, ": ")
	}
	return time.Time{}, app.Errorf(app.EINVALID, "impossible date %q in the byline line: %s", s, reason)
}

// splitNames splits a byline's names on commas and " and " ("Liu Denghui,
// Di Ning and Han Wei"), also on "&", Chinese commas (，、) and semicolons.
func splitNames(s string) []string {
	s = strings.TrimSpace(s)
	if rest, ok := cutPrefixFold(s, "by "); ok {
		s = rest
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；&", r) }) {
		for _, n := range splitFold(part, " and ") {
			n = strings.TrimSpace(n)
			if rest, ok := cutPrefixFold(n, "and "); ok {
				n = strings.TrimSpace(rest) // ", and C" (the serial comma)
			}
			if n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// splitFold splits s on sep, ignoring ASCII case ("A And B").
func splitFold(s, sep string) []string {
	var out []string
	lower := asciiLower(s)
	for {
		i := strings.Index(lower, sep)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s, lower = s[i+len(sep):], lower[i+len(sep):]
	}
}

// asciiLower lowers ASCII letters only, so that byte offsets found in the
// result are valid in s (strings.ToLower may change the length of some
// non-ASCII letters).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Agencies are the wire services a byline may name instead of a person
// ("By Bloomberg"); such a name becomes the article's source.
var Agencies = []string{
	"Bloomberg", "Bloomberg News", "Reuters", "Thomson Reuters", "Xinhua", "Xinhua News Agency",
	"AP", "The Associated Press", "Associated Press", "AFP", "Agence France-Presse",
	"Dow Jones", "Dow Jones Newswires", "Kyodo", "Kyodo News", "Yonhap", "Bernama", "Nikkei",
	"China News Service", "CNS", "TASS", "dpa", "EFE", "ANSA", "UPI", "PA Media", "Caixin",
	"新华社", "中新社", "中国新闻社", "路透社", "彭博社", "美联社", "法新社", "共同社", "财新",
}

// agencySet is the built-in agencies and extra ones, by lower-case name.
func agencySet(extra []string) map[string]bool {
	m := make(map[string]bool, len(Agencies)+len(extra))
	for _, a := range append(append([]string(nil), Agencies...), extra...) {
		if a = strings.TrimSpace(a); a != "" {
			m[strings.ToLower(a)] = true
		}
	}
	return m
}

// datelineRe matches an agency dateline at the start of a body:
// "(Bloomberg) — ", "BEIJING (Reuters) - ", "（新华社）—".
var datelineRe = regexp.MustCompile(`^(?:[\p{Lu}][\p{Lu}\p{Ll} .,'’-]{0,40}\s)?[(（]([\p{Lu}][\p{L}&.'’ -]{0,40}|\p{Han}{2,10})[)）]\s*(?:—|–|--|-)`)

// datelineAgency returns the agency of a dateline at the start of text.
func datelineAgency(text string) string {
	m := datelineRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// stripDateline removes an agency dateline from the start of text.
func stripDateline(text string) string {
	if loc := datelineRe.FindStringIndex(text); loc != nil {
		return strings.TrimSpace(text[loc[1]:])
	}
	return text
}

// Working headlines: at most this many characters, cut at a word boundary.
const (
	workingHeadlineRunes    = 90
	workingHeadlineCJKRunes = 40
)

// abbreviations end in a dot without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"co": true, "corp": true, "inc": true, "ltd": true, "no": true, "vs": true, "etc": true, "gov": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true, "e.g": true, "i.e": true,
}

// firstSentence returns the first sentence of text: up to the first
// sentence end followed by a space and a capital (or by the end), not
// counting abbreviations ("U.S.", "Aug. 26") and initials.
func firstSentence(text string) string {
	for i, r := range text {
		switch r {
		case '。', '！', '？':
			return text[:i+utf8.RuneLen(r)]
		case '.', '!', '?':
			end := i + 1
			for end < len(text) && strings.ContainsRune(closers, rune(text[end])) {
				end++
			}
			rest := text[end:]
			if rest == "" {
				return text
			}
			if !strings.HasPrefix(rest, " ") {
				continue
			}
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "+closers))
			if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("“\"‘'", next) {
				continue
			}
			if r == '.' {
				word := lastWord(text[:i])
				if abbreviations[strings.ToLower(word)] || (utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0])) {
					continue
				}
			}
			return text[:end]
		}
	}
	return text
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	return s[i+1:]
}

// workingHeadline makes a headline from the first sentence of a body,
// without an agency dateline, cut at a word boundary (any character
// boundary in Chinese) and marked "…" when cut.
func workingHeadline(first string) string {
	s := firstSentence(stripDateline(first))
	s = strings.TrimSpace(s)
	limit := workingHeadlineRunes
	if hasCJK(s) {
		limit = workingHeadlineCJKRunes
	}
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)[:limit]
		cut := string(r)
		if !hasCJK(cut) {
			if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
				cut = cut[:i]
			}
		}
		return strings.TrimRight(cut, " ,;:—–-，；：") + "…"
	}
	// A headline does not end with a full stop.
	s = strings.TrimRight(s, "。")
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		w := lastWord(strings.TrimSuffix(s, "."))
		if !abbreviations[strings.ToLower(w)] {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return s
}

// wallClock is a time as its wall clock reads, for fingerprints that must
// not change with the --tz a page is imported with.
func wallClock(t time.Time) string {
	return t.Format("2006-01-02T15:04:05")
}
