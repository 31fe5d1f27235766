package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"
)

// setMarkdown renders md into rt. Fyne's Markdown parser puts a space
// between adjacent inline pieces (before **bold**, at soft line breaks):
// right for English, a visible gap in Chinese, which has no spaces between
// words. Those spaces are dropped where both neighbours are CJK.
func setMarkdown(rt *widget.RichText, md string) {
	rt.ParseMarkdown(md)
	if tidyCJKSpacing(rt.Segments) {
		rt.Refresh()
	}
}

func tidyCJKSpacing(segs []widget.RichTextSegment) bool {
	changed := false
	for i := 0; i+1 < len(segs); i++ {
		t, ok := segs[i].(*widget.TextSegment)
		if !ok || !t.Inline() || !strings.HasSuffix(t.Text, " ") {
			continue
		}
		next, ok := segs[i+1].(*widget.TextSegment)
		if !ok || !next.Inline() {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(t.Text, " "))
		after, _ := utf8.DecodeRuneInString(next.Text)
		if isCJKRune(before) && isCJKRune(after) {
			t.Text = strings.TrimSuffix(t.Text, " ")
			changed = true
		}
	}
	return changed
}

// isCJKRune reports whether r is written without spaces around it: Han,
// kana, Hangul, and the CJK and full-width punctuation set with them.
func isCJKRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
