package ui

import (
	"sync"
	"time"
)

// AutosaveDelay is how long the editor waits after the last edit before
// writing the recovery slot: a pause in typing, not every keystroke.
const AutosaveDelay = 3 * time.Second

// debouncer runs f on the UI goroutine once no poke has come for delay:
// the way to do per-edit work (recovery slots, counts) at typing pauses
// rather than per keystroke.
type debouncer struct {
	delay time.Duration
	do    func(func())
	f     func()

	mu      sync.Mutex
	timer   *time.Timer
	stopped bool
}

func newDebouncer(delay time.Duration, do func(func()), f func()) *debouncer {
	return &debouncer{delay: delay, do: do, f: f}
}

// poke (re)starts the wait.
func (d *debouncer) poke() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.delay, func() {
		d.mu.Lock()
		stopped := d.stopped
		d.mu.Unlock()
		if !stopped {
			d.do(d.f)
		}
	})
}

// cancel drops a waiting run (the work was just done another way).
func (d *debouncer) cancel() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// stop cancels a waiting run for good.
func (d *debouncer) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopped = true
	if d.timer != nil {
		d.timer.Stop()
	}
}
