package ui

import (
	"context"
	"sync"
)

// job is a piece of background work and what to draw when it is done.
type job struct {
	work func(ctx context.Context)
	done func()
}

// jobQueue runs jobs one at a time in the order they were asked for. Two
// quick clicks start two loads; run side by side, the first could finish
// last and put the wrong article on screen. In order, the last click wins.
type jobQueue struct {
	mu      sync.Mutex
	pending []job
	running bool
}

// background runs work off the UI goroutine, after the work asked for
// before it, and then done on the UI goroutine, unless the window was
// closed meanwhile. Errors reach the screen through the controller's state,
// which done draws.
func (u *UI) background(work func(ctx context.Context), done func()) {
	u.wg.Add(1)
	q := &u.jobs
	q.mu.Lock()
	q.pending = append(q.pending, job{work, done})
	start := !q.running
	q.running = true
	q.mu.Unlock()
	if start {
		go u.runJobs()
	}
}

func (u *UI) runJobs() {
	q := &u.jobs
	for {
		q.mu.Lock()
		if len(q.pending) == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		j := q.pending[0]
		q.pending = q.pending[1:]
		q.mu.Unlock()

		j.work(u.ctx)
		if u.ctx.Err() == nil {
			u.opts.do(func() {
				if u.ctx.Err() == nil {
					j.done()
				}
			})
		}
		u.wg.Done()
	}
}
