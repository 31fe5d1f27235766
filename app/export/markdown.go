package export

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// markdown turns an article body into HTML that is safe to publish.
// Goldmark passes raw HTML through (editors paste <sup>, <em>, tables) and
// bluemonday then removes everything a reader's browser could run: scripts,
// event handlers, javascript: and data: links, styles, frames.
type markdown struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
	bufs   sync.Pool
}

func newMarkdown() *markdown {
	p := bluemonday.UGCPolicy()
	// The portal publishes its own newsroom's links: nofollow would hide
	// them from search engines; noopener still guards new tabs.
	p.RequireNoFollowOnLinks(false)
	p.RequireNoReferrerOnFullyQualifiedLinks(false)
	return &markdown{
		md: goldmark.New(
			goldmark.WithExtensions(extension.GFM, extension.CJK),
			goldmark.WithRendererOptions(html.WithUnsafe()),
		),
		policy: p,
		bufs:   sync.Pool{New: func() any { return new(bytes.Buffer) }},
	}
}

// HTML renders src; the result is sanitised and may be trusted by
// html/template. Safe for concurrent use.
func (m *markdown) HTML(src string) (template.HTML, error) {
	buf := m.bufs.Get().(*bytes.Buffer)
	defer func() { buf.Reset(); m.bufs.Put(buf) }()
	if err := m.md.Convert([]byte(src), buf); err != nil {
		return "", fmt.Errorf("render Markdown: %w", err)
	}
	// Trusted because the policy just removed everything active.
	return template.HTML(m.policy.SanitizeBytes(buf.Bytes())), nil
}
