package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"newsdesk/app"
)

// portalTime is how the portal prints times in bylines: "Oct 21, 2020 11:17 AM".
const portalTime = "Jan 02, 2006 03:04 PM"

// errorText renders err for stderr: one line, or for invalid input one
// line per problem, so that every broken field is fixed in one pass.
func errorText(err error) string {
	var v *app.ValidationError
	if errors.As(err, &v) {
		// Keep the context the problems were wrapped in ("fill ...: ").
		prefix := strings.TrimSuffix(err.Error(), v.Error())
		var b strings.Builder
		b.WriteString("newsdeskctl: " + prefix + v.Title() + ":\n")
		for _, p := range v.Problems {
			fmt.Fprintf(&b, "  %s: %s\n", p.Field, p.Message)
		}
		return b.String()
	}
	return "newsdeskctl: " + err.Error() + "\n"
}

// writeJSON prints v indented. HTML escaping is off: bodies are Markdown
// and "&" or "<" must read as typed.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// zone returns the time zone named, with the article's own fallback rules.
func zone(name string) *time.Location {
	return (&app.Article{TimeZone: name}).Location()
}

// bylineOf names who wrote the story, or the agency for syndicated copy.
func bylineOf(names []string, source string) string {
	if len(names) > 0 {
		return app.JoinNames(names)
	}
	return source
}

// table aligns columns by display width: Chinese characters take two cells
// in a terminal, which text/tabwriter does not know, so a Chinese section or
// byline would skew every column after it.
type table struct {
	rows [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth counts terminal cells: East Asian wide characters take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x1100:
			n++
		case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana),
			r >= 0x3000 && r <= 0x303F, // CJK punctuation
			r >= 0xFF00 && r <= 0xFF60, // fullwidth forms
			r >= 0xFFE0 && r <= 0xFFE6:
			n += 2
		case unicode.Is(unicode.Mn, r):
		default:
			n++
		}
	}
	return n
}

// clipWidth shortens s to at most w cells, marking the cut with "…".
func clipWidth(s string, w int) string {
	if displayWidth(s) <= w {
		return s
	}
	n := 0
	for i, r := range s {
		rw := displayWidth(string(r))
		if n+rw > w-1 {
			return s[:i] + "…"
		}
		n += rw
	}
	return s
}

// oneLine flattens a value for a table cell.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsControl), " ")
}

// plural returns "1 article" or "3 articles".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
