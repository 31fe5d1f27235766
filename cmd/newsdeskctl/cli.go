package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"
)

// Exit codes are part of the contract scripts rely on.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// env is what every command gets: the global options and the process's
// streams. Tests build it through run, never by hand, so they exercise the
// same parsing as a real invocation.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	storeDir string // empty: app.DefaultStoreDir
	json     bool
	author   string // empty: see authorName
	verbose  bool
	// lockWait is how long to wait for a store another process holds.
	lockWait time.Duration
}

// command is one verb of the CLI.
type command struct {
	name    string
	args    string // synopsis after the name, for usage lines
	summary string
	run     func(e *env, args []string) error
}

// commands lists the verbs in the order the reference shows them. It is
// built by a function, not a package variable, because the help command
// refers back to the list.
func commands() []command {
	return []command{
		{"put", "[--author NAME] [--message TEXT] FILE|-", "create or update an article from JSON (the shape show --json prints)", cmdPut},
		{"show", "ID [--rev N] [--json]", "print an article, or one of its revisions", cmdShow},
		{"list", "[--status S] [--section S] [--tag T] [--trash] [--limit N] [--json]", "list articles, newest update first", cmdList},
		{"log", "ID [--json]", "list the revisions of an article, newest first", cmdLog},
		{"search", "QUERY [--status S] [--section S] [--tag T] [--author-name NAME] [--limit N] [--json]", "find articles by words, \"phrases\" or Chinese words, ranked, with snippets", cmdSearch},
		{"reindex", "", "rebuild the search index from the articles", cmdReindex},
		{"diff", "ID REVA [REVB] [--format text|json|html]", "compare two revisions (or REVA with the current one), fields then words", cmdDiff},
		{"blame", "ID [--json]", "show who last changed each paragraph, and in which revision", cmdBlame},
		{"restore", "ID REV", "save a new revision equal to revision REV", cmdRestore},
		{"status", "ID... STATUS [--note TEXT]", "move articles through the workflow (draft, copyedit, ready, scheduled, published, killed)", cmdStatus},
		{"schedule", "ID --at TIME [--tz ZONE]", "schedule a ready article (TIME: \"2026-12-01 09:00\" in ZONE, or RFC 3339)", cmdSchedule},
		{"unschedule", "ID", "take a scheduled article back to ready", cmdUnschedule},
		{"agenda", "[--days N] [--tz ZONE] [--json]", "scheduled articles by day, with same-minute conflicts marked", cmdAgenda},
		{"publish-due", "[--now TIME] [--dry-run] [--wait DURATION] [--json]", "publish every scheduled article whose time has come (for cron)", cmdPublishDue},
		{"delete", "ID", "move an article to the Trash (its revisions are kept)", cmdDelete},
		{"undelete", "ID", "bring an article back from the Trash", cmdUndelete},
		{"backup", "FILE|- | --auto", "write the whole store to FILE (- for stdout); --auto: today's rotated backup", cmdBackup},
		{"load", "FILE|-", "fill an empty store from a backup", cmdLoad},
		{"import", "[--format auto|portal|ninjs] [--tz ZONE] [--section S] [--json] FILE...", "import portal section pages (text) or ninjs JSON; one transaction per file, a second import adds nothing", cmdImport},
		{"export", "[--profile NAME] [--to DIR|URL] [--status S] [--section S] [--tag T] [--since TIME] [--until TIME] [--ids ID,...] [--dry-run] [--json] [ID...]", "export ready, due and published stories to the portal (a folder, or an HTTP push of ninjs)", cmdExport},
		{"config", "list | get KEY | set KEY VALUE", "read or change the newsroom's settings (name, time zone, sections, tags, limits)", cmdConfig},
		{"check", "[--repair] [--json]", "verify the store (revision chains, chunks, photos, indexes); --repair rebuilds indexes", cmdCheck},
		{"demo", "", "fill an empty store with the sample newsroom", cmdDemo},
		{"version", "", "print the version", cmdVersion},
		{"help", "", "print this reference", cmdHelp},
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// usageError is a mistake in the command line itself; it exits 2 so that a
// script can tell "you called me wrong" from "the store said no".
type usageError struct {
	cmd string // empty for global usage
	msg string
}

func (u *usageError) Error() string { return u.msg }

func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

// run is the whole program; main only maps its result to the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}

	fs := flag.NewFlagSet("newsdeskctl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	e.globalFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printReference(stdout)
			return exitOK
		}
		return e.fail(usagef("", "%v", err))
	}
	if fs.NArg() == 0 {
		return e.fail(usagef("", "no command given"))
	}
	name := fs.Arg(0)
	c, ok := findCommand(name)
	if !ok {
		return e.fail(usagef("", "unknown command %q", name))
	}
	if err := c.run(e, fs.Args()[1:]); err != nil {
		return e.fail(err)
	}
	return exitOK
}

// globalFlags registers the options every command accepts, before or after
// its name: `newsdeskctl --json list` and `newsdeskctl list --json` agree.
func (e *env) globalFlags(fs *flag.FlagSet) {
	fs.StringVar(&e.storeDir, "store", e.storeDir, "store `DIR` (default $NEWSDESK_STORE, else the GUI's store)")
	fs.BoolVar(&e.json, "json", e.json, "print machine-readable JSON")
	fs.StringVar(&e.author, "author", e.author, "author `NAME` of the revisions written (default $NEWSDESK_AUTHOR, else your full name)")
	fs.BoolVar(&e.verbose, "verbose", e.verbose, "log what the store does to stderr")
}

// flags returns a flag set for command name that also knows the global flags.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	e.globalFlags(fs)
	return fs
}

// errHelpShown tells run that a command printed its own help: exit 0.
var errHelpShown = errors.New("help shown")

// parse parses flags anywhere among the arguments (`show ID --json` is what
// people type) and returns the positional arguments, checking their count.
// A "--" ends the flags: everything after it is positional, so a file named
// "-x" can still be given.
func (e *env) parse(fs *flag.FlagSet, args []string, minArgs, maxArgs int) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printCommandHelp(e.stdout, fs)
				return nil, errHelpShown
			}
			return nil, usagef(fs.Name(), "%v", err)
		}
		rest := fs.Args()
		consumed := args[:len(args)-len(rest)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	switch {
	case len(pos) < minArgs:
		return nil, usagef(fs.Name(), "missing arguments")
	case maxArgs >= 0 && len(pos) > maxArgs:
		return nil, usagef(fs.Name(), "too many arguments: %s", strings.Join(pos[maxArgs:], " "))
	}
	return pos, nil
}

// fail prints err the way its kind asks and returns the exit code.
func (e *env) fail(err error) int {
	var ue *usageError
	switch {
	case errors.Is(err, errHelpShown):
		return exitOK
	case errors.As(err, &ue):
		if c, ok := findCommand(ue.cmd); ok {
			fmt.Fprintf(e.stderr, "newsdeskctl %s: %s\n", c.name, ue.msg)
			fmt.Fprintf(e.stderr, "usage: %s\n", strings.TrimSpace("newsdeskctl "+c.name+" "+c.args))
		} else {
			fmt.Fprintf(e.stderr, "newsdeskctl: %s\n", ue.msg)
			fmt.Fprintln(e.stderr, "usage: newsdeskctl [--store DIR] [--json] [--author NAME] [--verbose] COMMAND [ARGS]")
		}
		fmt.Fprintln(e.stderr, "Run 'newsdeskctl help' for the command reference.")
		return exitUsage
	}
	fmt.Fprint(e.stderr, errorText(err))
	return exitError
}

func printCommandHelp(w io.Writer, fs *flag.FlagSet) {
	c, _ := findCommand(fs.Name())
	fmt.Fprintf(w, "usage: %s\n\n%s.\n\nFlags:\n", strings.TrimSpace("newsdeskctl "+c.name+" "+c.args), c.summary)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

func printReference(w io.Writer) {
	fmt.Fprint(w, `newsdeskctl: the Newsdesk store from the command line.

usage: newsdeskctl [--store DIR] [--json] [--author NAME] [--verbose] COMMAND [ARGS]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s\n", strings.TrimSpace(c.name+" "+c.args))
		fmt.Fprintf(w, "      %s\n", c.summary)
	}
	fmt.Fprint(w, `
Global flags (before or after the command):
  --store DIR    the store folder (default $NEWSDESK_STORE, else the GUI's store)
  --json         machine-readable output
  --author NAME  author of the revisions written (default $NEWSDESK_AUTHOR,
                 else your full name from the system)
  --verbose      log what the store does to stderr

put prints "<id> <revision>"; putting back an unchanged article writes no
revision and prints the current one. A "revision" in the JSON is the one the
edit started from: if someone saved since, put fails with a conflict.

Flags may follow arguments: 'newsdeskctl show ID --json'. Results go to
stdout, messages to stderr. Exit status: 0 success, 1 error, 2 usage error.
Run 'newsdeskctl COMMAND -h' for a command's flags.
`)
}

func cmdHelp(e *env, args []string) error {
	fs := e.flags("help")
	pos, err := e.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if len(pos) == 1 {
		c, ok := findCommand(pos[0])
		if !ok {
			return usagef("help", "unknown command %q", pos[0])
		}
		return c.run(e, []string{"-h"})
	}
	printReference(e.stdout)
	return nil
}
