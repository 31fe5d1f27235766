package portal

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"newsdesk/app"
)

// keyParagraphRunes is how much of the first paragraph enters the
// fingerprint: enough to tell two stories of one reporter and minute
// apart, short enough that a later cut (a truncated download) or an edit
// further down keeps the key.
const keyParagraphRunes = 100

// Key is the item's import key: "portal:" and a short hash of the byline as
// printed, the wall-clock time and the start of the first paragraph.
func (it *PageItem) Key() string {
	return pageKey(it.BylineText, wallClock(it.Time), firstBlock(it.Blocks))
}

func firstBlock(blocks []Block) string {
	if len(blocks) == 0 {
		return ""
	}
	return blocks[0].Text
}

func pageKey(byline, clock, paragraph string) string {
	p := []rune(strings.Join(strings.Fields(paragraph), " "))
	if len(p) > keyParagraphRunes {
		p = p[:keyParagraphRunes]
	}
	h := sha256.New()
	for _, part := range []string{strings.Join(strings.Fields(byline), " "), clock, string(p)} {
		h.Write([]byte(part))
		h.Write([]byte{0x1f})
	}
	return "portal:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// Markdown is the item's body: paragraphs as printed, headings as "## ",
// separated by blank lines. A paragraph that starts with "#" is escaped so
// that Markdown does not read it as a heading.
func (it *PageItem) Markdown() string {
	parts := make([]string, len(it.Blocks))
	for i, b := range it.Blocks {
		switch {
		case b.Heading:
			parts[i] = "## " + b.Text
		case strings.HasPrefix(b.Text, "#"):
			parts[i] = `\` + b.Text
		default:
			parts[i] = b.Text
		}
	}
	return strings.Join(parts, "\n\n")
}

// item turns a parsed item into an article ready to be saved: published at
// the page's time, in the newsroom zone.
func (it *PageItem) item(zone string) *Item {
	t := it.Time
	a := &app.Article{
		Byline: append([]string(nil), it.Byline...), Source: it.Source, Section: it.Section,
		Body: it.Markdown(), Status: app.StatusPublished, PublishedAt: &t, TimeZone: zone,
		ImportKey: it.Key(),
	}
	out := &Item{Line: it.Line, Article: a}
	switch {
	case it.Headline != "":
		a.Headline, out.Indexed = it.Headline, true
	case it.ReadMore != nil && it.ReadMore.Headline != "":
		a.Headline, out.Indexed = it.ReadMore.Headline, true
		a.Flags = append(a.Flags, FlagNeedsHeadline)
	default:
		a.Headline = workingHeadline(firstBlock(it.Blocks))
		a.Flags = append(a.Flags, FlagNeedsHeadline)
	}
	for _, p := range it.Photos {
		a.Photos = append(a.Photos, app.Photo{Caption: p.Caption, Credit: p.Credit})
	}
	seen := map[string]bool{}
	for _, c := range it.Contacts {
		k := string(c.Role) + "\x00" + strings.ToLower(c.Name)
		if !seen[k] {
			seen[k] = true
			a.Contacts = append(a.Contacts, c.Contact)
		}
	}
	if it.ReadMore != nil {
		a.ReadMore = &app.ReadMore{Text: it.ReadMore.Text}
		out.ReadMoreLine = it.ReadMore.Line
	}
	for _, r := range it.Related {
		out.Refs = append(out.Refs, Ref{Line: r.Line, Headline: r.Headline})
	}
	if it.Truncated {
		a.Flags = append(a.Flags, FlagTruncated)
	}
	return out
}
