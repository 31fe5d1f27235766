package export

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"newsdesk/app"
)

// SettingName is the newsroom setting that holds the portal profiles.
const SettingName = "portal.profiles"

// DefaultDateFormat is how the portal prints times in byline lines:
// "Oct 21, 2020 11:17 AM".
const DefaultDateFormat = "Jan 02, 2006 03:04 PM"

// Profile is one export destination with the look of its portal. A target
// that is an http(s) URL is pushed to; anything else is a folder, relative
// folders being taken beside the store folder.
type Profile struct {
	Name string `json:"name"`
	// Target is a folder ("portal", "/srv/www/news") or an endpoint URL.
	Target   string `json:"target"`
	Title    string `json:"title"`
	Blurb    string `json:"blurb,omitempty"`
	Footer   string `json:"footer,omitempty"`
	BaseURL  string `json:"base_url"`
	Language string `json:"language,omitempty"`
	// DateFormat is a Go time layout; TimeZone the newsroom zone that
	// byline times are printed in, whatever zone each story was filed in.
	DateFormat string `json:"date_format,omitempty"`
	TimeZone   string `json:"time_zone,omitempty"`
	PageSize   int    `json:"page_size,omitempty"`
	FeedItems  int    `json:"feed_items,omitempty"`
	// TokenEnv names the environment variable holding the bearer token of
	// an HTTP target: the token itself is never stored, logged or exported.
	TokenEnv    string `json:"token_env,omitempty"`
	Concurrency int    `json:"concurrency,omitempty"`
	// Timeout bounds one HTTP attempt ("10s"); Retries is how many times
	// a timed-out or 5xx attempt is tried again.
	Timeout string `json:"timeout,omitempty"`
	Retries int    `json:"retries,omitempty"`
	// SendEmbargoed lets an HTTP partner receive stories before their
	// embargo, marked embargoed. A folder is public and never gets them.
	SendEmbargoed bool `json:"send_embargoed,omitempty"`
}

// Profiles is the stored setting: every profile and the default's name.
type Profiles struct {
	Default  string    `json:"default"`
	Profiles []Profile `json:"profiles"`
}

// DefaultProfile is what a fresh install exports with: a folder "portal"
// beside the store, in the newsroom's zone.
func DefaultProfile() Profile {
	p := Profile{
		Name:       "default",
		Target:     "portal",
		Title:      "Newsdesk Portal",
		Blurb:      "Latest news from the newsroom.",
		Footer:     "© The newsroom. All rights reserved.",
		BaseURL:    "https://news.example.com/",
		Language:   "en",
		DateFormat: DefaultDateFormat,
		TimeZone:   app.DefaultTimeZone,
	}
	p.Fill()
	return p
}

// Fill gives unset fields their defaults, so that a profile stored with
// only a name, a target and a base URL works.
func (p *Profile) Fill() {
	if p.Title == "" {
		p.Title = "Newsdesk Portal"
	}
	if p.Language == "" {
		p.Language = "en"
	}
	if p.DateFormat == "" {
		p.DateFormat = DefaultDateFormat
	}
	if p.TimeZone == "" {
		p.TimeZone = app.DefaultTimeZone
	}
	if p.PageSize == 0 {
		p.PageSize = 20
	}
	if p.FeedItems == 0 {
		p.FeedItems = 50
	}
	if p.Concurrency == 0 {
		p.Concurrency = 4
	}
	if p.Timeout == "" {
		p.Timeout = "15s"
	}
	if p.Retries == 0 {
		p.Retries = 4
	}
}

var (
	profileNameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	envNameRe     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,127}$`)
	languageRe    = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// IsURL reports whether a target is an HTTP endpoint rather than a folder.
func IsURL(target string) bool {
	return strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://")
}

// Validate lists every problem of a filled profile, fields prefixed with
// prefix ("profiles[1]."), so a settings dialog can show each one.
func (p *Profile) Validate(prefix string) []app.FieldError {
	var out []app.FieldError
	add := func(field, format string, args ...any) {
		out = append(out, app.FieldError{Field: prefix + field, Message: fmt.Sprintf(format, args...)})
	}
	if !profileNameRe.MatchString(p.Name) {
		add("name", "%q is not a profile name (letters, digits, '.', '_' or '-', up to 64)", p.Name)
	}
	switch {
	case strings.TrimSpace(p.Target) == "":
		add("target", "is required: a folder, or the http(s) URL of the portal's endpoint")
	case IsURL(p.Target):
		if err := checkURL(p.Target); err != nil {
			add("target", "%v", err)
		}
		if p.TokenEnv != "" && !envNameRe.MatchString(p.TokenEnv) {
			add("token_env", "%q is not an environment variable name; give the variable's name, never the token", p.TokenEnv)
		}
	case strings.Contains(p.Target, "://"):
		add("target", "%q: only http(s) URLs can be pushed to; anything else must be a folder", p.Target)
	case strings.ContainsRune(p.Target, 0):
		add("target", "contains a NUL character")
	}
	if err := checkURL(p.BaseURL); err != nil {
		add("base_url", "%v", err)
	} else if u, _ := url.Parse(p.BaseURL); u.RawQuery != "" || u.Fragment != "" {
		add("base_url", "%q has a query or fragment; give the portal's root address", p.BaseURL)
	}
	if _, err := app.LoadZone(p.TimeZone); err != nil || p.TimeZone == "Local" || p.TimeZone == "" {
		add("time_zone", "%q is not an IANA time zone (e.g. Asia/Shanghai)", p.TimeZone)
	}
	ref := time.Date(2020, 10, 21, 11, 17, 0, 0, time.UTC)
	if s := ref.Format(p.DateFormat); s == p.DateFormat || strings.TrimSpace(s) == "" {
		add("date_format", "%q shows no date: write it as Go does, e.g. %q", p.DateFormat, DefaultDateFormat)
	}
	for field, s := range map[string]string{"title": p.Title, "blurb": p.Blurb, "footer": p.Footer} {
		if len(s) > 2000 {
			add(field, "is %d bytes long, more than 2000", len(s))
		}
	}
	if p.Language != "" && !languageRe.MatchString(p.Language) {
		add("language", "%q is not a language tag (e.g. en, zh-Hans)", p.Language)
	}
	checkRange := func(field string, v, lo, hi int) {
		if v < lo || v > hi {
			add(field, "is %d, want %d to %d", v, lo, hi)
		}
	}
	checkRange("page_size", p.PageSize, 1, 500)
	checkRange("feed_items", p.FeedItems, 1, 1000)
	checkRange("concurrency", p.Concurrency, 1, 64)
	checkRange("retries", p.Retries, 0, 20)
	if d, err := time.ParseDuration(p.Timeout); err != nil || d <= 0 || d > 10*time.Minute {
		add("timeout", "%q is not a duration between 1ms and 10m (e.g. 15s)", p.Timeout)
	}
	return out
}

// checkURL accepts an absolute http(s) URL with a host.
func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return fmt.Errorf("%q is not an absolute http(s) URL (e.g. https://news.example.com/)", s)
	}
	return nil
}

// Validate checks every profile, unique names and that the default exists.
func (ps *Profiles) Validate() error {
	var problems []app.FieldError
	seen := map[string]bool{}
	for i := range ps.Profiles {
		p := &ps.Profiles[i]
		prefix := fmt.Sprintf("profiles[%d].", i)
		problems = append(problems, p.Validate(prefix)...)
		if seen[p.Name] {
			problems = append(problems, app.FieldError{Field: prefix + "name", Message: fmt.Sprintf("%q is used by another profile", p.Name)})
		}
		seen[p.Name] = true
	}
	if len(ps.Profiles) == 0 {
		problems = append(problems, app.FieldError{Field: "profiles", Message: "needs at least one profile"})
	} else if !seen[ps.Default] {
		problems = append(problems, app.FieldError{Field: "default", Message: fmt.Sprintf("%q names no profile", ps.Default)})
	}
	if len(problems) > 0 {
		return &app.ValidationError{Problems: problems}
	}
	return nil
}

// Get returns the named profile, or the default one for "".
func (ps *Profiles) Get(name string) (Profile, error) {
	if name == "" {
		name = ps.Default
	}
	for _, p := range ps.Profiles {
		if p.Name == name {
			return p, nil
		}
	}
	names := make([]string, len(ps.Profiles))
	for i, p := range ps.Profiles {
		names[i] = p.Name
	}
	return Profile{}, app.Errorf(app.ENOTFOUND, "no portal profile %q (profiles: %s)", name, strings.Join(names, ", "))
}

// LoadProfiles reads the profiles from the store's settings; a store that
// has none gets the default profile, so a fresh install exports at once.
func LoadProfiles(ctx context.Context, st app.Store) (*Profiles, error) {
	raw, err := st.Setting(ctx, SettingName)
	if app.ErrorCode(err) == app.ENOTFOUND {
		return &Profiles{Default: "default", Profiles: []Profile{DefaultProfile()}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read setting %s: %w", SettingName, err)
	}
	var ps Profiles
	if err := json.Unmarshal(raw, &ps); err != nil {
		return nil, app.Errorf(app.EINVALID, "setting %s is not valid JSON: %v", SettingName, err)
	}
	for i := range ps.Profiles {
		ps.Profiles[i].Fill()
	}
	if err := ps.Validate(); err != nil {
		return nil, fmt.Errorf("setting %s: %w", SettingName, err)
	}
	return &ps, nil
}

// SaveProfiles validates and stores the profiles; nothing is stored when
// any profile has a problem.
func SaveProfiles(ctx context.Context, st app.Store, ps *Profiles) error {
	c := Profiles{Default: ps.Default, Profiles: append([]Profile(nil), ps.Profiles...)}
	for i := range c.Profiles {
		c.Profiles[i].Fill()
	}
	if err := c.Validate(); err != nil {
		return err
	}
	raw, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("encode profiles: %w", err)
	}
	return st.PutSetting(ctx, SettingName, raw)
}

// FolderPath resolves a folder target: relative folders sit beside the
// store folder (the default "portal" next to "newsdesk").
func FolderPath(target, storeDir string) (string, error) {
	if filepath.IsAbs(target) {
		return filepath.Clean(target), nil
	}
	if storeDir == "" {
		return filepath.Abs(target)
	}
	abs, err := filepath.Abs(storeDir)
	if err != nil {
		return "", fmt.Errorf("store folder %s: %w", storeDir, err)
	}
	return filepath.Join(filepath.Dir(abs), target), nil
}
