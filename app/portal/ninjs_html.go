package portal

import (
	"html"
	"net/url"
	"strings"
	"unicode/utf8"
)

// htmlToMarkdown turns an agency's HTML body into the plain Markdown
// Newsdesk bodies are: paragraphs, "## " headings, "- " and "1. " list
// items, "> " quotes and links to http(s) addresses. Everything else is
// reduced to its text: scripts, styles, frames and their content are
// dropped, and links to anything but http(s) keep only their text, so
// nothing executable reaches the store. It is a small tokenizer, not an
// HTML5 parser: agency bodies are simple, and broken markup can only lose
// formatting, never text or time.
func htmlToMarkdown(s string) string {
	c := &mdConv{}
	c.run(s)
	return strings.Join(c.blocks, "\n\n")
}

// htmlToText is htmlToMarkdown for one-line fields (headline, dek,
// caption): text only, whitespace collapsed.
func htmlToText(s string) string {
	c := &mdConv{plain: true}
	c.run(s)
	return strings.Join(strings.Fields(strings.Join(c.blocks, " ")), " ")
}

// mdConv is the state of one conversion.
type mdConv struct {
	plain  bool
	blocks []string
	cur    []byte
	prefix string // of the block being built: "## ", "- ", "1. "
	skip   string // element whose content is dropped (script, style...)
	lists  []string
	links  []link
	quote  int
}

// link is an open <a>: where its text starts in cur, and its address
// ("" when it is not a safe http(s) address).
type link struct {
	at   int
	href string
}

// dropped are elements whose content is not text for readers.
var dropped = map[string]bool{
	"script": true, "style": true, "iframe": true, "object": true, "embed": true, "noscript": true,
	"template": true, "svg": true, "head": true, "title": true, "math": true, "select": true, "button": true,
}

// blockTags end the current block when they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true, "aside": true,
	"pre": true, "figure": true, "figcaption": true, "table": true, "tr": true, "br": true, "hr": true,
	"dl": true, "dt": true, "dd": true, "address": true, "main": true, "nav": true, "body": true, "html": true,
}

func (c *mdConv) run(s string) {
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			c.text(s)
			break
		}
		c.text(s[:lt])
		s = s[lt:]
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				break
			}
			s = s[end+3:]
			continue
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 || !isTagStart(s[1:]) {
			c.text("<") // a lone "<" is text ("a < b")
			s = s[1:]
			continue
		}
		c.tag(s[1:gt])
		s = s[gt+1:]
	}
	c.flush()
}

// isTagStart reports whether s (after a "<") begins a tag name.
func isTagStart(s string) bool {
	s = strings.TrimPrefix(s, "/")
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] == '!')
}

func (c *mdConv) text(t string) {
	if c.skip != "" || t == "" {
		return
	}
	t = html.UnescapeString(t)
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	lead, trail := isHTMLSpace(first), isHTMLSpace(last)
	words := strings.FieldsFunc(t, isHTMLSpace)
	if len(c.cur) > 0 && (lead || len(words) == 0) {
		c.space()
	}
	c.cur = append(c.cur, strings.Join(words, " ")...)
	if trail && len(words) > 0 {
		c.space()
	}
}

func (c *mdConv) space() {
	if n := len(c.cur); n > 0 && c.cur[n-1] != ' ' {
		c.cur = append(c.cur, ' ')
	}
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0'
}

// tag handles one tag; only links look at attributes.
func (c *mdConv) tag(raw string) {
	closing := strings.HasPrefix(raw, "/")
	body := strings.TrimPrefix(raw, "/")
	name := strings.ToLower(body)
	if i := strings.IndexFunc(name, func(r rune) bool { return isHTMLSpace(r) || r == '/' }); i >= 0 {
		name = name[:i]
	}
	if c.skip != "" {
		if closing && name == c.skip {
			c.skip = ""
		}
		return
	}
	switch {
	case dropped[name]:
		if !closing && !strings.HasSuffix(body, "/") {
			c.skip = name
		}
	case name == "ul" || name == "ol":
		c.flush()
		if !closing {
			c.lists = append(c.lists, name)
		} else if len(c.lists) > 0 {
			c.lists = c.lists[:len(c.lists)-1]
		}
	case name == "li":
		c.flush()
		if !closing && !c.plain {
			c.prefix = "- "
			if len(c.lists) > 0 && c.lists[len(c.lists)-1] == "ol" {
				c.prefix = "1. "
			}
		}
	case name == "blockquote":
		c.flush()
		if !closing {
			c.quote++
		} else if c.quote > 0 {
			c.quote--
		}
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		c.flush()
		if !closing && !c.plain {
			c.prefix = "## "
			if name[1] > '2' {
				c.prefix = "### "
			}
		}
	case name == "a":
		c.anchor(closing, body)
	case blockTags[name]:
		c.flush()
	}
}

// anchor opens or closes a link; a safe link becomes [text](address).
func (c *mdConv) anchor(closing bool, body string) {
	if !closing {
		c.links = append(c.links, link{at: len(c.cur), href: safeHref(attr(body, "href"))})
		return
	}
	if len(c.links) == 0 {
		return
	}
	l := c.links[len(c.links)-1]
	c.links = c.links[:len(c.links)-1]
	if c.plain || l.href == "" || l.at > len(c.cur) {
		return
	}
	text := strings.TrimSpace(string(c.cur[l.at:]))
	if text == "" {
		return
	}
	text = strings.NewReplacer("[", `\[`, "]", `\]`).Replace(text)
	c.cur = append(c.cur[:l.at], "["+text+"]("+l.href+")"...)
}

// attr returns the value of attribute name in a tag's text.
func attr(tag, name string) string {
	lower := strings.ToLower(tag)
	for from := 0; ; {
		i := strings.Index(lower[from:], name)
		if i < 0 {
			return ""
		}
		i += from
		from = i + len(name)
		if i > 0 && !isHTMLSpace(rune(lower[i-1])) {
			continue
		}
		rest := strings.TrimLeft(tag[from:], " \t\n\r")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\n\r")
		if rest == "" {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if end := strings.IndexByte(rest[1:], q); end >= 0 {
				return html.UnescapeString(rest[1 : 1+end])
			}
			return ""
		}
		if end := strings.IndexFunc(rest, isHTMLSpace); end >= 0 {
			rest = rest[:end]
		}
		return html.UnescapeString(rest)
	}
}

// safeHref keeps http(s) addresses without characters that would end a
// Markdown link early; anything else (javascript:, data:) is dropped.
func safeHref(h string) string {
	h = strings.TrimSpace(h)
	u, err := url.Parse(h)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(h, " ()<>\n") {
		return ""
	}
	return h
}

// flush ends the current block.
func (c *mdConv) flush() {
	t := strings.TrimSpace(string(c.cur))
	c.cur = c.cur[:0]
	c.links = c.links[:0]
	if t == "" {
		return
	}
	if c.prefix == "" && strings.HasPrefix(t, "#") {
		t = `\` + t
	}
	t = c.prefix + t
	if c.quote > 0 && !c.plain {
		t = strings.Repeat("> ", c.quote) + t
	}
	c.blocks = append(c.blocks, t)
	c.prefix = ""
}

// textToMarkdown turns a plain-text body into paragraphs: blank lines
// separate them; where there are no blank lines, each line is one.
func textToMarkdown(s string) string {
	lines := splitLines(s)
	blank := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank = true
			break
		}
	}
	var paras []string
	var cur []string
	end := func() {
		if len(cur) > 0 {
			p := strings.Join(cur, " ")
			if strings.HasPrefix(p, "#") {
				p = `\` + p
			}
			paras = append(paras, p)
			cur = nil
		}
	}
	for _, l := range lines {
		l = cleanLine(l)
		switch {
		case l == "":
			end()
		case blank:
			cur = append(cur, l)
		default:
			cur = append(cur, l)
			end()
		}
	}
	end()
	return strings.Join(paras, "\n\n")
}
