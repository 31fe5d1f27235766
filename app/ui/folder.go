package ui

import "newsdesk/app"

// Folder is one entry of the sidebar: every live article, one status desk,
// or the Trash. The zero value is "All".
type Folder struct {
	Status app.Status
	Trash  bool
}

// Folders lists the sidebar entries in the order the desk works through them.
func Folders() []Folder {
	out := make([]Folder, 0, len(app.Statuses)+2)
	out = append(out, Folder{})
	for _, s := range app.Statuses {
		out = append(out, Folder{Status: s})
	}
	return append(out, Folder{Trash: true})
}

// Label names the folder as the newsroom does: "Drafts", "Copy desk"...
func (f Folder) Label() string {
	switch {
	case f.Trash:
		return "Trash"
	case f.Status == "":
		return "All"
	case f.Status == app.StatusDraft:
		return "Drafts"
	}
	return f.Status.Label()
}

// filter returns the store query listing this folder.
func (f Folder) filter() app.Filter {
	if f.Trash {
		return app.Filter{Deleted: true}
	}
	return app.Filter{Status: f.Status}
}

// count reads this folder's number from the store's counts.
func (f Folder) count(c *app.Counts) int {
	if c == nil {
		return 0
	}
	switch {
	case f.Trash:
		return c.Trash
	case f.Status == "":
		n := 0
		for _, v := range c.Status {
			n += v
		}
		return n
	}
	return c.Status[f.Status]
}
