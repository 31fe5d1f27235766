package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// deskRunner runs the copy desk's store work (history, diffs, blame,
// transitions, the scheduler's reports) off the UI goroutine and hands each
// result back to it through do. Close cancels the work's context and waits,
// so that a closing window never has a goroutine touching a closed store.
type deskRunner struct {
	ctx    context.Context
	cancel context.CancelFunc
	do     func(func())
	wg     sync.WaitGroup
	// queue, when set, runs the work in the main window's background
	// queue instead (see runnerFor): it then stops with the window.
	queue func(work func(ctx context.Context), done func())
}

// newDeskRunner returns a runner reporting through do; nil means fyne.Do.
// Tests pass their own event loop, since Fyne's test driver would run the
// function on the background goroutine.
func newDeskRunner(do func(func())) *deskRunner {
	if do == nil {
		do = fyne.Do
	}
	r := &deskRunner{do: do}
	r.ctx, r.cancel = context.WithCancel(context.Background())
	return r
}

// run calls work on a new goroutine and then, on the UI goroutine, the
// function work returns (nil: nothing to draw). Nothing is drawn once the
// runner is closed.
func (r *deskRunner) run(work func(ctx context.Context) func()) {
	if r.ctx.Err() != nil {
		return
	}
	if r.queue != nil {
		var done func()
		r.queue(func(ctx context.Context) { done = work(ctx) }, func() {
			if done != nil {
				done()
			}
		})
		return
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		done := work(r.ctx)
		if done == nil || r.ctx.Err() != nil {
			return
		}
		r.do(func() {
			if r.ctx.Err() == nil {
				done()
			}
		})
	}()
}

// close stops the runner and waits for the work in flight, so that the
// caller may close the store next. Results not yet drawn are dropped.
func (r *deskRunner) close() {
	r.cancel()
	r.wg.Wait()
}

// runnerFor returns a runner on the main window's background queue: the
// window's Close then cancels and waits for it, and its tests see the work
// finish with their own.
func runnerFor(u *UI) *deskRunner {
	r := newDeskRunner(u.opts.do)
	r.queue = u.Background
	return r
}
