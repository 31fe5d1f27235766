package portal

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsdesk/app"
)

// Contact lines close most portal items. The scraper lost the e-mail
// addresses, so the common shapes are:
//
//	Contact reporter Matthew Walsh (
//	Contact editor Marcus Ryder (
//	Contact reporter Han Wei ( and editor Bob Simison (
//	Contact reporter Timmy Shen (, Twitter: @timmyhmshen)
//	Contact Reporter X (x@example.com) and editor Y (y@example.com, Twitter: @y)
//
// and on Chinese pages "联系记者：王小明（wang@example.com）" or "责任编辑：李华".
// A role carries on to the names after it ("Contact reporters A and B").

var (
	contactRoleRe = regexp.MustCompile(`^(?i:(?:the\s+)?(reporters?|editors?|writers?|authors?|correspondents?|photographers?))(?:\s+|$)`)
	contactZhRe   = regexp.MustCompile(`^(联系记者|联系编辑|责任编辑)\s*[:：|]?\s*`)
	twitterRe     = regexp.MustCompile(`^@[A-Za-z0-9_]{1,15}$`)
	twitterURLRe  = regexp.MustCompile(`(?i)^(?:https?://)?(?:www\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/?$`)
	phoneRe       = regexp.MustCompile(`^\+?[0-9 ()./-]{3,30}$`)
)

// contactLine is a parsed contact line: the people and what could not be
// understood, for the import's warnings.
type contactLine struct {
	Contacts []app.Contact
	Notes    []string
}

// isContactLine reports whether s is a contact line rather than a body
// sentence that happens to start with "Contact" ("Contact tracing apps...").
func isContactLine(s string) bool {
	if contactZhRe.MatchString(s) {
		return utf8.RuneCountInString(s) <= 120
	}
	rest, ok := cutContact(s)
	if !ok {
		return false
	}
	if contactRoleRe.MatchString(rest) {
		return true
	}
	// Without a role word the line must look like "Contact Name (...@...)"
	// or end in the scraper's bare "(": a short capitalised name, then
	// the parenthesis.
	name, info, found := strings.Cut(rest, "(")
	name = strings.TrimSpace(name)
	if !found || name == "" || len(strings.Fields(name)) > 5 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(r) && !hasCJK(string(r)) {
		return false
	}
	info = strings.TrimSpace(info)
	return info == "" || strings.Contains(info, "@")
}

// cutContact strips "Contact" or "Contact:" from the start of s.
func cutContact(s string) (string, bool) {
	rest, ok := cutPrefixFold(s, "contact")
	if !ok {
		return s, false
	}
	switch {
	case strings.HasPrefix(rest, ":"):
		rest = rest[1:]
	case strings.HasPrefix(rest, "："):
		rest = rest[len("："):]
	case strings.HasPrefix(rest, " "):
	default:
		return s, false
	}
	return strings.TrimSpace(rest), true
}

// parseContactLine reads the people of a contact line.
func parseContactLine(s string) contactLine {
	var out contactLine
	role := app.RoleOther
	rest, ok := cutContact(s)
	if !ok {
		m := contactZhRe.FindStringSubmatch(s)
		if m == nil {
			return out
		}
		if strings.Contains(m[1], "编辑") {
			role = app.RoleEditor
		} else {
			role = app.RoleReporter
		}
		rest = s[len(m[0]):]
	}
	for guard := 0; rest != "" && guard < 64; guard++ {
		rest = trimSeparators(rest)
		if m := contactRoleRe.FindStringSubmatch(rest); m != nil {
			role = roleOf(m[1])
			rest = rest[len(m[0]):]
		}
		var name, info string
		var hasInfo bool
		name, info, hasInfo, rest = nextContact(rest)
		if name == "" && !hasInfo {
			continue
		}
		c := app.Contact{Role: role, Name: name}
		out.Notes = append(out.Notes, fillReach(&c, info)...)
		if c.Name == "" {
			out.Notes = append(out.Notes, "a "+string(role)+" contact has no name (the page lost it); left out")
			continue
		}
		out.Contacts = append(out.Contacts, c)
	}
	return out
}

func roleOf(word string) app.ContactRole {
	w := strings.ToLower(word)
	switch {
	case strings.HasPrefix(w, "editor"):
		return app.RoleEditor
	case strings.HasPrefix(w, "reporter"), strings.HasPrefix(w, "writer"), strings.HasPrefix(w, "author"), strings.HasPrefix(w, "correspondent"):
		return app.RoleReporter
	}
	return app.RoleOther
}

// trimSeparators drops what joins two people: spaces, commas, "and", "&".
func trimSeparators(s string) string {
	for {
		t := strings.TrimLeft(s, " ,，、;；&")
		if r, ok := cutPrefixFold(t, "and "); ok {
			t = r
		}
		if t == s {
			return t
		}
		s = t
	}
}

// nextContact reads one "Name (info)" from s. The scraper leaves the
// parenthesis open ("Han Wei ( and editor Bob Simison ("), so an info part
// also ends where the next person begins.
func nextContact(s string) (name, info string, hasInfo bool, rest string) {
	end := len(s)
	for _, sep := range []string{"(", "（", " and ", ",", "，", "、"} {
		if i := indexFold(s, sep); i >= 0 && i < end {
			end = i
		}
	}
	name = strings.TrimSpace(s[:end])
	rest = s[end:]
	open := ""
	switch {
	case strings.HasPrefix(rest, "("):
		open = "("
	case strings.HasPrefix(rest, "（"):
		open = "（"
	default:
		return name, "", false, rest
	}
	rest = rest[len(open):]
	stop, after := len(rest), len(rest)
	for _, c := range []string{")", "）"} {
		if i := strings.Index(rest, c); i >= 0 && i < stop {
			stop, after = i, i+len(c)
		}
	}
	if i := indexFold(rest, " and "); i >= 0 && i < stop {
		stop, after = i, i
	}
	return name, rest[:stop], true, rest[after:]
}

// indexFold finds a lower-case ASCII sep in s ignoring case.
func indexFold(s, sep string) int {
	return strings.Index(asciiLower(s), sep)
}

// fillReach reads "x@example.com, Twitter: @x, Tel: +86 10 1234" into c and
// returns notes on what it had to leave out.
func fillReach(c *app.Contact, info string) []string {
	var notes []string
	for _, piece := range strings.FieldsFunc(info, func(r rune) bool { return strings.ContainsRune(",;，；|", r) }) {
		p := strings.TrimSpace(piece)
		if p == "" {
			continue
		}
		label, value, labelled := strings.Cut(p, ":")
		if !labelled {
			label, value, labelled = strings.Cut(p, "：")
		}
		label = strings.ToLower(strings.TrimSpace(label))
		if !labelled {
			label, value = "", p
		}
		value = strings.TrimSpace(value)
		if twitterURLRe.MatchString(p) {
			label, value = "twitter", p
		}
		switch {
		case label == "twitter" || label == "x" || (label == "" && strings.HasPrefix(value, "@")):
			h := value
			if m := twitterURLRe.FindStringSubmatch(value); m != nil {
				h = "@" + m[1]
			} else if !strings.HasPrefix(h, "@") {
				h = "@" + h
			}
			if !twitterRe.MatchString(h) {
				notes = append(notes, "Twitter handle "+quote(value)+" is not valid; left out")
				continue
			}
			if c.Twitter == "" {
				c.Twitter = h
			}
		case strings.Contains(label, "tel") || strings.Contains(label, "phone") || strings.Contains(label, "电话"):
			if !phoneRe.MatchString(value) {
				notes = append(notes, "phone number "+quote(value)+" is not valid; left out")
				continue
			}
			if c.Phone == "" {
				c.Phone = value
			}
		case strings.Contains(value, "@"):
			addr := strings.TrimPrefix(value, "mailto:")
			if err := app.CheckEmail(addr); err != nil {
				notes = append(notes, "e-mail address "+quote(addr)+" is not valid; left out")
				continue
			}
			if c.Email == "" {
				c.Email = addr
			}
		default:
			notes = append(notes, "contact detail "+quote(p)+" not understood; left out")
		}
	}
	return notes
}

func quote(s string) string { return "\u201c" + s + "\u201d" }
