package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// StartScheduler starts publishing scheduled stories while win is open:
// missed schedules are confirmed in a dialog on win (or published at once
// when the newsroom chose so), and every publication or failure raises a
// desktop notification. onReport (may be nil) is told after each run that
// published or failed something, so that the list reloads. Stop the
// scheduler when the window closes.
func StartScheduler(win fyne.Window, svc *app.Service, author string, onReport func(*app.DueReport)) *Scheduler {
	s := NewScheduler(svc, author)
	s.OnMissed = func(missed []MissedStory) { showMissedDialog(win, s, svc, missed) }
	s.OnReport = onReport
	s.Start()
	return s
}

// showMissedDialog lists the stories that fell due while Newsdesk was
// closed and asks whether to publish them now. "Not now" keeps them (and
// the stories due after them) waiting; unscheduling them releases the
// rest. The check box makes the answer the newsroom's setting.
func showMissedDialog(win fyne.Window, s *Scheduler, svc *app.Service, missed []MissedStory) dialog.Dialog {
	lines := make([]string, len(missed))
	for i, m := range missed {
		when := "(time unknown)"
		if !m.ScheduledAt.IsZero() {
			when = m.ScheduledAt.Format(scheduleLayout)
		}
		lines[i] = fmt.Sprintf("%s — due %s", headlineOrPlaceholder(m.Headline), when)
	}
	list := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[id]) },
	)
	intro := &widget.Label{Wrapping: fyne.TextWrapWord, Text: fmt.Sprintf(
		"%s fell due while Newsdesk was closed. Publish now? Until you do, or unschedule them, scheduled publishing waits.",
		storyCount(len(missed)))}
	always := widget.NewCheck("From now on, publish missed stories without asking", nil)
	content := container.NewBorder(intro, always, nil, nil, list)
	d := dialog.NewCustomConfirm("Missed schedules", "Publish now", "Not now", content, func(ok bool) {
		if always.Checked {
			s.savePolicy(svc, MissedPublish)
		}
		if ok {
			s.PublishMissed()
		}
	}, win)
	d.Resize(fyne.NewSize(620, min(220+float32(len(lines))*40, 520)))
	d.Show()
	return d
}

// savePolicy stores the policy. It is one small write (well under a
// millisecond), done when the dialog closes, so it runs right here.
func (s *Scheduler) savePolicy(svc *app.Service, p MissedPolicy) {
	if err := SaveMissedPolicy(context.Background(), svc, p); err != nil {
		s.log.Error("scheduler: save policy", "err", err)
	}
}
