// Command newsdesk is the Newsdesk desktop application: it opens the store
// and shows the newsroom window. Everything else lives in package app (the
// domain), store (Badger) and app/ui (the views); this file only wires the
// concrete parts together.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"os/user"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app" // our domain package is also named app
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
	"newsdesk/app/export"
	"newsdesk/app/ui"
	"newsdesk/assets"
	"newsdesk/store"
)

// AppID must match FyneApp.toml: Fyne keys preferences and storage on it,
// and a plain `go build` does not read the toml.
const AppID = "io.newsdesk.app"

// Version is the release shown in the About box; it must match Version in
// FyneApp.toml (a test checks), which `fyne package` reads.
const Version = "0.1.0"

// version is linked in by `make build` (-X main.version=..., read from
// FyneApp.toml); a plain go build leaves it empty and Version applies.
var version = ""

func appVersion() string {
	if version != "" {
		return version
	}
	return Version
}

func main() { os.Exit(run()) }

func run() int {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))

	defDir, defErr := app.DefaultStoreDir()
	dir := flag.String("store", defDir, "store folder: $"+app.StoreEnv+", else a newsdesk folder in the user data directory")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "newsdesk: unexpected arguments %q\n", flag.Args())
		flag.Usage()
		return 2
	}

	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource(assets.IconName, assets.Icon))

	if *dir == "" {
		return fatal(a, fmt.Sprintf("cannot choose a store folder: %v; pass --store DIR", defErr))
	}
	st, err := store.Open(*dir)
	if err != nil {
		slog.Error("open store", "dir", *dir, "err", err)
		msg := userMessage(err)
		if app.ErrorCode(err) == app.ELOCKED {
			msg += "\n\nNewsdesk will not open a store another program is using, to keep it from being corrupted."
		}
		return fatal(a, msg)
	}
	defer func() {
		if err := st.Close(); err != nil {
			slog.Error("close store", "dir", st.Path(), "err", err)
		}
	}()

	// The title names the newsroom once its settings are read (the store's
	// folder is in the status bar); until then, the app.
	w := a.NewWindow(ui.WindowTitle(""))
	w.Resize(fyne.NewSize(1200, 760))
	w.SetMaster()
	svc := app.NewService(st)
	// Stories published on schedule go to the portal of the default
	// profile (a "portal" folder beside the store on a fresh install).
	svc.Publisher = &export.Publisher{Exporter: &export.Exporter{Store: st, StoreDir: st.Path(), Log: slog.Default()}}
	u := ui.New(a, w, svc, ui.Options{Author: author(), Version: appVersion()})
	u.StartScheduler() // publishes due stories while the window is open; stops with u.Close

	stop := quitOnSignal(a)
	w.ShowAndRun()
	stop()
	u.Close()
	return 0
}

// quitOnSignal makes SIGINT and SIGTERM quit the app as the menu does, so
// that ShowAndRun returns and the store is closed (flushed, lock dropped)
// rather than the process dying with it open. Call stop once ShowAndRun
// has returned.
func quitOnSignal(a fyne.App) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		if s, ok := <-sig; ok {
			// A second signal takes the default action: a hung shutdown
			// can still be interrupted.
			signal.Stop(sig)
			slog.Info("quitting on signal", "signal", s.String())
			fyne.Do(a.Quit)
		}
	}()
	return func() {
		signal.Stop(sig)
		close(sig)
	}
}

// fatal reports a startup failure on stderr and in a small window, since a
// desktop launch has no terminal to read, and returns the exit code.
func fatal(a fyne.App, msg string) int {
	fmt.Fprintln(os.Stderr, "newsdesk: "+msg)
	w := a.NewWindow("Newsdesk — cannot open the store")
	quit := &widget.Button{Text: "Quit", Icon: theme.CancelIcon(), Importance: widget.HighImportance, OnTapped: a.Quit}
	// The scroller keeps the wrapped message from dictating the window's
	// height (a wrapped label asks for a word per line before layout).
	text := container.NewVScroll(&widget.Label{Text: msg, Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), quit), nil, nil, text)))
	w.Resize(fyne.NewSize(600, 240))
	stop := quitOnSignal(a)
	w.ShowAndRun()
	stop()
	return 1
}

// userMessage is the part of err meant for people; the log has the chain.
func userMessage(err error) string {
	var e *app.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// author names the person at the keyboard for the revisions the window
// writes: the account's full name, else its login.
func author() string {
	if u, err := user.Current(); err == nil {
		if name := strings.TrimSpace(strings.SplitN(u.Name, ",", 2)[0]); name != "" {
			return name
		}
		if u.Username != "" {
			return u.Username
		}
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "newsdesk"
}
