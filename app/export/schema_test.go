package export

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// No JSON Schema library is among the module's dependencies, so this is a
// small validator for the part of JSON Schema 2020-12 that IPTC's ninjs
// 2.2 schema uses: $ref (local), type, properties, required, enum,
// additionalProperties, unevaluatedProperties, items, oneOf, minimum,
// maximum and the formats date-time and uri. A keyword it does not know
// fails the test instead of being ignored, so a newer schema cannot pass
// unchecked.

type jsonSchema struct {
	root map[string]any
}

func loadSchema(t testing.TB, name string) *jsonSchema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read the vendored schema: %v", err)
	}
	var root map[string]any
	if err := json.Unmarshal(raw, &root); err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return &jsonSchema{root: root}
}

// validate returns every violation of doc, each with its JSON path.
func (s *jsonSchema) validate(doc any) []string {
	var errs []string
	s.check(s.root, doc, "$", &errs)
	sort.Strings(errs)
	return errs
}

var annotations = map[string]bool{"$schema": true, "$id": true, "$defs": true, "title": true, "description": true, "$comment": true, "examples": true}

// check validates v against sch and returns the object keys it evaluated
// (for unevaluatedProperties).
func (s *jsonSchema) check(sch map[string]any, v any, path string, errs *[]string) map[string]bool {
	fail := func(format string, args ...any) { *errs = append(*errs, path+": "+fmt.Sprintf(format, args...)) }
	evaluated := map[string]bool{}
	obj, isObj := v.(map[string]any)
	for kw := range sch {
		switch kw {
		case "$ref", "type", "properties", "required", "enum", "additionalProperties", "unevaluatedProperties",
			"items", "oneOf", "minimum", "maximum", "format":
		default:
			if !annotations[kw] {
				fail("the schema uses keyword %q, which this checker does not implement", kw)
			}
		}
	}
	if ref, ok := sch["$ref"].(string); ok {
		for k := range s.check(s.resolve(ref, fail), v, path, errs) {
			evaluated[k] = true
		}
	}
	if t, ok := sch["type"]; ok && !typeMatches(t, v) {
		fail("is %s, want type %v", jsonType(v), t)
		return evaluated
	}
	if enum, ok := sch["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return fmt.Sprint(e) == fmt.Sprint(v) }) {
		fail("%v is not one of %v", v, enum)
	}
	if n, ok := v.(float64); ok {
		if lo, ok := sch["minimum"].(float64); ok && n < lo {
			fail("%v is below the minimum %v", n, lo)
		}
		if hi, ok := sch["maximum"].(float64); ok && n > hi {
			fail("%v is above the maximum %v", n, hi)
		}
	}
	if f, ok := sch["format"].(string); ok {
		if str, ok := v.(string); ok {
			checkFormat(f, str, fail)
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := sch["items"].(map[string]any); ok {
			for i, it := range arr {
				s.check(items, it, fmt.Sprintf("%s[%d]", path, i), errs)
			}
		}
	}
	if oneOf, ok := sch["oneOf"].([]any); ok {
		passed := 0
		for _, alt := range oneOf {
			var altErrs []string
			keys := s.check(alt.(map[string]any), v, path, &altErrs)
			if len(altErrs) == 0 {
				passed++
				for k := range keys {
					evaluated[k] = true
				}
			}
		}
		if passed != 1 {
			fail("matches %d of the oneOf alternatives, want exactly 1", passed)
		}
	}
	if !isObj {
		return evaluated
	}
	props, _ := sch["properties"].(map[string]any)
	for k, pv := range obj {
		if ps, ok := props[k].(map[string]any); ok {
			s.check(ps, pv, path+"."+k, errs)
			evaluated[k] = true
		}
	}
	if req, ok := sch["required"].([]any); ok {
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				fail("required property %q is missing", r)
			}
		}
	}
	if ap, ok := sch["additionalProperties"]; ok {
		for k, pv := range obj {
			if _, ok := props[k]; ok {
				continue
			}
			switch a := ap.(type) {
			case bool:
				if !a {
					fail("property %q is not allowed", k)
				}
			case map[string]any:
				s.check(a, pv, path+"."+k, errs)
			}
			evaluated[k] = true
		}
	}
	if up, ok := sch["unevaluatedProperties"].(bool); ok && !up {
		for k := range obj {
			if !evaluated[k] {
				fail("property %q is not defined by the schema", k)
			}
		}
	}
	return evaluated
}

func (s *jsonSchema) resolve(ref string, fail func(string, ...any)) map[string]any {
	if !strings.HasPrefix(ref, "#/") {
		fail("only local $ref are supported, not %q", ref)
		return map[string]any{}
	}
	var node any = s.root
	for _, part := range strings.Split(ref[2:], "/") {
		m, _ := node.(map[string]any)
		node = m[part]
	}
	m, ok := node.(map[string]any)
	if !ok {
		fail("$ref %q points nowhere", ref)
		return map[string]any{}
	}
	return m
}

func typeMatches(t, v any) bool {
	switch tt := t.(type) {
	case string:
		return jsonType(v) == tt || (tt == "number" && jsonType(v) == "integer")
	case []any:
		return slices.ContainsFunc(tt, func(x any) bool { return typeMatches(x, v) })
	}
	return false
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func checkFormat(format, s string, fail func(string, ...any)) {
	switch format {
	case "date-time":
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			fail("%q is not an RFC 3339 date-time", s)
		}
	case "uri":
		if u, err := url.Parse(s); err != nil || u.Scheme == "" {
			fail("%q is not an absolute URI", s)
		}
	default:
		fail("the schema uses format %q, which this checker does not implement", format)
	}
}

// TestSchemaCheckerRefuses shows the checker catches what it must, so a
// pass against the real schema means something.
func TestSchemaCheckerRefuses(t *testing.T) {
	s := loadSchema(t, "ninjs-schema_2.2.json")
	for _, tc := range []struct {
		doc, want string
	}{
		{`{"type":"text"}`, `required property "uri" is missing`},
		{`{"uri":"urn:uuid:x","type":"story"}`, `is not one of`},
		{`{"uri":"urn:uuid:x","versioncreated":"yesterday"}`, `not an RFC 3339 date-time`},
		{`{"uri":"urn:uuid:x","credit":"VCG"}`, `property "credit" is not defined by the schema`},
		{`{"uri":"urn:uuid:x","associations":[{"uri":"urn:x"}]}`, `required property "name" is missing`},
		{`{"uri":"urn:uuid:x","people":[{"name":"A","contactinfo":[{"type":"email"}]}]}`, `oneOf`},
		{`{"uri":"urn:uuid:x","headlines":[{"value":3}]}`, `want type string`},
		{`{"uri":"urn:uuid:x","bodies":[{"value":"x","extra":1}]}`, `property "extra" is not allowed`},
	} {
		var doc any
		if err := json.Unmarshal([]byte(tc.doc), &doc); err != nil {
			t.Fatal(err)
		}
		errs := s.validate(doc)
		if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tc.want) }) {
			t.Errorf("%s: errors %q, want one containing %q", tc.doc, errs, tc.want)
		}
	}
	var ok any
	_ = json.Unmarshal([]byte(`{"uri":"urn:uuid:x","type":"text","headlines":[{"role":"main","value":"A"}]}`), &ok)
	if errs := s.validate(ok); len(errs) > 0 {
		t.Errorf("a minimal valid item is refused: %q", errs)
	}
}
