package app

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Section is one of the newsroom's sections. A retired section is no
// longer offered for new stories, but the stories filed under it keep it.
type Section struct {
	Name    string `json:"name"`
	Retired bool   `json:"retired,omitempty"`
}

// Newsroom holds the settings that belong to the newsroom rather than to
// one person. They live in the store, so a backup carries them.
type Newsroom struct {
	Name     string `json:"name"`
	TimeZone string `json:"time_zone"`
	// Sections in the order desks show them.
	Sections       []Section `json:"sections"`
	DefaultSection string    `json:"default_section"`
	// Tags is the controlled vocabulary when ControlledTags is set;
	// otherwise editors create tags freely.
	Tags           []string `json:"tags,omitempty"`
	ControlledTags bool     `json:"controlled_tags,omitempty"`
	HeadlineMax    int      `json:"headline_max"`
	// Required lists extra fields a story needs to enter a status, beyond
	// the built-in gates (headline, byline or source, section, body, credits).
	Required map[Status][]string `json:"required,omitempty"`
	// Backup is the automatic daily backup.
	Backup BackupPolicy `json:"backup"`
}

// RequirableFields are the fields a newsroom may require per status.
var RequirableFields = []string{"dek", "tags", "photos", "contacts", "source", "read_more", "related"}

// newsroomSetting is the store setting that holds the Newsroom.
const newsroomSetting = "newsroom"

// DefaultNewsroom is what a fresh store starts with.
func DefaultNewsroom() Newsroom {
	var secs []Section
	for _, n := range []string{"Politics & Law", "Economy", "Business & Tech", "Environment", "World", "Opinion"} {
		secs = append(secs, Section{Name: n})
	}
	return Newsroom{Name: "Newsdesk", TimeZone: DefaultTimeZone, Sections: secs, DefaultSection: "Politics & Law",
		HeadlineMax: DefaultRules.HeadlineMax, Backup: BackupPolicy{Enabled: true, Keep: 7}}
}

// Validate refuses settings a newsroom cannot work with, naming each
// problem: an unknown zone, an empty or duplicated section list, a default
// section that is not offered, a limit out of range.
func (n *Newsroom) Validate() error {
	v := &validator{}
	if strings.TrimSpace(n.Name) == "" {
		v.add("name", "is required")
	}
	v.text("name", n.Name, MaxShortField, true)
	if _, err := LoadZone(n.TimeZone); err != nil || n.TimeZone == "" || n.TimeZone == "Local" {
		v.add("time_zone", fmt.Sprintf("%q is not an IANA time zone (e.g. Asia/Shanghai)", n.TimeZone))
	}
	live := 0
	seen := map[string]bool{}
	for i, s := range n.Sections {
		f := fmt.Sprintf("sections[%d]", i)
		v.text(f, s.Name, MaxShortField, true)
		switch k := strings.ToLower(strings.TrimSpace(s.Name)); {
		case k == "":
			v.add(f, "a section needs a name")
		case seen[k]:
			v.add(f, fmt.Sprintf("%q is listed twice", s.Name))
		default:
			seen[k] = true
		}
		if !s.Retired {
			live++
		}
	}
	if live == 0 {
		v.add("sections", "the newsroom needs at least one section that is not retired")
	}
	if n.DefaultSection != "" && !slices.Contains(n.OpenSections(), n.DefaultSection) {
		v.add("default_section", fmt.Sprintf("%q is not one of the open sections", n.DefaultSection))
	}
	if n.HeadlineMax < 20 || n.HeadlineMax > DefaultRules.HeadlineMax {
		v.add("headline_max", fmt.Sprintf("must be between 20 and %d characters", DefaultRules.HeadlineMax))
	}
	if n.Backup.Keep < 0 || n.Backup.Keep > 3650 {
		v.add("backup.keep", "must be between 1 and 3650 backups")
	}
	if n.Backup.Dir != "" && !filepath.IsAbs(n.Backup.Dir) {
		v.add("backup.dir", fmt.Sprintf("%q must be an absolute folder path", n.Backup.Dir))
	}
	if n.ControlledTags && len(n.Tags) == 0 {
		v.add("tags", "a controlled vocabulary needs at least one tag")
	}
	for st, fields := range n.Required {
		if _, err := ParseStatus(string(st)); err != nil {
			v.add("required", err.Error())
		}
		for _, f := range fields {
			if !slices.Contains(RequirableFields, f) {
				v.add("required."+string(st), fmt.Sprintf("%q cannot be required (choose from %s)", f, strings.Join(RequirableFields, ", ")))
			}
		}
	}
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems, Subject: "newsroom settings"}
}

// OpenSections are the sections offered for new stories, in order.
func (n *Newsroom) OpenSections() []string {
	var out []string
	for _, s := range n.Sections {
		if !s.Retired {
			out = append(out, s.Name)
		}
	}
	return out
}

// Rules are the validation rules the newsroom's settings imply.
func (n *Newsroom) Rules() Rules {
	r := Rules{HeadlineMax: n.HeadlineMax, Required: n.Required}
	if n.ControlledTags {
		r.Vocabulary = n.Tags
	}
	return r
}

// Newsroom returns the store's newsroom settings, or the defaults.
func (s *Service) Newsroom(ctx context.Context) (Newsroom, error) {
	raw, err := s.Store.Setting(ctx, newsroomSetting)
	if ErrorCode(err) == ENOTFOUND {
		return DefaultNewsroom(), nil
	}
	if err != nil {
		return Newsroom{}, err
	}
	var n Newsroom
	if err := json.Unmarshal(raw, &n); err != nil {
		return Newsroom{}, fmt.Errorf("newsroom settings are damaged: %w", err)
	}
	return n, nil
}

// SetNewsroom validates and stores the newsroom settings, and applies
// their rules to this service.
func (s *Service) SetNewsroom(ctx context.Context, n Newsroom) error {
	if err := n.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(n)
	if err != nil {
		return err
	}
	if err := s.Store.PutSetting(ctx, newsroomSetting, raw); err != nil {
		return fmt.Errorf("save newsroom settings: %w", err)
	}
	s.SetRules(n.Rules())
	return nil
}

// LoadNewsroom reads the newsroom settings and applies their rules; the
// GUI and the CLI call it once after opening the store.
func (s *Service) LoadNewsroom(ctx context.Context) (Newsroom, error) {
	n, err := s.Newsroom(ctx)
	if err != nil {
		return n, err
	}
	s.SetRules(n.Rules())
	return n, nil
}
