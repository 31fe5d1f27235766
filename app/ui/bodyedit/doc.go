package bodyedit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParagraphBreak separates paragraphs in the Markdown body. Splitting on it
// and joining with it gives back the same bytes, whatever the text.
const ParagraphBreak = "\n\n"

func splitParagraphs(s string) []string { return strings.Split(s, ParagraphBreak) }

// Caret is a place in the document: paragraph and rune offset in it.
type Caret struct{ Par, Off int }

// change replaces paragraphs [at, at+len(old)) with new. Every edit is one:
// typing changes one paragraph, a split turns one into two, a merge two
// into one, a paste one into several. Undo applies it backwards.
type change struct {
	at       int
	old, new []string
	// before and after are where the caret was before and after.
	before, after Caret
	// open says the next keystroke in the same paragraph may join it, so
	// that undo takes back a word, not a letter.
	open bool
}

// document is the body as paragraphs, with document-wide undo and redo.
// It knows nothing of widgets.
type document struct {
	paras      []string
	undo, redo []*change
}

// maxUndo bounds the history; the oldest steps go first.
const maxUndo = 1000

func newDocument(text string) *document {
	return &document{paras: splitParagraphs(text)}
}

func (d *document) text() string { return strings.Join(d.paras, ParagraphBreak) }

// replace swaps paragraphs [at, at+n) for repl in place.
func (d *document) replace(at, n int, repl []string) {
	tail := append([]string(nil), d.paras[at+n:]...)
	d.paras = append(append(d.paras[:at], repl...), tail...)
}

func (d *document) record(c *change) {
	d.redo = d.redo[:0]
	if len(d.undo) > 0 {
		d.undo[len(d.undo)-1].open = false
	}
	d.undo = append(d.undo, c)
	if len(d.undo) > maxUndo {
		d.undo = d.undo[len(d.undo)-maxUndo:]
	}
}

// edit records paragraph i now reading text (typed into its entry), the
// caret having moved from before to after. Keystrokes in one paragraph
// join the previous step until a space or punctuation is typed after a
// word, so undo goes back word by word.
func (d *document) edit(i int, text string, before, after Caret) {
	old := d.paras[i]
	if old == text {
		return
	}
	d.paras[i] = text
	if n := len(d.undo); n > 0 {
		last := d.undo[n-1]
		if last.open && last.at == i && len(last.new) == 1 && last.new[0] == old {
			last.new[0] = text
			last.after = after
			last.open = !endsWord(old, text)
			d.redo = d.redo[:0]
			return
		}
	}
	d.record(&change{at: i, old: []string{old}, new: []string{text}, before: before, after: after, open: !endsWord(old, text)})
}

// endsWord reports whether text is old with one space or punctuation rune
// typed after a letter: the end of a word, where an undo step ends.
func endsWord(old, text string) bool {
	if len(text) <= len(old) {
		return false
	}
	p := commonPrefix(old, text)
	r, size := utf8.DecodeRuneInString(text[p:])
	if len(text)-size != len(old) || !(unicode.IsSpace(r) || unicode.IsPunct(r)) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:p])
	return unicode.IsLetter(prev) || unicode.IsDigit(prev)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// byteOffset converts a rune offset in s to a byte offset, clamped.
func byteOffset(s string, runes int) int {
	i := 0
	for k := 0; k < runes && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// split breaks paragraph c.Par at the caret (Enter) and returns the caret
// at the start of the new paragraph.
func (d *document) split(c Caret) Caret {
	p := d.paras[c.Par]
	b := byteOffset(p, c.Off)
	after := Caret{c.Par + 1, 0}
	repl := []string{p[:b], p[b:]}
	d.replace(c.Par, 1, repl)
	d.record(&change{at: c.Par, old: []string{p}, new: append([]string(nil), repl...), before: c, after: after})
	return after
}

// merge joins paragraph i to the one before it (Backspace at the start of
// i, Delete at the end of i-1) and returns the caret at the join.
func (d *document) merge(i int, before Caret) Caret {
	a, b := d.paras[i-1], d.paras[i]
	after := Caret{i - 1, utf8.RuneCountInString(a)}
	d.replace(i-1, 2, []string{a + b})
	d.record(&change{at: i - 1, old: []string{a, b}, new: []string{a + b}, before: before, after: after})
	return after
}

// insert puts text (which may hold paragraph breaks: a paste) at the
// caret and returns the caret after it.
func (d *document) insert(c Caret, text string) Caret {
	p := d.paras[c.Par]
	b := byteOffset(p, c.Off)
	parts := splitParagraphs(text)
	last := len(parts) - 1
	after := Caret{c.Par + last, utf8.RuneCountInString(parts[last])}
	if last == 0 {
		after.Off += c.Off
	}
	parts[0] = p[:b] + parts[0]
	parts[last] += p[b:]
	d.replace(c.Par, 1, parts)
	d.record(&change{at: c.Par, old: []string{p}, new: append([]string(nil), parts...), before: c, after: after})
	return after
}

// applied describes what an undo or redo changed, for the view to redraw:
// paragraphs [at, at+removed) became [at, at+added); the caret goes to caret.
type applied struct {
	at, removed, added int
	caret              Caret
}

// undoStep takes back the last change.
func (d *document) undoStep() (applied, bool) {
	n := len(d.undo)
	if n == 0 {
		return applied{}, false
	}
	c := d.undo[n-1]
	d.undo = d.undo[:n-1]
	c.open = false
	d.replace(c.at, len(c.new), append([]string(nil), c.old...))
	d.redo = append(d.redo, c)
	return applied{at: c.at, removed: len(c.new), added: len(c.old), caret: c.before}, true
}

// redoStep does again the last change taken back.
func (d *document) redoStep() (applied, bool) {
	n := len(d.redo)
	if n == 0 {
		return applied{}, false
	}
	c := d.redo[n-1]
	d.redo = d.redo[:n-1]
	d.replace(c.at, len(c.old), append([]string(nil), c.new...))
	d.undo = append(d.undo, c)
	return applied{at: c.at, removed: len(c.old), added: len(c.new), caret: c.after}, true
}

// closeStep ends the current typing step: the next keystroke starts a new
// one (after a caret move, a paste, a focus change).
func (d *document) closeStep() {
	if n := len(d.undo); n > 0 {
		d.undo[n-1].open = false
	}
}
