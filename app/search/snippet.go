package search

import (
	"strings"

	"newsdesk/app"
)

// snippetTokens is how many words a snippet shows around its first match.
const snippetTokens = 24

// Snippet cuts a piece of the body (or, when the body does not match, the
// dek or headline) around the first match of the query, with each matched
// word between « and ». Matching follows the query: a prefix clause marks
// the words it begins.
func Snippet(a *app.Article, q Query) string {
	for _, text := range []string{a.Body, a.Dek, a.Headline} {
		if s := SnippetOf(text, q); s != "" {
			return s
		}
	}
	return clip(a.Body, 160)
}

// SnippetOf is Snippet over one piece of text; it returns "" when the
// text has no match.
func SnippetOf(text string, q Query) string {
	matches := func(term string) bool {
		for _, c := range q.Clauses {
			for _, t := range c.Terms {
				if term == t || c.Prefix && strings.HasPrefix(term, t) {
					return true
				}
			}
		}
		return false
	}
	// Tokenize only as far as the window after the first match needs.
	var toks []Token
	first := -1
	TokenizeWhile(text, 0, func(t Token) bool {
		toks = append(toks, t)
		if first < 0 && matches(t.Term) {
			first = len(toks) - 1
		}
		return first < 0 || len(toks) < first+snippetTokens
	})
	if first < 0 {
		return ""
	}
	lo := max(0, first-snippetTokens/3)
	hi := min(len(toks), lo+snippetTokens)
	start, end := toks[lo].Start, toks[hi-1].End
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	at := start
	for _, t := range toks[lo:hi] {
		if matches(t.Term) {
			b.WriteString(text[at:t.Start])
			b.WriteString("«" + text[t.Start:t.End] + "»")
			at = t.End
		}
	}
	b.WriteString(text[at:end])
	if hi < len(toks) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Clip shortens s to n characters on one line, for a snippet with no match.
func Clip(s string, n int) string { return clip(s, n) }

func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
