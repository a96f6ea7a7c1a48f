import type { PhoneSharedParts, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';

/**
 * The current slide's countdown, for every screen. Timers travel as server times (endsAt)
 * or a frozen remainder, never as a ticking number: screens count down locally against the
 * server's clock (GET /api/sessions/:code/timers/clock), so nothing streams every second.
 */
export function timerPart(state: SessionState): Pick<StaffParts & PhoneSharedParts, 'timer'> {
  const timer = state.timers.get(state.slide);
  return { timer: timer ? { ...timer } : null };
}
