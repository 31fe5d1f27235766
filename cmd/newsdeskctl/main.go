// Command newsdeskctl is Newsdesk's headless CLI: it reads and writes the same
// store as the GUI, for producers and scripts. It must not import Fyne and
// builds with CGO_ENABLED=0, so it runs on servers without a display.
//
// Run `newsdeskctl help` for the command reference.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
