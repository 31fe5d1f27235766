package app

import (
	"unicode"
)

// CountWords counts words the way editors count them: runs of Latin letters
// or digits are one word each, and every Han, Hiragana, Katakana or Hangul
// character is a word of its own (Chinese is counted by characters).
func CountWords(s string) int {
	n := 0
	inWord := false
	for _, r := range s {
		switch {
		case isCJK(r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (inWord && (r == '\'' || r == '’' || r == '-')):
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
