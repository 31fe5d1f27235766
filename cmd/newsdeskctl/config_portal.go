package main

import (
	"context"
	"strconv"
	"strings"

	"newsdesk/app"
	"newsdesk/app/export"
)

// Portal profiles are set with keys portal.<profile>.<field>; setting a
// field of a profile that does not exist creates it from the defaults.
// portal.default names the profile export and scheduled publishing use.
var portalFields = []struct {
	name string
	get  func(p *export.Profile) string
	set  func(p *export.Profile, v string) error
}{
	{"target", func(p *export.Profile) string { return p.Target }, func(p *export.Profile, v string) error { p.Target = v; return nil }},
	{"title", func(p *export.Profile) string { return p.Title }, func(p *export.Profile, v string) error { p.Title = v; return nil }},
	{"blurb", func(p *export.Profile) string { return p.Blurb }, func(p *export.Profile, v string) error { p.Blurb = v; return nil }},
	{"footer", func(p *export.Profile) string { return p.Footer }, func(p *export.Profile, v string) error { p.Footer = v; return nil }},
	{"base_url", func(p *export.Profile) string { return p.BaseURL }, func(p *export.Profile, v string) error { p.BaseURL = v; return nil }},
	{"language", func(p *export.Profile) string { return p.Language }, func(p *export.Profile, v string) error { p.Language = v; return nil }},
	{"date_format", func(p *export.Profile) string { return p.DateFormat }, func(p *export.Profile, v string) error { p.DateFormat = v; return nil }},
	{"time_zone", func(p *export.Profile) string { return p.TimeZone }, func(p *export.Profile, v string) error { p.TimeZone = v; return nil }},
	{"token_env", func(p *export.Profile) string { return p.TokenEnv }, func(p *export.Profile, v string) error { p.TokenEnv = v; return nil }},
	{"page_size", func(p *export.Profile) string { return strconv.Itoa(p.PageSize) }, func(p *export.Profile, v string) (err error) {
		p.PageSize, err = strconv.Atoi(v)
		return err
	}},
}

func portalValues(ctx context.Context, svc *app.Service, out map[string]string) error {
	ps, err := export.LoadProfiles(ctx, svc.Store)
	if err != nil {
		return err
	}
	out["portal.default"] = ps.Default
	for i := range ps.Profiles {
		p := &ps.Profiles[i]
		for _, f := range portalFields {
			out["portal."+p.Name+"."+f.name] = f.get(p)
		}
	}
	return nil
}

// setPortal handles a portal.* key; ok is false for any other key.
func setPortal(ctx context.Context, svc *app.Service, key, value string) (ok bool, err error) {
	rest, found := strings.CutPrefix(key, "portal.")
	if !found {
		return false, nil
	}
	ps, err := export.LoadProfiles(ctx, svc.Store)
	if err != nil {
		return true, err
	}
	if rest == "default" {
		ps.Default = value
		return true, export.SaveProfiles(ctx, svc.Store, ps)
	}
	name, field, found := strings.Cut(rest, ".")
	if !found {
		return true, usagef("config", "unknown key %q: use portal.<profile>.<field> or portal.default", key)
	}
	idx := -1
	for i := range ps.Profiles {
		if ps.Profiles[i].Name == name {
			idx = i
		}
	}
	if idx < 0 {
		p := export.DefaultProfile()
		p.Name = name
		ps.Profiles = append(ps.Profiles, p)
		idx = len(ps.Profiles) - 1
	}
	for _, f := range portalFields {
		if f.name == field {
			if err := f.set(&ps.Profiles[idx], value); err != nil {
				return true, app.Errorf(app.EINVALID, "%s: %v", key, err)
			}
			return true, export.SaveProfiles(ctx, svc.Store, ps)
		}
	}
	var names []string
	for _, f := range portalFields {
		names = append(names, f.name)
	}
	return true, usagef("config", "unknown portal field %q (one of %s)", field, strings.Join(names, ", "))
}
