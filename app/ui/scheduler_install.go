package ui

import "newsdesk/app"

// StartScheduler publishes scheduled stories while the window is open
// (see Scheduler): missed schedules are confirmed in a dialog, each
// publication raises a notification and reloads the list, and it stops
// when the window closes. cmd/newsdesk calls it after New; the window's
// tests do not, so that no wall clock publishes behind their back.
func (u *UI) StartScheduler() *Scheduler {
	s := newScheduler(u.svc, u.opts.Author, wallClock{}, u.opts.do)
	s.OnMissed = func(m []MissedStory) { showMissedDialog(u.win, s, u.svc, m) }
	s.OnReport = func(*app.DueReport) { u.Refresh() }
	s.Start()
	u.OnClose(s.Stop)
	return s
}
