package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// sidebar lists the folders (All, each status desk, Trash) with counts.
type sidebar struct {
	folders []Folder
	counts  []int
	list    *widget.List
	root    fyne.CanvasObject
	// syncing is set while update moves the highlight to the controller's
	// folder, so that this does not count as a click: a late render of
	// an earlier choice would otherwise undo the newest one.
	syncing bool
}

func newSidebar(onFolder func(Folder)) *sidebar {
	s := &sidebar{folders: Folders()}
	s.counts = make([]int, len(s.folders))
	s.list = widget.NewList(
		func() int { return len(s.folders) },
		func() fyne.CanvasObject {
			// The widest label sets the sidebar's width, so no folder name
			// is ever cut.
			name := widget.NewLabel("Copy desk")
			count := &widget.Label{Text: "00000", Alignment: fyne.TextAlignTrailing}
			return container.NewBorder(nil, nil, nil, count, name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(s.folders[id].Label())
			row.Objects[1].(*widget.Label).SetText(strconv.Itoa(s.counts[id]))
		},
	)
	// Highlight "All" before wiring the handler: the controller starts
	// there, and a callback now would start a second, redundant load.
	s.list.Select(0)
	s.list.OnSelected = func(id widget.ListItemID) {
		if !s.syncing {
			onFolder(s.folders[id])
		}
	}
	s.root = container.NewBorder(
		&widget.Label{Text: "Desks", TextStyle: fyne.TextStyle{Bold: true}}, nil, nil, nil, s.list)
	return s
}

// update shows the controller's counts and highlights its folder.
func (s *sidebar) update(c *Controller) {
	current := c.Folder()
	s.syncing = true
	defer func() { s.syncing = false }()
	for i, f := range s.folders {
		s.counts[i] = c.Count(f)
		if f == current {
			s.list.Select(i)
		}
	}
	s.list.Refresh()
}
