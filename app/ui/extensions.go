package ui

// extend is where views beyond the editor join the window, each with one
// line calling its installer (which uses the hooks in extend.go). It runs
// once, in New, after the menus exist and before the first load.
func (u *UI) extend() {
	installSettings(u) // settings: first, since it sets u.Author (settings_install.go)
	installSearch(u)   // search: full-text search over the list (search_install.go)
	installImport(u)   // import: File > Import… (importer_install.go)

	installHistory(u)      // copy desk: History tab (history_install.go)
	installAgenda(u)       // workflow: Agenda view (agenda_install.go)
	bulk := installBulk(u) // workflow: bulk status changes (bulk_install.go)

	installExport(u, bulk) // export: File > Export…, the bulk selection offered (exporter_install.go)
	installExportLog(u)    // export: the editor's Exports tab (exportlog_install.go)
}
