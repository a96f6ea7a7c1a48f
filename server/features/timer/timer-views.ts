import type { PhoneSharedParts, StaffParts } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import { declaredTimer } from './timer-commands.js';

/**
 * The current slide's countdown, for every screen. Timers travel as server times (endsAt)
 * or a frozen remainder, never as a ticking number: screens count down locally against the
 * server's clock (GET /api/sessions/:code/timers/clock), so nothing streams every second.
 *
 * Its words travel as data each screen words in its reader's language: the lead's own label
 * as typed, else the deck's label for the slide (in the language of `deck`), and a Block
 * Party round as its number (the screen writes "Round 2" / "Ronda 2").
 */
export function timerPart(state: SessionState, deck: Deck): Pick<StaffParts & PhoneSharedParts, 'timer'> {
  const timer = state.timers.get(state.slide);
  if (!timer) return { timer: null };
  const activity = deck.slides[timer.slide - 1]?.activity ?? null;
  // Logs written before rounds travelled as numbers recorded "Round N" as the label.
  const recordedRound = /^Round (\d+)$/.exec(timer.label);
  const round = recordedRound ? Number(recordedRound[1]) : !timer.label && activity?.kind === 'block-party' ? (state.blockPartyRounds.get(timer.slide) ?? null) : null;
  const label = recordedRound ? '' : timer.label || declaredTimer(activity)?.label || '';
  return { timer: { ...timer, label, round } };
}
