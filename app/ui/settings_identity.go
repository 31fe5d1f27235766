package ui

import (
	"errors"
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"newsdesk/app"
)

// Preference keys of the person at the keyboard (Fyne Preferences: they
// belong to the person, not to the newsroom's store).
const (
	prefIdentityName     = "identity.name"
	prefIdentityInitials = "identity.initials"
	prefTheme            = "theme"
)

// maxInitials bounds the initials shown beside revisions.
const maxInitials = 4

// Identity is who signs the revisions, autosaves and status moves made in
// this window: a display name and initials.
type Identity struct {
	Name     string
	Initials string
}

// LoadIdentity returns the identity kept in p; without one, fallback (the
// OS user's full name, as the window was opened with) and its initials.
func LoadIdentity(p fyne.Preferences, fallback string) Identity {
	id := Identity{
		Name:     strings.TrimSpace(p.String(prefIdentityName)),
		Initials: strings.TrimSpace(p.String(prefIdentityInitials)),
	}
	if id.Name == "" {
		id.Name = strings.TrimSpace(fallback)
	}
	if id.Initials == "" {
		id.Initials = InitialsOf(id.Name)
	}
	return id
}

// Validate refuses an identity that cannot sign a revision: a blank name,
// or initials that are blank or long.
func (id Identity) Validate() error {
	var probs []app.FieldError
	name := strings.TrimSpace(id.Name)
	switch {
	case name == "":
		probs = append(probs, app.FieldError{Field: "name", Message: "is required: revisions need someone to sign them"})
	case utf8.RuneCountInString(name) > app.MaxShortField:
		probs = append(probs, app.FieldError{Field: "name", Message: "is too long"})
	}
	switch n := utf8.RuneCountInString(strings.TrimSpace(id.Initials)); {
	case n == 0:
		probs = append(probs, app.FieldError{Field: "initials", Message: "are required"})
	case n > maxInitials:
		probs = append(probs, app.FieldError{Field: "initials", Message: "may have at most 4 characters"})
	}
	if len(probs) == 0 {
		return nil
	}
	return &app.ValidationError{Problems: probs, Subject: "identity"}
}

// SaveIdentity keeps id in p after validating it; an invalid identity is
// refused and p is left as it was.
func SaveIdentity(p fyne.Preferences, id Identity) error {
	if err := id.Validate(); err != nil {
		return err
	}
	p.SetString(prefIdentityName, strings.TrimSpace(id.Name))
	p.SetString(prefIdentityInitials, strings.TrimSpace(id.Initials))
	return nil
}

// InitialsOf suggests initials for a name: the first letter of each word
// of a Latin name ("Anna Berg" AB), a Chinese name as it is written when
// short ("李明"), else its first characters.
func InitialsOf(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	if first, _ := utf8.DecodeRuneInString(words[0]); unicode.Is(unicode.Han, first) {
		r := []rune(strings.Join(words, ""))
		return string(r[:min(len(r), 3)])
	}
	var b strings.Builder
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) && utf8.RuneCountInString(b.String()) < 3 {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// ThemeChoice is the light, dark or system appearance.
type ThemeChoice string

// Theme choices; the system's follows the desktop's setting.
const (
	ThemeSystem ThemeChoice = "system"
	ThemeLight  ThemeChoice = "light"
	ThemeDark   ThemeChoice = "dark"
)

// ParseThemeChoice accepts a choice; anything else is refused.
func ParseThemeChoice(s string) (ThemeChoice, error) {
	switch c := ThemeChoice(strings.ToLower(strings.TrimSpace(s))); c {
	case ThemeSystem, ThemeLight, ThemeDark:
		return c, nil
	}
	return "", errors.New("the theme is light, dark or system")
}

// LoadThemeChoice returns the theme kept in p, the system's by default.
func LoadThemeChoice(p fyne.Preferences) ThemeChoice {
	c, err := ParseThemeChoice(p.String(prefTheme))
	if err != nil {
		return ThemeSystem
	}
	return c
}

// ApplyTheme shows a in the chosen appearance, keeping the rest of the
// theme (fonts, sizes) as it is.
func ApplyTheme(a fyne.App, c ThemeChoice) {
	base := a.Settings().Theme()
	if v, ok := base.(variantTheme); ok {
		base = v.Theme
	}
	switch c {
	case ThemeLight:
		a.Settings().SetTheme(variantTheme{Theme: base, variant: theme.VariantLight})
	case ThemeDark:
		a.Settings().SetTheme(variantTheme{Theme: base, variant: theme.VariantDark})
	default:
		a.Settings().SetTheme(base)
	}
}

// variantTheme forces one variant of a theme's colours.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
