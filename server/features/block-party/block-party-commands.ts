import type { Deck } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';
import { event, type NewEvent } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { activityOn } from '../presentation/activity-rules.js';

/** The lead starts round N (default: the next), with the round's timer from the deck. */
export function startRound(state: SessionState, deck: Deck, slide: number, round?: number) {
  const activity = activityOn(deck, slide, 'block-party', `Slide ${slide} is not a Block Party.`);
  const next = round ?? (state.blockPartyRounds.get(slide) ?? 0) + 1;
  if (next > 50) throw new DomainError(400, 'invalid', 'That is a lot of rounds: at most 50.');
  // The round's timer has no label of its own: each screen words "Round N" in its language.
  const events: NewEvent[] = [
    event('blockparty.round.started', { slide, round: next }),
    event('timer.started', { slide, durationMs: Math.round((activity.timer?.minutes ?? activity.roundMinutes) * 60_000), label: '' }),
  ];
  return { events, response: { slide, round: next } };
}
