package history

import (
	"html/template"
	"io"
	"strings"
)

// HTMLPage is what a shared comparison page shows.
type HTMLPage struct {
	Title      string // the article's headline
	OldLabel   string // "Revision 3 by Li Na, 2026-11-28 09:00"
	NewLabel   string
	Comparison Comparison
}

// pageTmpl is self-contained (inline CSS, no scripts, no external files),
// so a diff can be mailed or printed. html/template escapes everything
// editors typed. Insertions are underlined and deletions struck through,
// with [+ +] / [- -] markers for screen readers and black-and-white print.
var pageTmpl = template.Must(template.New("diff").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Changes: {{.Title}}</title>
<style>
body { font: 16px/1.5 Georgia, "Noto Serif CJK SC", "Songti SC", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.4em; }
.meta { color: #444; font-size: .9em; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border: 1px solid #bbb; padding: .3em .5em; text-align: left; vertical-align: top; }
ins { background: #d8f5d0; text-decoration: underline; }
del { background: #f8d4d4; text-decoration: line-through; }
.mark { font-size: .75em; color: #555; }
.body { white-space: pre-wrap; }
.note { color: #8a4b00; }
@media print { ins, del { background: none; } }
</style>
</head>
<body>
<h1>Changes: {{.Title}}</h1>
<p class="meta">From <strong>{{.OldLabel}}</strong> to <strong>{{.NewLabel}}</strong></p>
{{if .Comparison.Body.Degraded}}<p class="note">Part of this comparison took too long to align word by word and is shown as whole passages replaced.</p>{{end}}
<h2>Fields</h2>
{{if .Comparison.Fields}}<table>
<tr><th>Field</th><th>Before</th><th>After</th></tr>
{{range .Comparison.Fields}}<tr><td>{{.Field}}</td><td>{{if .Old}}<del><span class="mark">[-</span>{{.Old}}<span class="mark">-]</span></del>{{end}}</td><td>{{if .New}}<ins><span class="mark">[+</span>{{.New}}<span class="mark">+]</span></ins>{{end}}</td></tr>
{{end}}</table>{{else}}<p>No field changed.</p>{{end}}
<h2>Body</h2>
{{if .Comparison.Body.Changed}}<div class="body">{{range .Comparison.Body.Ops}}{{if eq .Kind "insert"}}<ins><span class="mark">[+</span>{{.Text}}<span class="mark">+]</span></ins>{{else if eq .Kind "delete"}}<del><span class="mark">[-</span>{{.Text}}<span class="mark">-]</span></del>{{else}}{{.Text}}{{end}}{{end}}</div>{{else}}<p>The body did not change.</p>{{end}}
</body>
</html>
`))

// WriteHTML writes a comparison as a self-contained, printable HTML page.
func WriteHTML(w io.Writer, p HTMLPage) error {
	p.Title = strings.TrimSpace(p.Title)
	return pageTmpl.Execute(w, p)
}
