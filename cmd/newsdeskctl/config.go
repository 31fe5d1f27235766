package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"newsdesk/app"
)

// configKeys maps `config` keys to the newsroom settings. Lists are given
// as JSON arrays or comma-separated; a retired section is written "-Name".
var configKeys = []struct {
	key  string
	help string
	get  func(n *app.Newsroom) string
	set  func(n *app.Newsroom, v string) error
}{
	{"newsroom.name", "the newsroom's name (window title, exports)",
		func(n *app.Newsroom) string { return n.Name },
		func(n *app.Newsroom, v string) error { n.Name = v; return nil }},
	{"newsroom.time_zone", "IANA time zone of datelines and schedules",
		func(n *app.Newsroom) string { return n.TimeZone },
		func(n *app.Newsroom, v string) error { n.TimeZone = v; return nil }},
	{"newsroom.sections", "ordered sections; \"-Name\" marks a retired one",
		func(n *app.Newsroom) string {
			var out []string
			for _, s := range n.Sections {
				name := s.Name
				if s.Retired {
					name = "-" + name
				}
				out = append(out, name)
			}
			return strings.Join(out, ", ")
		},
		func(n *app.Newsroom, v string) error {
			names, err := listValue(v)
			if err != nil {
				return err
			}
			n.Sections = nil
			for _, name := range names {
				retired := strings.HasPrefix(name, "-")
				n.Sections = append(n.Sections, app.Section{Name: strings.TrimSpace(strings.TrimPrefix(name, "-")), Retired: retired})
			}
			return nil
		}},
	{"newsroom.default_section", "section of new stories",
		func(n *app.Newsroom) string { return n.DefaultSection },
		func(n *app.Newsroom, v string) error { n.DefaultSection = v; return nil }},
	{"newsroom.headline_max", "headline limit in characters",
		func(n *app.Newsroom) string { return strconv.Itoa(n.HeadlineMax) },
		func(n *app.Newsroom, v string) error {
			i, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%q is not a whole number", v)
			}
			n.HeadlineMax = i
			return nil
		}},
	{"newsroom.tags", "the tag vocabulary",
		func(n *app.Newsroom) string { return strings.Join(n.Tags, ", ") },
		func(n *app.Newsroom, v string) (err error) { n.Tags, err = listValue(v); return err }},
	{"newsroom.controlled_tags", "true: only tags of newsroom.tags are allowed",
		func(n *app.Newsroom) string { return strconv.FormatBool(n.ControlledTags) },
		func(n *app.Newsroom, v string) (err error) {
			n.ControlledTags, err = strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("%q is not true or false", v)
			}
			return nil
		}},
	{"newsroom.backup.enabled", "true: a backup every day (newsdeskctl backup --auto, or the app)",
		func(n *app.Newsroom) string { return strconv.FormatBool(n.Backup.Enabled) },
		func(n *app.Newsroom, v string) (err error) {
			if n.Backup.Enabled, err = strconv.ParseBool(v); err != nil {
				return fmt.Errorf("%q is not true or false", v)
			}
			return nil
		}},
	{"newsroom.backup.keep", "how many daily backups to keep",
		func(n *app.Newsroom) string { return strconv.Itoa(n.Backup.Keep) },
		func(n *app.Newsroom, v string) (err error) {
			if n.Backup.Keep, err = strconv.Atoi(v); err != nil {
				return fmt.Errorf("%q is not a whole number", v)
			}
			return nil
		}},
	{"newsroom.backup.dir", "folder of the daily backups (empty: beside the store)",
		func(n *app.Newsroom) string { return n.Backup.Dir },
		func(n *app.Newsroom, v string) error { n.Backup.Dir = v; return nil }},
}

// requiredPrefix keys set the extra required fields of one status:
// newsroom.required.ready = dek, tags
const requiredPrefix = "newsroom.required."

// listValue reads a JSON array or a comma-separated list.
func listValue(v string) ([]string, error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "[") {
		var out []string
		if err := json.Unmarshal([]byte(v), &out); err != nil {
			return nil, fmt.Errorf("not a JSON list of strings: %v", err)
		}
		return out, nil
	}
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

func cmdConfig(e *env, args []string) error {
	fs := e.flags("config")
	pos, err := e.parse(fs, args, 1, 3)
	if err != nil {
		return err
	}
	verb := pos[0]
	switch {
	case verb == "list" && len(pos) == 1, verb == "get" && len(pos) == 2, verb == "set" && len(pos) == 3:
	default:
		return usagef("config", "use: config list | config get KEY | config set KEY VALUE")
	}
	mode := mustExist
	if verb == "set" {
		mode = mayCreate
	}
	return e.withService(mode, func(svc *app.Service) error {
		n, err := svc.Newsroom(e.ctx)
		if err != nil {
			return err
		}
		values := configValues(&n)
		if err := portalValues(e.ctx, svc, values); err != nil {
			return err
		}
		switch verb {
		case "list":
			if e.json {
				return writeJSON(e.stdout, n)
			}
			t := &table{}
			for k, v := range values {
				t.add(k, v)
			}
			sort.Slice(t.rows, func(i, j int) bool { return t.rows[i][0] < t.rows[j][0] })
			return t.write(e.stdout)
		case "get":
			v, ok := values[pos[1]]
			if !ok {
				return usagef("config", "unknown key %q (see config list)", pos[1])
			}
			_, err := fmt.Fprintln(e.stdout, v)
			return err
		}
		if ok, err := setPortal(e.ctx, svc, pos[1], pos[2]); ok {
			if err != nil {
				return err
			}
			values := map[string]string{}
			if err := portalValues(e.ctx, svc, values); err != nil {
				return err
			}
			_, err = fmt.Fprintf(e.stdout, "%s = %s\n", pos[1], values[pos[1]])
			return err
		}
		if err := setConfig(&n, pos[1], pos[2]); err != nil {
			return err
		}
		if err := svc.SetNewsroom(e.ctx, n); err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.stdout, "%s = %s\n", pos[1], configValues(&n)[pos[1]])
		return err
	})
}

func configValues(n *app.Newsroom) map[string]string {
	out := map[string]string{}
	for _, k := range configKeys {
		out[k.key] = k.get(n)
	}
	for _, st := range app.Statuses {
		out[requiredPrefix+string(st)] = strings.Join(n.Required[st], ", ")
	}
	return out
}

func setConfig(n *app.Newsroom, key, value string) error {
	for _, k := range configKeys {
		if k.key == key {
			if err := k.set(n, value); err != nil {
				return app.Errorf(app.EINVALID, "%s: %v", key, err)
			}
			return nil
		}
	}
	if st, ok := strings.CutPrefix(key, requiredPrefix); ok {
		status, err := app.ParseStatus(st)
		if err != nil || st == "" {
			return usagef("config", "unknown key %q: %v", key, err)
		}
		fields, err := listValue(value)
		if err != nil {
			return app.Errorf(app.EINVALID, "%s: %v", key, err)
		}
		if n.Required == nil {
			n.Required = map[app.Status][]string{}
		}
		n.Required[status] = fields
		return nil
	}
	return usagef("config", "unknown key %q (see config list)", key)
}
