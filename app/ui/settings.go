package ui

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"newsdesk/app"
)

// RequirableStatuses are the statuses for which the Settings window offers
// required fields: a draft may be incomplete, a killed story is gone.
var RequirableStatuses = []app.Status{app.StatusCopyedit, app.StatusReady, app.StatusScheduled, app.StatusPublished}

// SettingsController edits the newsroom's settings (issue 9): a draft
// that the Settings window changes field by field, validated as it goes
// with the same rules as `newsdeskctl config set`, and saved whole. It
// knows nothing of widgets; Load and Save do store I/O, the setters none.
type SettingsController struct {
	svc *app.Service

	mu    sync.Mutex
	saved app.Newsroom
	draft app.Newsroom
	// inputErr holds input that does not even parse (a headline limit that
	// is not a number), by field, until it is corrected.
	inputErr map[string]string
}

// NewSettingsController returns a controller over svc; call Load first.
func NewSettingsController(svc *app.Service) *SettingsController {
	return &SettingsController{svc: svc, inputErr: map[string]string{}}
}

// Load reads the newsroom's settings (the defaults on a fresh store) and
// starts a new draft from them.
func (c *SettingsController) Load(ctx context.Context) error {
	n, err := c.svc.Newsroom(ctx)
	if err != nil {
		return fmt.Errorf("load newsroom settings: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.saved, c.draft = cloneNewsroom(n), cloneNewsroom(n)
	clear(c.inputErr)
	return nil
}

// Draft returns a copy of the settings as edited.
func (c *SettingsController) Draft() app.Newsroom {
	c.mu.Lock()
	defer c.mu.Unlock()
	return cloneNewsroom(c.draft)
}

// Saved returns a copy of the settings as last loaded or saved.
func (c *SettingsController) Saved() app.Newsroom {
	c.mu.Lock()
	defer c.mu.Unlock()
	return cloneNewsroom(c.saved)
}

// Dirty reports whether the draft differs from what is saved.
func (c *SettingsController) Dirty() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.inputErr) > 0 || !reflect.DeepEqual(normalNewsroom(c.saved), normalNewsroom(c.draft))
}

func (c *SettingsController) edit(f func(n *app.Newsroom)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(&c.draft)
}

// SetName sets the newsroom's name (shown in the window title).
func (c *SettingsController) SetName(s string) { c.edit(func(n *app.Newsroom) { n.Name = s }) }

// SetTimeZone sets the zone (IANA) times are read and shown in.
func (c *SettingsController) SetTimeZone(s string) {
	c.edit(func(n *app.Newsroom) { n.TimeZone = strings.TrimSpace(s) })
}

// AddSection appends a section; a blank or repeated name is refused.
func (c *SettingsController) AddSection(name string) error {
	name = strings.TrimSpace(name)
	c.mu.Lock()
	defer c.mu.Unlock()
	if name == "" {
		return app.Errorf(app.EINVALID, "type the new section's name first")
	}
	for _, s := range c.draft.Sections {
		if strings.EqualFold(strings.TrimSpace(s.Name), name) {
			return app.Errorf(app.EINVALID, "%q is already a section", s.Name)
		}
	}
	c.draft.Sections = append(c.draft.Sections, app.Section{Name: name})
	return nil
}

// RenameSection renames section i. Stories keep the section they were
// filed under; the default section follows the rename.
func (c *SettingsController) RenameSection(i int, name string) {
	c.edit(func(n *app.Newsroom) {
		if i < 0 || i >= len(n.Sections) {
			return
		}
		if n.DefaultSection == n.Sections[i].Name {
			n.DefaultSection = name
		}
		n.Sections[i].Name = name
	})
}

// MoveSection moves section i up (delta -1) or down (1) the list.
func (c *SettingsController) MoveSection(i, delta int) {
	c.edit(func(n *app.Newsroom) {
		j := i + delta
		if i < 0 || j < 0 || i >= len(n.Sections) || j >= len(n.Sections) {
			return
		}
		n.Sections[i], n.Sections[j] = n.Sections[j], n.Sections[i]
	})
}

// SetRetired retires section i (no longer offered for new stories) or
// brings it back.
func (c *SettingsController) SetRetired(i int, retired bool) {
	c.edit(func(n *app.Newsroom) {
		if i >= 0 && i < len(n.Sections) {
			n.Sections[i].Retired = retired
		}
	})
}

// SetDefaultSection sets the section new stories start in.
func (c *SettingsController) SetDefaultSection(s string) {
	c.edit(func(n *app.Newsroom) { n.DefaultSection = s })
}

// SetTags sets the tag vocabulary from text with one tag per line (or
// separated by commas), blanks and repeats dropped.
func (c *SettingsController) SetTags(text string) {
	var tags []string
	for _, t := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ',' || r == '，' }) {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	c.edit(func(n *app.Newsroom) { n.Tags = tags })
}

// SetControlled makes the tag vocabulary the only tags allowed (true) or
// a suggestion.
func (c *SettingsController) SetControlled(on bool) {
	c.edit(func(n *app.Newsroom) { n.ControlledTags = on })
}

// SetHeadlineMax sets the headline limit from what was typed.
func (c *SettingsController) SetHeadlineMax(text string) {
	v, err := strconv.Atoi(strings.TrimSpace(text))
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.inputErr["headline_max"] = "must be a whole number of characters"
		return
	}
	delete(c.inputErr, "headline_max")
	c.draft.HeadlineMax = v
}

// SetRequired requires field (one of app.RequirableFields) for stories
// entering status st, or stops requiring it.
func (c *SettingsController) SetRequired(st app.Status, field string, on bool) {
	c.edit(func(n *app.Newsroom) {
		var fields []string
		for _, f := range app.RequirableFields {
			if f == field && on || f != field && slices.Contains(n.Required[st], f) {
				fields = append(fields, f)
			}
		}
		if n.Required == nil {
			n.Required = map[app.Status][]string{}
		}
		n.Required[st] = fields
		if len(fields) == 0 {
			delete(n.Required, st)
		}
	})
}

// Required reports whether field is required for status st in the draft.
func (c *SettingsController) Required(st app.Status, field string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Contains(c.draft.Required[st], field)
}

// Problems returns what is wrong with the draft, by field as the rules
// name them ("time_zone", "sections", "sections[2]", "default_section",
// "headline_max", "tags", "required.ready"...): the Settings window shows
// each message next to its field. Empty means the draft can be saved.
func (c *SettingsController) Problems() map[string]string {
	c.mu.Lock()
	n := cloneNewsroom(c.draft)
	typed := maps.Clone(c.inputErr)
	c.mu.Unlock()
	out := maps.Clone(typed)
	var v *app.ValidationError
	if err := n.Validate(); errors.As(err, &v) {
		for _, p := range v.Problems {
			prev, seen := out[p.Field]
			switch {
			case !seen:
				out[p.Field] = p.Message
			case typed[p.Field] == "":
				out[p.Field] = prev + "; " + p.Message
			}
			// Otherwise the text typed does not parse, and the message
			// saying so beats one about the value before it.
		}
	} else if err != nil {
		out[""] = userMessage(err)
	}
	return out
}

// Save validates the draft and stores it (svc.SetNewsroom), which also
// applies its rules (headline limit, tag list, required fields) to every
// later save. Invalid settings are refused and nothing is stored.
func (c *SettingsController) Save(ctx context.Context) error {
	c.mu.Lock()
	n := cloneNewsroom(c.draft)
	var bad []app.FieldError
	for f, msg := range c.inputErr {
		bad = append(bad, app.FieldError{Field: f, Message: msg})
	}
	c.mu.Unlock()
	if len(bad) > 0 {
		return &app.ValidationError{Problems: bad, Subject: "newsroom settings"}
	}
	if err := c.svc.SetNewsroom(ctx, n); err != nil {
		return fmt.Errorf("save newsroom settings: %w", err)
	}
	c.mu.Lock()
	c.saved = n
	c.mu.Unlock()
	return nil
}

// cloneNewsroom copies n deeply, so that the draft and what was saved
// never share a slice or map.
func cloneNewsroom(n app.Newsroom) app.Newsroom {
	n.Sections = slices.Clone(n.Sections)
	n.Tags = slices.Clone(n.Tags)
	if n.Required != nil {
		req := make(map[app.Status][]string, len(n.Required))
		for st, f := range n.Required {
			req[st] = slices.Clone(f)
		}
		n.Required = req
	}
	return n
}

// normalNewsroom makes empty and nil lists compare equal.
func normalNewsroom(n app.Newsroom) app.Newsroom {
	n = cloneNewsroom(n)
	if len(n.Tags) == 0 {
		n.Tags = nil
	}
	if len(n.Sections) == 0 {
		n.Sections = nil
	}
	for st, f := range n.Required {
		if len(f) == 0 {
			delete(n.Required, st)
		}
	}
	if len(n.Required) == 0 {
		n.Required = nil
	}
	return n
}
