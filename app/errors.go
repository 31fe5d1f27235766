package app

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes shared by every layer. The UI and the CLI show ErrorMessage;
// logs get the whole wrapped chain.
const (
	EINVALID  = "invalid"  // the input breaks a rule; the message says which
	ENOTFOUND = "notfound" // no such article, revision or blob
	ECONFLICT = "conflict" // someone else saved first
	ELOCKED   = "locked"   // another process holds the store
	ESCHEMA   = "schema"   // the store was written by a newer Newsdesk
	EINTERNAL = "internal" // anything else: a bug or an I/O failure
)

// Error is a domain error with a code and a message meant for people.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error or *ValidationError in err's
// chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	var v *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &v):
		return EINVALID
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// FieldError is one broken rule, named by the field it concerns
// ("photos[1].credit") so that the UI can show it next to that field.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (f FieldError) String() string { return f.Field + ": " + f.Message }

// ValidationError lists every problem of an article at once, so an editor
// fixes them in one pass rather than one per save.
type ValidationError struct {
	Problems []FieldError
	// Subject names what is invalid; empty means "article".
	Subject string
}

// Title is the one-line heading of the problems: "invalid article".
func (v *ValidationError) Title() string {
	if v.Subject == "" {
		return "invalid article"
	}
	return "invalid " + v.Subject
}

func (v *ValidationError) Error() string {
	parts := make([]string, len(v.Problems))
	for i, p := range v.Problems {
		parts[i] = p.String()
	}
	return v.Title() + ": " + strings.Join(parts, "; ")
}

// For returns the problems concerning field and its sub-fields.
func (v *ValidationError) For(field string) []FieldError {
	var out []FieldError
	for _, p := range v.Problems {
		if p.Field == field || strings.HasPrefix(p.Field, field+".") || strings.HasPrefix(p.Field, field+"[") {
			out = append(out, p)
		}
	}
	return out
}
