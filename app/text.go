package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CountWords counts words the way editors count them: runs of Latin letters
// or digits are one word each, and every Han, Hiragana, Katakana or Hangul
// character is a word of its own (Chinese is counted by characters).
func CountWords(s string) int {
	n := 0
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // ASCII fast path: most copy is ASCII
			i++
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || inWord && (c == '\'' || c == '-'):
				if !inWord {
					n++
					inWord = true
				}
			default:
				inWord = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isCJK(r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (inWord && r == '’'):
			if !inWord {
				n++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return n
}

func isCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo: no CJK script; the common case
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// ReadingMinutes estimates reading time: 230 English words or 400 Chinese
// characters a minute, at least one minute for any text.
func ReadingMinutes(s string) int {
	cjk, latin := 0, 0
	inWord := false
	for _, r := range s {
		switch {
		case isCJK(r):
			cjk++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				latin++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	if cjk+latin == 0 {
		return 0
	}
	m := (latin*60/230 + cjk*60/400 + 59) / 60
	if m < 1 {
		m = 1
	}
	return m
}

// JoinNames joins a byline as the portal prints it: "A", "A and B",
// "A, B and C". Every view of a byline (GUI, CLI, diffs, export) uses it.
func JoinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
