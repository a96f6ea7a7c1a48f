import type { Activity, Deck } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';

export type TimerAction =
  | { action: 'start'; minutes?: number; label?: string }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'extend'; minutes?: number }
  | { action: 'end' };

/** How long a slide's timer runs when the lead starts it without saying: the deck decides. */
export function declaredTimer(activity: Activity | null): { minutes: number; label: string } | null {
  if (!activity) return null;
  if (activity.timer) return { minutes: activity.timer.minutes, label: activity.timer.label ?? '' };
  if (activity.kind === 'block-party') return { minutes: activity.roundMinutes, label: '' };
  return null;
}

/**
 * The lead runs a slide's countdown: start (the deck's minutes, or the lead's), pause,
 * resume, add time (a minute unless told) and end. Each is an event with the server's
 * time, so every screen — and a screen that reconnects later — computes the same time left.
 */
export function runTimer(state: SessionState, deck: Deck, slide: number, command: TimerAction) {
  const activity = deck.slides[slide - 1]?.activity ?? null;
  if (!deck.slides[slide - 1]) throw new DomainError(404, 'unknown_slide', `This deck has ${deck.slides.length} slides.`);
  const timer = state.timers.get(slide);
  const live = timer && !timer.ended;
  switch (command.action) {
    case 'start': {
      const declared = declaredTimer(activity);
      const minutes = command.minutes ?? declared?.minutes;
      if (!minutes) throw new DomainError(400, 'no_timer', `Slide ${slide} declares no timer: say how many minutes.`);
      // Only the lead's own words are recorded: the deck's label is worded by each view in its language.
      const label = command.label?.trim().slice(0, 40) ?? '';
      return done(slide, [event('timer.started', { slide, durationMs: Math.round(minutes * 60_000), label })]);
    }
    case 'pause':
      if (!live || !timer.running) throw new DomainError(409, 'timer_not_running', 'The timer is not running.');
      return done(slide, [event('timer.paused', { slide })]);
    case 'resume':
      if (!live) throw new DomainError(409, 'no_timer_running', 'There is no timer to resume: start one.');
      return done(slide, timer.running ? [] : [event('timer.resumed', { slide })]);
    case 'extend':
      if (!live) throw new DomainError(409, 'no_timer_running', 'There is no timer to extend: start one.');
      return done(slide, [event('timer.extended', { slide, ms: Math.round((command.minutes ?? 1) * 60_000) })]);
    case 'end':
      if (!live) throw new DomainError(409, 'no_timer_running', 'There is no timer to end.');
      return done(slide, [event('timer.ended', { slide })]);
  }
}

function done(slide: number, events: ReturnType<typeof event>[]) {
  return { events, response: { slide } };
}
