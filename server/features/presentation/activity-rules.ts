import type { ActivityKind, ActivityOf, Deck } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';
import type { SessionState } from '../../domain/session-state.js';

/**
 * An activity takes answers once the deck has reached its slide, until a facilitator
 * closes it. It stays open after the deck moves on, so a phone that was offline can
 * still deliver the card it wrote.
 */
export function isActivityOpen(state: SessionState, slide: number): boolean {
  return state.slideHistory.some((s) => s.slide === slide) && !state.closedSlides.has(slide);
}

/** The activity of the given kind on `slide`, open for input, or a clear refusal. */
export function openActivity<K extends ActivityKind>(state: SessionState, deck: Deck, slide: number, ...kinds: K[]): ActivityOf<K> {
  const activity = deck.slides[slide - 1]?.activity;
  if (!activity || !(kinds as string[]).includes(activity.kind)) {
    throw new DomainError(400, 'wrong_activity', `Slide ${slide} does not ask for this.`);
  }
  if (!isActivityOpen(state, slide)) {
    throw new DomainError(409, 'activity_closed', `The activity on slide ${slide} is not open.`);
  }
  return activity as ActivityOf<K>;
}

/** The activity of one kind on `slide`, whether or not it is open (facilitators' moves), or a refusal. */
export function activityOn<K extends ActivityKind>(deck: Deck, slide: number, kind: K, refusal: string): ActivityOf<K> {
  const activity = deck.slides[slide - 1]?.activity;
  if (activity?.kind !== kind) throw new DomainError(400, 'wrong_activity', refusal);
  return activity as ActivityOf<K>;
}
