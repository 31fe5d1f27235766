package portal

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"newsdesk/app"
)

// ninjsItem holds what the importer reads of an IPTC ninjs item, in both
// generations: 2.x (headlines, descriptions, bodies, by, subjects, people,
// associations as an array) and 1.x (headline, description_text/html,
// body_text/html, byline, subject, person, associations as an object).
type ninjsItem struct {
	URI            string `json:"uri"`
	GUID           string `json:"guid"`
	Type           string `json:"type"`
	VersionCreated string `json:"versioncreated"`
	FirstCreated   string `json:"firstcreated"`
	ContentCreated string `json:"contentcreated"`
	Embargoed      string `json:"embargoed"`
	PubStatus      string `json:"pubstatus"`
	Language       string `json:"language"`
	Slugline       string `json:"slugline"`
	Title          string `json:"title"`

	Headlines    []ninjsText `json:"headlines"`
	Descriptions []ninjsText `json:"descriptions"`
	Bodies       []ninjsText `json:"bodies"`
	By           string      `json:"by"`
	Located      string      `json:"located"`
	Subjects     []ninjsRef  `json:"subjects"`
	People       []ninjsRef  `json:"people"`
	InfoSources  []ninjsRef  `json:"infosources"`

	Headline        string     `json:"headline"`
	DescriptionText string     `json:"description_text"`
	DescriptionHTML string     `json:"description_html"`
	BodyText        string     `json:"body_text"`
	BodyHTML        string     `json:"body_html"`
	Byline          string     `json:"byline"`
	Subject         []ninjsRef `json:"subject"`
	Person          []ninjsRef `json:"person"`

	// Pictures: the credit line has no field of its own in the standard;
	// providers use creditline (Superdesk and others), by or byline, or
	// the copyright fields.
	CreditLine      string `json:"creditline"`
	CopyrightHolder string `json:"copyrightholder"`
	CopyrightNotice string `json:"copyrightnotice"`
	Name            string `json:"name"`

	Renditions   json.RawMessage `json:"renditions"`
	Associations json.RawMessage `json:"associations"`
}

// ninjsText is a headline, description or body of ninjs 2.x.
type ninjsText struct {
	Role        string `json:"role"`
	ContentType string `json:"contenttype"`
	Value       string `json:"value"`
}

// ninjsRef is a subject, person or info source.
type ninjsRef struct {
	Name        string             `json:"name"`
	Rel         string             `json:"rel"`
	Role        string             `json:"role"`
	Literal     string             `json:"literal"`
	Code        string             `json:"code"`
	URI         string             `json:"uri"`
	ContactInfo []ninjsContactInfo `json:"contactinfo"`
}

// ninjsContactInfo is one way to reach a person.
type ninjsContactInfo struct {
	Type  string `json:"type"`
	Role  string `json:"role"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// rawItem is one JSON value of the input and the line it starts on.
type rawItem struct {
	line int
	data json.RawMessage
}

// parseNinjs reads one ninjs object, an array of them, or one per line.
func parseNinjs(name, text, zone string, opt Options) ([]*Item, []Warning, error) {
	raws, err := splitJSON(name, []byte(text))
	if err != nil {
		return nil, nil, err
	}
	conv := &ninjsConv{file: name, zone: zone, section: strings.TrimSpace(opt.Section), agency: agencySet(opt.Agencies)}
	var items []*Item
	for _, r := range raws {
		it, err := conv.item(r)
		if err != nil {
			return nil, nil, err
		}
		if it != nil {
			items = append(items, it)
		}
	}
	return items, conv.warnings, nil
}

// splitJSON cuts the input into its items, remembering where each starts.
func splitJSON(name string, data []byte) ([]rawItem, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []rawItem
	for {
		start := skipSpace(data, int(dec.InputOffset()))
		var v json.RawMessage
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, jsonErr(name, data, start, err)
		}
		line, _ := position(data, start)
		switch v[0] {
		case '{':
			out = append(out, rawItem{line, v})
		case '[':
			elems, err := splitArray(name, data, start, v)
			if err != nil {
				return nil, err
			}
			out = append(out, elems...)
		default:
			return nil, app.Errorf(app.EINVALID, "%s line %d: expected a ninjs object {...}, an array of them, or one object per line; got %s", name, line, describeJSON(v))
		}
	}
	return out, nil
}

// splitArray returns the objects of an array that starts at data[base].
func splitArray(name string, data []byte, base int, arr json.RawMessage) ([]rawItem, error) {
	dec := json.NewDecoder(bytes.NewReader(arr))
	if _, err := dec.Token(); err != nil {
		return nil, jsonErr(name, data, base, err)
	}
	var out []rawItem
	for n := 1; dec.More(); n++ {
		start := skipSpace(arr, int(dec.InputOffset()))
		if start < len(arr) && arr[start] == ',' {
			start = skipSpace(arr, start+1)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, jsonErr(name, data, base+start, err)
		}
		line, _ := position(data, base+start)
		if v[0] != '{' {
			return nil, app.Errorf(app.EINVALID, "%s line %d: item %d of the array is %s, not a ninjs object {...}", name, line, n, describeJSON(v))
		}
		out = append(out, rawItem{line, v})
	}
	return out, nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// jsonErr turns a decoding error into one naming the file, line and column.
func jsonErr(name string, data []byte, base int, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, base+int(syn.Offset)-1)
		if strings.Contains(syn.Error(), "unexpected end") {
			return app.Errorf(app.EINVALID, "%s line %d: the JSON is cut off (it ends in the middle of a value)", name, line)
		}
		return app.Errorf(app.EINVALID, "%s line %d, column %d: invalid JSON: %v", name, line, col, syn)
	case errors.As(err, &typ):
		line, col := position(data, base+int(typ.Offset))
		field := typ.Field
		if field == "" {
			field = "the item"
		}
		return app.Errorf(app.EINVALID, "%s line %d, column %d: %s: expected %s, got JSON %s", name, line, col, field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, _ := position(data, len(data))
		return app.Errorf(app.EINVALID, "%s line %d: the JSON is cut off (it ends in the middle of a value)", name, line)
	}
	line, _ := position(data, base)
	return app.Errorf(app.EINVALID, "%s line %d: invalid JSON: %v", name, line, err)
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "slice", "array":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return goKind
}

func describeJSON(v json.RawMessage) string {
	switch v[0] {
	case '"':
		return "a string"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	case '[':
		return "an array"
	case '{':
		return "an object"
	}
	return "a number"
}

// decodeItem decodes one object, naming the field and line of a value of
// the wrong type (the syntax was checked when the input was split).
func decodeItem(name string, r rawItem, v any) error {
	err := json.Unmarshal(r.data, v)
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typ):
		line, _ := position(r.data, int(typ.Offset))
		field := typ.Field
		if field == "" {
			field = "value"
		}
		return app.Errorf(app.EINVALID, "%s line %d: %s: expected %s, got JSON %s", name, r.line+line-1, field, jsonKind(typ.Type.Kind().String()), typ.Value)
	}
	return app.Errorf(app.EINVALID, "%s line %d: %v", name, r.line, err)
}
