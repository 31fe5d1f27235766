// Package search turns articles and queries into index terms, parses
// queries, scores matches and cuts snippets. It is pure; package store
// keeps the postings in Badger next to the revisions.
//
// Terms: Latin words are lower-cased and stripped of accents ("Résumé" ->
// "resume"); every Han, kana or Hangul character is a term of its own, and
// a query for a Chinese word is a phrase of its characters, so a
// two-character word is found inside a sentence without spaces. Every term
// carries its position; positions are laid out per field (see Field*), so
// the field of a match, and its weight, follow from its position.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"newsdesk/app"
)

// Field position bases: a term's position says which field it came from.
const (
	FieldHeadline = 0
	FieldDek      = 1 << 10
	FieldByline   = 2 << 10
	FieldMeta     = 3 << 10 // source, section, tags
	FieldPeople   = 4 << 10 // contacts, photo captions and credits
	FieldBody     = 1 << 14
	fieldGap      = 8 // between list items, so phrases do not span them
)

// Weight is how much one occurrence at pos counts: a headline match ranks
// above a body match.
func Weight(pos uint32) float64 {
	switch {
	case pos < FieldDek:
		return 6
	case pos < FieldByline:
		return 2.5
	case pos < FieldPeople:
		return 2
	case pos < FieldBody:
		return 1.2
	}
	return 1
}

// Token is a term at a position, with its byte span in the text it came
// from (for snippets).
type Token struct {
	Term       string
	Pos        uint32
	Start, End int
}

// Tokenize cuts text into terms numbered from base.
func Tokenize(text string, base uint32, emit func(Token)) uint32 {
	return TokenizeWhile(text, base, func(t Token) bool { emit(t); return true })
}

// TokenizeWhile is Tokenize that stops as soon as emit returns false.
func TokenizeWhile(text string, base uint32, emit func(Token) bool) uint32 {
	pos := base
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isCJK(r):
			if !emit(Token{Term: string(unicode.ToLower(r)), Pos: pos, Start: i, End: i + size}) {
				return pos
			}
			pos++
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(text) {
				r2, n := utf8.DecodeRuneInString(text[j:])
				if (unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2)) && !isCJK(r2) {
					j += n
					continue
				}
				// China's, data-driven: an apostrophe or hyphen between
				// letters stays inside the word, as readers type it.
				if (r2 == '\'' || r2 == '’') && j+n < len(text) {
					if r3, _ := utf8.DecodeRuneInString(text[j+n:]); unicode.IsLetter(r3) && !isCJK(r3) {
						j += n
						continue
					}
				}
				break
			}
			if t := Fold(text[i:j]); t != "" {
				if !emit(Token{Term: t, Pos: pos, Start: i, End: j}) {
					return pos
				}
				pos++
			}
			i = j
		default:
			i += size
		}
	}
	return pos
}

func isCJK(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Fold lower-cases a word and removes accents and apostrophes, so that
// "Résumé", "resume" and "RESUME" meet, and "China's" finds "chinas".
func Fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		w = strings.ToLower(w)
		if strings.IndexByte(w, '\'') < 0 {
			return w
		}
		return strings.ReplaceAll(w, "'", "")
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// ArticleTokens emits the terms of every searchable field of a, each field
// at its own position base: headline, dek, byline, source, section, tags,
// contacts, photo captions and credits, and the body.
func ArticleTokens(a *app.Article, emit func(Token)) {
	Tokenize(a.Headline, FieldHeadline, emit)
	Tokenize(a.Dek, FieldDek, emit)
	list := func(base uint32, items []string) {
		for _, s := range items {
			base = Tokenize(s, base, emit) + fieldGap
		}
	}
	list(FieldByline, a.Byline)
	meta := append([]string{a.Source, a.Section}, a.Tags...)
	list(FieldMeta, meta)
	var people []string
	for _, c := range a.Contacts {
		people = append(people, c.Name, c.Email, strings.TrimPrefix(c.Twitter, "@"))
	}
	for _, p := range a.Photos {
		people = append(people, p.Caption, p.Credit)
	}
	list(FieldPeople, people)
	bodyTokens(a.Body, emit)
}

// paraSlot is how many positions each body paragraph owns. Numbering each
// paragraph from its own slot means a copy edit moves only the positions
// of the paragraph it touches, so re-indexing an edited article rewrites
// the postings of a few dozen words, not of every word after the edit.
const paraSlot = 4096

func bodyTokens(body string, emit func(Token)) {
	slot := uint32(0)
	for _, para := range strings.Split(body, "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		start := FieldBody + slot*paraSlot
		end := Tokenize(para, start, emit)
		slot += 1 + (end-start)/paraSlot // a giant paragraph takes several slots
	}
}
