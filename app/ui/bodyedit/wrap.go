package bodyedit

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// span is one wrapped row of a paragraph: runes [begin, end). A space at
// which a row was broken belongs to neither row, as in Fyne.
type span struct{ begin, end int }

// measurer wraps paragraphs the way Fyne's word wrap does, but from cached
// widths of whole tokens (words, single spaces, single CJK characters)
// instead of measuring every candidate row: text widths here are additive
// across tokens, so a paragraph costs one map lookup per token. Measuring
// with Fyne's RichText instead costs ~30x more, which is what makes a
// 20,000-word article slow to open.
type measurer struct {
	size  float32
	style fyne.TextStyle
	cache map[string]float32
	lineH float32
}

func newMeasurer(size float32, style fyne.TextStyle) *measurer {
	m := &measurer{size: size, style: style, cache: make(map[string]float32, 4096)}
	m.lineH = fyne.MeasureText("M", size, style).Height
	return m
}

func (m *measurer) width(tok string) float32 {
	if w, ok := m.cache[tok]; ok {
		return w
	}
	w := fyne.MeasureText(tok, m.size, m.style).Width
	m.cache[tok] = w
	return w
}

// token is a piece of one line of a paragraph.
type token struct {
	text  string
	runes int
	width float32
	space bool
}

// isCJK reports runes that Fyne may break between without a space: with no
// space in a row, Fyne breaks wherever the row is full, so each such rune
// is a token of its own.
func isCJK(r rune) bool {
	return r >= 0x2e80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef))
}

// tokens splits one line (no '\n') into tokens, appending to buf.
func (m *measurer) tokens(line string, buf []token) []token {
	start, runes := 0, 0
	flush := func(end int) {
		if end > start {
			t := line[start:end]
			buf = append(buf, token{text: t, runes: runes, width: m.width(t)})
		}
		start, runes = end, 0
	}
	for i, r := range line {
		size := utf8.RuneLen(r)
		if size < 0 {
			size = 1
		}
		switch {
		case unicode.IsSpace(r) || isCJK(r):
			flush(i)
			t := line[i : i+size]
			buf = append(buf, token{text: t, runes: 1, width: m.width(t), space: unicode.IsSpace(r)})
			start = i + size
		default:
			runes++
		}
	}
	flush(len(line))
	return buf
}

// wrap returns the rows of text at wrap width w, as Fyne's TextWrapWord
// lays them out (widget/richtext.go lineBounds): a row ends at the last
// space that fits, the space itself dropped; a row with no space breaks
// where it is full; each '\n' ends a row.
func (m *measurer) wrap(text string, w float32, rows []span) []span {
	var buf []token
	base := 0
	for {
		nl := indexByte(text, '\n')
		line := text
		if nl >= 0 {
			line = text[:nl]
		}
		buf = m.tokens(line, buf[:0])
		rows = m.wrapLine(buf, base, w, rows)
		base += utf8.RuneCountInString(line)
		if nl < 0 {
			return rows
		}
		base++ // the '\n'
		text = text[nl+1:]
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// wrapLine wraps one line's tokens; base is the rune index of its start.
func (m *measurer) wrapLine(toks []token, base int, w float32, rows []span) []span {
	if len(toks) == 0 {
		return append(rows, span{base, base})
	}
	pos := 0   // first token of the row
	at := base // rune index of toks[pos]
	for pos < len(toks) {
		acc := float32(0)
		lastSpace := -1
		i := pos
		for i < len(toks) && acc+toks[i].width <= w {
			if toks[i].space {
				lastSpace = i
			}
			acc += toks[i].width
			i++
		}
		if i == len(toks) {
			return append(rows, span{at, at + runesOf(toks[pos:])})
		}
		var next int
		switch {
		case toks[i].space:
			// The first rune that does not fit is a space: break there.
			rows = append(rows, span{at, at + runesOf(toks[pos:i])})
			next = i
		case lastSpace >= 0:
			end := lastSpace
			if lastSpace == pos {
				end = pos + 1 // Fyne keeps a lone leading space as its row
			}
			rows = append(rows, span{at, at + runesOf(toks[pos:end])})
			next = end
		case toks[i].runes > 1 && m.fits(toks[i], w-acc) > 0:
			// No space in the row: a long word breaks where the row is full.
			k := m.fits(toks[i], w-acc)
			_, tail := splitRunes(toks[i].text, k)
			rows = append(rows, span{at, at + runesOf(toks[pos:i]) + k})
			at += runesOf(toks[pos:i]) + k
			toks[i] = token{text: tail, runes: toks[i].runes - k, width: m.width(tail)}
			pos = i
			continue
		case i > pos:
			rows = append(rows, span{at, at + runesOf(toks[pos:i])})
			next = i
		default:
			// Not even one rune fits (a pane narrower than a character):
			// a rune per row, which is what Fyne does too.
			rows = append(rows, span{at, at + 1})
			at++
			if toks[i].runes > 1 {
				_, tail := splitRunes(toks[i].text, 1)
				toks[i] = token{text: tail, runes: toks[i].runes - 1, width: m.width(tail)}
			} else {
				pos = i + 1
			}
			continue
		}
		at += runesOf(toks[pos:next])
		pos = next
		if pos < len(toks) && toks[pos].space {
			at++ // the space the row broke at is dropped
			pos++
		}
	}
	return rows
}

func runesOf(toks []token) int {
	n := 0
	for _, t := range toks {
		n += t.runes
	}
	return n
}

// fits returns how many leading runes of t fit in w, measuring prefixes
// (a word longer than a row is rare, so this is not cached).
func (m *measurer) fits(t token, w float32) int {
	lo, hi := 0, t.runes // lo fits, hi+1 does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		head, _ := splitRunes(t.text, mid)
		if fyne.MeasureText(head, m.size, m.style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func splitRunes(s string, n int) (string, string) {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], s[i:]
}

// rowCol converts a rune offset into the (row, column) an Entry uses for
// its caret, given the rows Fyne wrapped the text into; it mirrors
// Entry.rowColFromTextPos.
func rowCol(rows []span, pos int) (row, col int) {
	for i, b := range rows {
		if b.begin > pos {
			break
		}
		if b.end < pos {
			row++
		}
		col = pos - b.begin
		if b.begin == pos && pos != 0 && i > 0 && rows[i-1].end == b.begin && row < len(rows)-1 {
			row++
		}
	}
	return row, col
}
