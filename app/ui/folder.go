package ui

import "newsdesk/app"

// Folder is one entry of the sidebar: every live article, one status desk,
// the Trash, one section, one tag, or the "Needs attention" queue. At most
// one field is set; the zero value is "All".
type Folder struct {
	Status  app.Status
	Trash   bool
	Section string
	Tag     string
	// Attention lists live articles that need an editor (see NeedsAttention).
	Attention bool
}

// Folders lists the desks in the order the desk works through them; the
// sidebar adds the attention queue, sections and tags below them.
func Folders() []Folder {
	out := make([]Folder, 0, len(app.Statuses)+2)
	out = append(out, Folder{})
	for _, s := range app.Statuses {
		out = append(out, Folder{Status: s})
	}
	return append(out, Folder{Trash: true})
}

// Label names the folder as the newsroom does: "Drafts", "Copy desk"...;
// a tag reads "#tag" so that it is not mistaken for a section.
func (f Folder) Label() string {
	switch {
	case f.Trash:
		return "Trash"
	case f.Attention:
		return "Needs attention"
	case f.Section != "":
		return f.Section
	case f.Tag != "":
		return "#" + f.Tag
	case f.Status == "":
		return "All"
	case f.Status == app.StatusDraft:
		return "Drafts"
	}
	return f.Status.Label()
}

// filter returns the store query listing this folder. The attention queue
// has no index: it lists every live article and the controller keeps the
// ones that need attention.
func (f Folder) filter() app.Filter {
	switch {
	case f.Trash:
		return app.Filter{Deleted: true}
	case f.Section != "":
		return app.Filter{Section: f.Section}
	case f.Tag != "":
		return app.Filter{Tag: f.Tag}
	case f.Attention:
		return app.Filter{}
	}
	return app.Filter{Status: f.Status}
}

// count reads this folder's number from the store's counts; the attention
// queue is not among them (Controller.Count answers for it).
func (f Folder) count(c *app.Counts) int {
	if c == nil {
		return 0
	}
	switch {
	case f.Trash:
		return c.Trash
	case f.Section != "":
		return c.Section[f.Section]
	case f.Tag != "":
		return c.Tag[f.Tag]
	case f.Attention:
		return 0
	case f.Status == "":
		n := 0
		for _, v := range c.Status {
			n += v
		}
		return n
	}
	return c.Status[f.Status]
}
