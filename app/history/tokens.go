// Package history compares revisions of an article: word-level body diffs
// that read like a copy editor's marks, field-by-field changes, and
// attribution of each paragraph to the revision that last changed it.
// It is pure: no store, no UI, so it can be tested and fuzzed alone.
package history

import (
	"unicode"
	"unicode/utf8"
)

// tokenize cuts text into the units a reader sees change: a word of
// letters or digits (with inner apostrophes and hyphens), a single Han,
// kana or Hangul character (Chinese has no spaces, so each character is a
// word), a run of spaces, a run holding newlines, or one punctuation mark.
// Concatenating the tokens gives the text back exactly.
func tokenize(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case isCJK(r):
		case isWordRune(r):
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) && !isCJK(r2) {
					j += n
					continue
				}
				// an apostrophe or hyphen inside a word: "China's", "data-driven"
				if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n:])
					if isWordRune(r3) && !isCJK(r3) {
						j += n
						continue
					}
				}
				break
			}
		case r == '\n':
			for j < len(s) && (s[j] == '\n' || s[j] == '\r') {
				j++
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) || r2 == '\n' {
					break
				}
				j += n
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isCJK(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// splitParagraphs cuts text into paragraphs and the runs of newlines
// between them, each its own unit, so that the last paragraph (which has no
// blank line after it) still matches its twin elsewhere. The pieces
// concatenate to the text.
func splitParagraphs(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		if i > start {
			out = append(out, s[start:i])
		}
		j := i
		for j < len(s) && (s[j] == '\n' || s[j] == '\r') {
			j++
		}
		out = append(out, s[i:j])
		start, i = j, j-1
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// splitSentences cuts a paragraph after sentence ends (". ", "? ", "! ",
// and the Chinese 。！？), keeping everything, for the middle level of the
// diff: a rewritten sentence should not drag its neighbours into a hunk.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		end := false
		switch r {
		case '。', '！', '？', '；':
			end = true
		case '.', '!', '?':
			end = i >= len(s) || s[i] == ' ' || s[i] == '\n'
		}
		if end {
			for i < len(s) && (s[i] == ' ') {
				i++
			}
			out = append(out, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
