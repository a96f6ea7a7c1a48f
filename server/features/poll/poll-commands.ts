import type { Deck } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { openActivity } from '../presentation/activity-rules.js';

/** A vote replaces the person's earlier vote, so changing one's mind never counts twice. */
export function vote(state: SessionState, deck: Deck, participantId: string, slide: number, choices: string[]) {
  const poll = openActivity(state, deck, slide, 'poll');
  const unique = [...new Set(choices)];
  if (unique.length === 0) throw new DomainError(400, 'invalid', 'Choose at least one answer.');
  if (!poll.multiple && unique.length > 1) throw new DomainError(400, 'invalid', 'Choose one answer.');
  const known = new Set(poll.choices.map((c) => c.id));
  const unknown = unique.find((id) => !known.has(id));
  if (unknown !== undefined) throw new DomainError(400, 'unknown_choice', `"${unknown.slice(0, 40)}" is not one of the answers.`);
  const ordered = poll.choices.map((c) => c.id).filter((id) => unique.includes(id));
  const before = state.polls.get(slide)?.votes.get(participantId);
  const same = before && before.length === ordered.length && before.every((id, i) => id === ordered[i]);
  return { events: same ? [] : [event('poll.voted', { slide, participantId, choices: ordered })], response: { slide, choices: ordered } };
}

export function revealPoll(state: SessionState, deck: Deck, slide: number, revealed: boolean) {
  if (deck.slides[slide - 1]?.activity?.kind !== 'poll') throw new DomainError(400, 'wrong_activity', `Slide ${slide} has no poll.`);
  const same = (state.polls.get(slide)?.revealed ?? false) === revealed;
  return { events: same ? [] : [event('poll.revealed', { slide, revealed })], response: { slide, revealed } };
}

/** Votes per choice (every choice of the deck's, 0 if nobody chose it) and how many voted, as the reducers counted them. */
export function pollTally(state: SessionState, deck: Deck, slide: number): { voters: number; counts: Record<string, number> } {
  const activity = deck.slides[slide - 1]?.activity;
  const counts: Record<string, number> = {};
  if (activity?.kind === 'poll') for (const c of activity.choices) counts[c.id] = 0;
  const poll = state.polls.get(slide);
  for (const [id, count] of poll?.counts ?? []) if (count > 0 || id in counts) counts[id] = count;
  return { voters: poll?.votes.size ?? 0, counts };
}
