package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"
)

func TestSetMarkdownSpacing(t *testing.T) {
	tests := []struct{ md, want string }{
		// No gap may open inside Chinese, at bold or at a line break...
		{"审议了**数据保护法**草案。", "审议了数据保护法草案。"},
		{"第一行\n第二行。", "第一行第二行。"},
		// ...while English keeps its spaces.
		{"Residents of **Beijing** have\nmixed feelings.", "Residents of Beijing have mixed feelings."},
		{"报道 by **Wang Lei**", "报道 by Wang Lei"},
	}
	for _, tt := range tests {
		rt := widget.NewRichText()
		setMarkdown(rt, tt.md)
		if got := rt.String(); got != tt.want {
			t.Errorf("setMarkdown(%q) reads %q, want %q", tt.md, got, tt.want)
		}
	}
}
