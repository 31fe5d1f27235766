package ui

import (
	"fmt"
	"strings"
)

// renderStatus draws the status bar: the store and listing on the left,
// the open article's revision and saved state on the right.
func (u *UI) renderStatus() {
	c := u.ctl
	u.editState.SetText(u.editStateText())
	if !c.Loaded() {
		return
	}
	all := c.Count(Folder{})
	text := "Store: " + c.StorePath() + "  ·  " + plural(all, "article")
	if f := c.Folder(); f != (Folder{}) {
		text += "  ·  " + f.Label() + ": " + plural(c.Total(), "article")
	}
	if n, total := len(c.Items()), c.Total(); n < total {
		text += "  ·  showing the newest " + plural(n, "article")
	}
	if q := strings.TrimSpace(c.Query()); q != "" {
		text += fmt.Sprintf("  ·  %d match %q", len(u.list.items), q)
	}
	u.statusBar.SetText(text)
	if err := c.Err(); err != nil {
		u.errorBar.SetText(userMessage(err))
		u.errorBar.Show()
	} else {
		u.errorBar.Hide()
	}
}

// editStateText says which revision is open and whether it is saved:
// "Revision 3 · Unsaved changes · last saved 10:42:05".
func (u *UI) editStateText() string {
	if !u.ed.IsOpen() {
		return ""
	}
	var parts []string
	if base := u.ed.Base(); base > 0 {
		parts = append(parts, fmt.Sprintf("Revision %d", base))
	} else {
		parts = append(parts, "New article")
	}
	switch {
	case u.editor.dirty():
		parts = append(parts, "Unsaved changes")
	case u.ed.Base() > 0:
		parts = append(parts, "Saved")
	}
	if t := u.ed.LastSaved(); !t.IsZero() {
		parts = append(parts, "last saved "+t.Format("15:04:05"))
	}
	return strings.Join(parts, "  ·  ")
}
