// Package assets embeds the files Newsdesk ships inside its binaries. It
// imports nothing from Fyne, so the headless CLI can use it as well.
package assets

import _ "embed"

// Icon is the 512x512 PNG application icon, also named in FyneApp.toml so
// that `fyne package` uses the same picture.
//
//go:embed icon.png
var Icon []byte

// IconName is the file name of Icon, for toolkits that want a named resource.
const IconName = "icon.png"
