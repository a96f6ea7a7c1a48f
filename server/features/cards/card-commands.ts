import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event, type NewEvent } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { isActivityOpen, openActivity } from '../presentation/activity-rules.js';
import { ownCards, type Card } from './card-state.js';

export const CARD_MAX_LENGTH = 500;

/**
 * The most wordings one card keeps (its first and 49 edits). Every edit stays in the log
 * and the card's history, so without a cap a few phones editing at their allowed rate
 * grew the server's memory by megabytes a minute; a person revising by hand never needs
 * this many.
 */
export const CARD_MAX_REVISIONS = 50;

/** The event that changes a card's wording to `text` (none if it already reads so), within CARD_MAX_REVISIONS. */
export function reviseCard(card: Card, text: string, slide: number): NewEvent[] {
  if (card.text === text) return [];
  if (card.revisions.length >= CARD_MAX_REVISIONS) {
    throw new DomainError(409, 'revision_limit', `This card has been changed ${CARD_MAX_REVISIONS} times, the most a card may be; it keeps its current wording.`);
  }
  return [event('card.revised', { cardId: card.id, text, slide })];
}

export type CardInput = { slide: number; text: string } | { slide: number; front: string; back: string };

/**
 * A participant writes one card per activity (the guide: each person writes a card);
 * they edit or withdraw it rather than write a second. A two-sided card becomes two
 * cards that share a pair id, one on each side's wall, because the room votes on
 * definitions and examples on separate walls.
 */
export function writeCard(state: SessionState, deck: Deck, participantId: string, input: CardInput, context: CommandContext) {
  const activity = openActivity(state, deck, input.slide, 'card', 'two-sided-card');
  const mine = ownCards(state, participantId).filter((c) => c.slide === input.slide);
  if (mine.length > 0) throw new DomainError(409, 'already_written', 'You already wrote a card here. Edit it instead.');
  const events: NewEvent[] = [];
  if (activity.kind === 'card') {
    if (!('text' in input)) throw new DomainError(400, 'invalid', 'This card has one side: send "text".');
    const cardId = context.newId();
    events.push(event('card.written', { cardId, participantId, wall: activity.wall, slide: input.slide, text: cleanOrRefuse(cleanText(input.text, CARD_MAX_LENGTH)) }));
    return { events, response: { cardIds: [cardId] } };
  }
  if (!('front' in input)) throw new DomainError(400, 'invalid', 'This card has two sides: send "front" and "back".');
  const front = cleanOrRefuse(cleanText(input.front, CARD_MAX_LENGTH));
  const back = cleanOrRefuse(cleanText(input.back, CARD_MAX_LENGTH));
  const pairId = context.newId();
  const frontId = context.newId();
  const backId = context.newId();
  events.push(
    event('card.written', { cardId: frontId, participantId, wall: activity.front.wall, slide: input.slide, text: front, pairId }),
    event('card.written', { cardId: backId, participantId, wall: activity.back.wall, slide: input.slide, text: back, pairId }),
  );
  return { events, response: { cardIds: [frontId, backId] } };
}

export function editCard(state: SessionState, participantId: string, cardId: string, text: string) {
  const card = ownCard(state, participantId, cardId);
  if (!isActivityOpen(state, card.slide)) throw new DomainError(409, 'activity_closed', 'This activity is closed, so the card can no longer change.');
  const clean = cleanOrRefuse(cleanText(text, CARD_MAX_LENGTH));
  return { events: reviseCard(card, clean, card.slide), response: { cardId } };
}

/** Withdrawing one side of a two-sided card withdraws the whole card. */
export function withdrawCard(state: SessionState, participantId: string, cardId: string) {
  const card = ownCard(state, participantId, cardId);
  if (!isActivityOpen(state, card.slide)) throw new DomainError(409, 'activity_closed', 'This activity is closed, so the card can no longer be withdrawn.');
  const withdrawn = card.pairId ? ownCards(state, participantId).filter((c) => c.pairId === card.pairId) : [card];
  return { events: withdrawn.map((c) => event('card.withdrawn', { cardId: c.id })), response: { cardIds: withdrawn.map((c) => c.id) } };
}

export function setCardHidden(state: SessionState, cardId: string, hidden: boolean) {
  const card = state.cards.get(cardId);
  if (!card || card.withdrawn) throw new DomainError(404, 'unknown_card', 'There is no such card.');
  return { events: card.hidden === hidden ? [] : [event('card.hidden', { cardId, hidden })], response: { cardId, hidden } };
}

/** Another person's card answers 404, exactly like a card that does not exist: ids reveal nothing. */
function ownCard(state: SessionState, participantId: string, cardId: string): Card {
  const card = state.cards.get(cardId);
  if (!card || card.withdrawn || card.authorId !== participantId) throw new DomainError(404, 'unknown_card', 'You have no such card.');
  return card;
}
