package main

import "fmt"

// export compares newsdeskctl export with Hugo; it needs the export
// command (issue 7), which this build may not have yet.
func (b *bench) export(sizes []int) error {
	if _, err := timeCmd(b.dir, "", b.ctl, "export", "-h"); err != nil {
		return fmt.Errorf("this newsdeskctl has no export command yet: %w", err)
	}
	return fmt.Errorf("the export comparison with Hugo is not written yet (sizes %v)", sizes)
}
