package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
	"newsdesk/app/export"
)

// portalForm is the Settings window's Portal tab: the export profiles
// (target folder or URL, site title, base URL, blurb, footer, date format,
// and the name of the environment variable holding a push token, never
// the token). It saves on its own button: profiles are a separate setting
// from the newsroom's.
type portalForm struct {
	svc *app.Service
	run runner
	ps  *export.Profiles
	cur int // index of the profile shown

	pick                                               *widget.Select
	target, title, baseURL, blurb, footer, date, token *widget.Entry
	status                                             *widget.Label
	save                                               *widget.Button
	root                                               fyne.CanvasObject
}

func newPortalForm(svc *app.Service, run runner) *portalForm {
	f := &portalForm{svc: svc, run: run}
	f.pick = widget.NewSelect(nil, func(name string) { f.show(name) })
	entry := func(hint string) *widget.Entry { return &widget.Entry{PlaceHolder: hint} }
	f.target = entry(`"portal" (a folder beside the store), /srv/www/news, or https://portal.example/api`)
	f.title, f.baseURL = entry("Site title"), entry("https://news.example.com/")
	f.blurb, f.footer = entry("A line under the title"), entry("Footer text")
	f.date, f.token = entry(export.DefaultDateFormat), entry("PORTAL_TOKEN (the variable's name, not the token)")
	f.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	f.save = &widget.Button{Text: "Save portal profile", Icon: theme.DocumentSaveIcon(), OnTapped: f.onSave}
	f.save.Disable()
	f.root = container.NewVBox(
		settingsHeading("Portal profiles"),
		explain("Where File > Export and scheduled publishing send stories, and how the portal looks. A token for an HTTP portal is read from the environment variable named here; it is never stored."),
		portalRow("Profile", f.pick),
		portalRow("Target", f.target),
		portalRow("Site title", f.title),
		portalRow("Base URL", f.baseURL),
		portalRow("Blurb", f.blurb),
		portalRow("Footer", f.footer),
		portalRow("Date format", f.date),
		portalRow("Token variable", f.token),
		f.status, f.save,
	)
	f.load()
	return f
}

func (f *portalForm) load() {
	var ps *export.Profiles
	var err error
	f.run(func(ctx context.Context) { ps, err = export.LoadProfiles(ctx, f.svc.Store) }, func() {
		if err != nil {
			showNote(f.status, err.Error())
			return
		}
		f.ps = ps
		var names []string
		for _, p := range ps.Profiles {
			names = append(names, p.Name)
		}
		f.pick.Options = names
		f.pick.SetSelected(ps.Default)
		f.save.Enable()
	})
}

// show fills the fields from the named profile.
func (f *portalForm) show(name string) {
	if f.ps == nil {
		return
	}
	for i, p := range f.ps.Profiles {
		if p.Name == name {
			f.cur = i
			f.target.SetText(p.Target)
			f.title.SetText(p.Title)
			f.baseURL.SetText(p.BaseURL)
			f.blurb.SetText(p.Blurb)
			f.footer.SetText(p.Footer)
			f.date.SetText(p.DateFormat)
			f.token.SetText(p.TokenEnv)
		}
	}
}

func (f *portalForm) onSave() {
	if f.ps == nil {
		return
	}
	edited := export.Profiles{Default: f.ps.Default, Profiles: append([]export.Profile(nil), f.ps.Profiles...)}
	p := &edited.Profiles[f.cur]
	p.Target, p.Title, p.BaseURL = f.target.Text, f.title.Text, f.baseURL.Text
	p.Blurb, p.Footer, p.DateFormat, p.TokenEnv = f.blurb.Text, f.footer.Text, f.date.Text, f.token.Text
	var err error
	f.run(func(ctx context.Context) { err = export.SaveProfiles(ctx, f.svc.Store, &edited) }, func() {
		if err != nil {
			f.status.Importance = widget.DangerImportance
			showNote(f.status, "Not saved: "+err.Error())
			return
		}
		f.ps = &edited
		f.status.Importance = widget.SuccessImportance
		showNote(f.status, "Saved profile "+p.Name+".")
	})
}

// portalRow puts a label to the left of a field (the form has no per-field
// notes: the profile is checked as a whole on save).
func portalRow(label string, field fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(label), nil, field)
}
