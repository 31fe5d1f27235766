package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// MaxArticleJSON bounds what DecodeArticle reads: the largest body plus room
// for every other field. Anything larger is refused before parsing.
const MaxArticleJSON = MaxBodyBytes + 4<<20

// DecodeArticle reads one article in the JSON shape `show --json` prints.
// Errors name the field and, for syntax errors, the line and column, so that
// a script author can fix the input without guessing. Unknown fields are
// refused: a typo ("headlin") must not silently drop a change.
func DecodeArticle(r io.Reader) (*Article, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxArticleJSON+1))
	if err != nil {
		return nil, fmt.Errorf("read article JSON: %w", err)
	}
	if len(data) > MaxArticleJSON {
		return nil, Errorf(EINVALID, "article JSON is larger than %d bytes", MaxArticleJSON)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errorf(EINVALID, "article JSON is empty")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, jsonError(data, err)
	}
	if raw == nil {
		// "null" would otherwise decode into an empty article and create
		// a blank draft.
		return nil, Errorf(EINVALID, "article JSON must be an object {...}, got null")
	}
	// Check times one by one: encoding/json reports a bad time without
	// saying which field held it.
	for _, f := range []string{"scheduled_at", "published_at", "embargo_until", "created_at", "updated_at"} {
		v, ok := raw[f]
		if !ok || string(v) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, Errorf(EINVALID, "%s: expected an RFC 3339 time string, got %s", f, clip(string(v)))
		}
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return nil, Errorf(EINVALID, "%s: %q is not a valid RFC 3339 time (like 2026-12-01T09:00:00+08:00): %v", f, clip(s), timeReason(err))
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var a Article
	if err := dec.Decode(&a); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		return nil, Errorf(EINVALID, "article JSON has more than one value")
	}
	return &a, nil
}

func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		if strings.Contains(syn.Error(), "unexpected end") {
			line, col := position(data, syn.Offset)
			return Errorf(EINVALID, "article JSON is truncated: it ends at line %d, column %d in the middle of a value", line, col)
		}
		// Offset counts the offending byte as read; point at it.
		line, col := position(data, syn.Offset-1)
		return Errorf(EINVALID, "article JSON line %d, column %d: %v", line, col, syn)
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		if typ.Field == "" {
			return Errorf(EINVALID, "article JSON must be an object {...}, got JSON %s", typ.Value)
		}
		return Errorf(EINVALID, "%s: expected %s, got JSON %s (line %d, column %d)", typ.Field, describeType(typ.Type), typ.Value, line, col)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(EINVALID, "article JSON is truncated (unexpected end of input)")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return Errorf(EINVALID, "unknown field %s in article JSON: check its spelling against `newsdeskctl show --json`", name)
	}
	return Errorf(EINVALID, "article JSON: %v", err)
}

// describeType names a Go type in JSON terms: "app.Status" or "[]app.Photo"
// mean nothing to someone writing JSON by hand.
func describeType(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		if t == reflect.TypeFor[time.Time]() {
			return "an RFC 3339 time string"
		}
		return "an object"
	case reflect.Pointer:
		return describeType(t.Elem())
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.String()
}

// position turns a byte offset into a line and a column counted in
// characters, as editors show them (Chinese text has 3 bytes a character).
func position(data []byte, off int64) (line, col int) {
	off = max(0, min(off, int64(len(data))))
	line, col = 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// timeReason drops the layout noise from time.ParseError.
func timeReason(err error) string {
	var pe *time.ParseError
	if errors.As(err, &pe) && len(pe.Message) > 2 {
		return pe.Message[2:] // ": day out of range" -> "day out of range"
	}
	return err.Error()
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
