package search

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"newsdesk/app"
)

// MaxQueryBytes bounds a query: a search box is not a document.
const MaxQueryBytes = 1024

// Clause is one thing a match must contain: a word, or a phrase (its terms
// at consecutive positions). Prefix marks a last word still being typed.
type Clause struct {
	Terms  []string
	Prefix bool
}

// Query is every clause a match must satisfy (AND).
type Query struct {
	Clauses []Clause
}

// Terms lists every term of the query (for highlighting).
func (q Query) Terms() []string {
	var out []string
	for _, c := range q.Clauses {
		out = append(out, c.Terms...)
	}
	return out
}

// Parse reads a query as people type it: words are all required; "quoted
// words" are a phrase; a run of Chinese characters is a phrase of its
// characters; and when asYouType is set, the last word (if the query does
// not end in a space) also matches words it begins.
func Parse(q string, asYouType bool) (Query, error) {
	if len(q) > MaxQueryBytes {
		return Query{}, app.Errorf(app.EINVALID, "the query is %d bytes long; keep it under %d", len(q), MaxQueryBytes)
	}
	if !utf8.ValidString(q) {
		return Query{}, app.Errorf(app.EINVALID, "the query is not valid UTF-8 text")
	}
	if strings.Count(q, `"`)%2 == 1 {
		return Query{}, app.Errorf(app.EINVALID, `the query has an unbalanced quote: close the phrase with "`)
	}
	var out Query
	parts := strings.Split(q, `"`)
	for i, part := range parts {
		phrase := i%2 == 1
		var words []Token
		Tokenize(part, 0, func(t Token) { words = append(words, t) })
		if phrase {
			if len(words) > 0 {
				out.Clauses = append(out.Clauses, Clause{Terms: terms(words)})
			}
			continue
		}
		// Outside quotes: each word is a clause, but adjacent Chinese
		// characters form one phrase (a word written without spaces).
		for j := 0; j < len(words); {
			k := j + 1
			if isCJKTerm(words[j].Term) {
				for k < len(words) && isCJKTerm(words[k].Term) && words[k].Start == words[k-1].End {
					k++
				}
			}
			out.Clauses = append(out.Clauses, Clause{Terms: terms(words[j:k])})
			j = k
		}
	}
	if len(out.Clauses) == 0 {
		return out, app.Errorf(app.EINVALID, "the query has no words to search for")
	}
	if asYouType && !strings.HasSuffix(q, " ") && !strings.HasSuffix(q, `"`) {
		last := &out.Clauses[len(out.Clauses)-1]
		if len(last.Terms) == 1 && !isCJKTerm(last.Terms[0]) {
			last.Prefix = true
		}
	}
	if len(out.Clauses) > 32 {
		return Query{}, app.Errorf(app.EINVALID, "the query has %d words; use at most 32", len(out.Clauses))
	}
	return out, nil
}

func terms(ts []Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Term
	}
	return out
}

func isCJKTerm(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return isCJK(r)
}

// String shows the parsed query, for messages and tests.
func (q Query) String() string {
	var parts []string
	for _, c := range q.Clauses {
		s := strings.Join(c.Terms, " ")
		if len(c.Terms) > 1 {
			s = fmt.Sprintf("%q", s)
		}
		if c.Prefix {
			s += "*"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " AND ")
}
