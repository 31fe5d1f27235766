// Package app is Newsdesk's domain: the article model, its validation and
// normalisation, revisions, and the use cases (Service) that the GUI and the
// CLI share. It imports neither Fyne nor Badger; storage is reached through
// the Store interface, which package store implements.
package app

import (
	"sync"
	"time"
	_ "time/tzdata" // time zones must resolve on every OS, including Windows
)

// DefaultTimeZone is the newsroom time zone used when none is configured:
// the portal Newsdesk was built for publishes on Beijing time.
const DefaultTimeZone = "Asia/Shanghai"

// Article is one story in the newsroom, in the shape editors work with and
// the shape `newsdeskctl show --json` prints. The zero value is an empty draft.
type Article struct {
	ID       string   `json:"id,omitempty"`
	Slug     string   `json:"slug,omitempty"`
	Headline string   `json:"headline"`
	Dek      string   `json:"dek,omitempty"`
	Byline   []string `json:"byline"`
	// Source names the agency for syndicated copy ("Bloomberg"), which the
	// portal prints as the byline when no person is named.
	Source   string    `json:"source,omitempty"`
	Section  string    `json:"section"`
	Tags     []string  `json:"tags"`
	Body     string    `json:"body"`
	Photos   []Photo   `json:"photos"`
	Contacts []Contact `json:"contacts"`
	Related  []Related `json:"related"`
	ReadMore *ReadMore `json:"read_more,omitempty"`
	Status   Status    `json:"status"`
	// TimeZone is the IANA zone the schedule was chosen in; times are shown
	// in it and stored as instants.
	TimeZone    string     `json:"time_zone,omitempty"`
	ScheduledAt *time.Time `json:"scheduled_at,omitempty"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
	// EmbargoUntil holds an item back from the public portal until this
	// instant; partners may receive it before, marked embargoed.
	EmbargoUntil *time.Time `json:"embargo_until,omitempty"`
	Language     string     `json:"language,omitempty"`
	// ImportKey identifies an item brought in by an import (a fingerprint
	// of byline, time and first paragraph, or a ninjs uri), so that the
	// same file imported twice adds nothing. A store holds each key once.
	ImportKey string `json:"import_key,omitempty"`
	// Flags ask for an editor's attention ("needs headline", "truncated");
	// the desk lists flagged articles in its needs-attention queue.
	Flags []string `json:"flags,omitempty"`
	// Note carries the reason of the last correction or kill.
	Note string `json:"note,omitempty"`

	// The fields below are maintained by the store, never by editors.
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Revision  int       `json:"revision"`
	Deleted   bool      `json:"deleted,omitempty"`
}

// Photo is an image attached to an article; the first one is the lead photo.
type Photo struct {
	// Image references a blob in the store ("sha256:<hex>").
	Image   string `json:"image,omitempty"`
	Caption string `json:"caption,omitempty"`
	// Credit is what the portal prints after "Photo:" ("VCG").
	Credit string `json:"credit"`
	Alt    string `json:"alt,omitempty"`
	// File is input only: `newsdeskctl put` reads the image from this path,
	// stores it as a blob and replaces File with Image.
	File string `json:"file,omitempty"`
}

// ContactRole says who a contact line names: "Contact reporter X and editor Y".
type ContactRole string

// Contact roles known to the portal.
const (
	RoleReporter ContactRole = "reporter"
	RoleEditor   ContactRole = "editor"
	RoleOther    ContactRole = "other"
)

// Contact is a person readers can write to about the story.
type Contact struct {
	Role    ContactRole `json:"role"`
	Name    string      `json:"name"`
	Email   string      `json:"email,omitempty"`
	Twitter string      `json:"twitter,omitempty"`
	Phone   string      `json:"phone,omitempty"`
}

// Related links another story: one of ours by ID, or an outside story by
// headline and URL.
type Related struct {
	ID       string `json:"id,omitempty"`
	Headline string `json:"headline,omitempty"`
	URL      string `json:"url,omitempty"`
}

// ReadMore is the "Read the full story here" link.
type ReadMore struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Clone returns a deep copy, so that callers can edit without aliasing the
// slices of a value held elsewhere (a cache, the UI's last saved state).
func (a *Article) Clone() *Article {
	if a == nil {
		return nil
	}
	c := *a
	c.Byline = append([]string(nil), a.Byline...)
	c.Tags = append([]string(nil), a.Tags...)
	c.Photos = append([]Photo(nil), a.Photos...)
	c.Contacts = append([]Contact(nil), a.Contacts...)
	c.Related = append([]Related(nil), a.Related...)
	c.Flags = append([]string(nil), a.Flags...)
	if a.ReadMore != nil {
		rm := *a.ReadMore
		c.ReadMore = &rm
	}
	if a.ScheduledAt != nil {
		t := *a.ScheduledAt
		c.ScheduledAt = &t
	}
	if a.PublishedAt != nil {
		t := *a.PublishedAt
		c.PublishedAt = &t
	}
	if a.EmbargoUntil != nil {
		t := *a.EmbargoUntil
		c.EmbargoUntil = &t
	}
	return &c
}

// Location returns the article's time zone, falling back to the default
// newsroom zone when the name is empty or unknown.
func (a *Article) Location() *time.Location {
	name := a.TimeZone
	if name == "" {
		name = DefaultTimeZone
	}
	loc, err := LoadZone(name)
	if err != nil {
		loc, _ = LoadZone(DefaultTimeZone)
	}
	return loc
}

// zones caches loaded time zones: time.LoadLocation parses the zone file
// on every call, which showed in the cost of every save.
var zones sync.Map // name -> *time.Location

// LoadZone is time.LoadLocation with a cache.
func LoadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}

// InZone returns a copy whose times are expressed in the article's time zone,
// which is how JSON output and the UI present them.
func (a *Article) InZone() *Article {
	c := a.Clone()
	loc := a.Location()
	c.CreatedAt = c.CreatedAt.In(loc)
	c.UpdatedAt = c.UpdatedAt.In(loc)
	if c.ScheduledAt != nil {
		t := c.ScheduledAt.In(loc)
		c.ScheduledAt = &t
	}
	if c.PublishedAt != nil {
		t := c.PublishedAt.In(loc)
		c.PublishedAt = &t
	}
	if c.EmbargoUntil != nil {
		t := c.EmbargoUntil.In(loc)
		c.EmbargoUntil = &t
	}
	return c
}
