package ui

import (
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// sidebarRow is one line of the sidebar: a folder with its count, or the
// heading of a group ("Sections", "Tags"), which cannot be chosen.
type sidebarRow struct {
	folder  Folder
	count   int
	heading string
}

// sidebar lists the desks (All, each status, Trash), the "Needs attention"
// queue, then the sections and tags in use, each with its count. It is one
// virtualised list, so a newsroom with thousands of tags costs no more
// than the rows on screen.
type sidebar struct {
	rows []sidebarRow
	list *widget.List
	root fyne.CanvasObject
	// syncing is set while update moves the highlight to the controller's
	// folder, so that this does not count as a click: a late render of
	// an earlier choice would otherwise undo the newest one.
	syncing bool
	current Folder // the highlighted folder, to restore after a heading tap
}

func newSidebar(onFolder func(Folder)) *sidebar {
	s := &sidebar{}
	s.rows = sidebarRows(nil)
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			// The widest label sets the sidebar's width, so no desk name
			// is ever cut; longer section and tag names are.
			name := &widget.Label{Text: "Needs attention", Truncation: fyne.TextTruncateEllipsis}
			count := &widget.Label{Text: "00000", Alignment: fyne.TextAlignTrailing}
			// A truncating label asks for no width at all; this strut
			// holds the column at the widest desk name.
			strut := canvas.NewRectangle(color.Transparent)
			w := fyne.MeasureText("Needs attention", theme.TextSize(), fyne.TextStyle{}).Width
			strut.SetMinSize(fyne.NewSize(w+2*theme.InnerPadding(), 1))
			return container.NewBorder(nil, nil, nil, count, container.NewStack(strut, name))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(s.rows) {
				return
			}
			r := s.rows[id]
			row := o.(*fyne.Container)
			name := row.Objects[0].(*fyne.Container).Objects[1].(*widget.Label)
			count := row.Objects[1].(*widget.Label)
			if r.heading != "" {
				name.Text, name.TextStyle = r.heading, fyne.TextStyle{Bold: true}
				name.Refresh()
				count.Hide()
				return
			}
			name.Text, name.TextStyle = r.folder.Label(), fyne.TextStyle{}
			name.Refresh()
			count.SetText(strconv.Itoa(r.count))
			count.Show()
		},
	)
	// Highlight "All" before wiring the handler: the controller starts
	// there, and a callback now would start a second, redundant load.
	s.list.Select(0)
	s.list.OnSelected = func(id widget.ListItemID) {
		if s.syncing || id < 0 || id >= len(s.rows) {
			return
		}
		if s.rows[id].heading != "" {
			s.highlight(s.current) // a heading is not a place to go
			return
		}
		s.current = s.rows[id].folder
		onFolder(s.current)
	}
	s.root = container.NewBorder(
		&widget.Label{Text: "Desks", TextStyle: fyne.TextStyle{Bold: true}}, nil, nil, nil, s.list)
	return s
}

// sidebarRows builds the rows from the controller's counts (none yet when
// c is nil): desks, the attention queue, then sections and tags, most
// used first. The folder being listed keeps its row even when its count
// fell to zero, so that the highlight does not vanish.
func sidebarRows(c *Controller) []sidebarRow {
	var rows []sidebarRow
	count := func(f Folder) int {
		if c == nil {
			return 0
		}
		return c.Count(f)
	}
	for _, f := range Folders() {
		rows = append(rows, sidebarRow{folder: f, count: count(f)})
	}
	att := Folder{Attention: true}
	rows = append(rows, sidebarRow{folder: att, count: count(att)})
	if c == nil {
		return rows
	}
	current := c.Folder()
	group := func(heading string, tags []TagCount, folder func(string) Folder, keep string) {
		rows = append(rows, sidebarRow{heading: heading})
		for _, t := range tags {
			if t.Name == keep {
				keep = ""
			}
			if t.Name != "" {
				rows = append(rows, sidebarRow{folder: folder(t.Name), count: t.Count})
			}
		}
		if keep != "" {
			rows = append(rows, sidebarRow{folder: folder(keep)})
		}
	}
	c.mu.Lock()
	var sections, tags []TagCount
	if c.counts != nil {
		sections, tags = sortedTags(c.counts.Section), sortedTags(c.counts.Tag)
	}
	c.mu.Unlock()
	group("Sections", sections, func(n string) Folder { return Folder{Section: n} }, current.Section)
	group("Tags", tags, func(n string) Folder { return Folder{Tag: n} }, current.Tag)
	return rows
}

// index returns the row of folder f, or -1.
func (s *sidebar) index(f Folder) int {
	for i, r := range s.rows {
		if r.heading == "" && r.folder == f {
			return i
		}
	}
	return -1
}

// highlight selects f's row without counting it as a click.
func (s *sidebar) highlight(f Folder) {
	s.syncing = true
	defer func() { s.syncing = false }()
	if i := s.index(f); i >= 0 {
		s.list.Select(i)
	} else {
		s.list.UnselectAll()
	}
}

// update shows the controller's counts and highlights its folder.
func (s *sidebar) update(c *Controller) {
	s.rows = sidebarRows(c)
	s.current = c.Folder()
	s.highlight(s.current)
	s.list.Refresh()
}
