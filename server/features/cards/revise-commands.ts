import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { openActivity } from '../presentation/activity-rules.js';
import { CARD_MAX_LENGTH, reviseCard } from './card-commands.js';
import { ownCards } from './card-state.js';

/**
 * Activity 4 (slide 22): revise the definition written earlier, or keep it, and write an
 * example card. Both are upserts, so a phone simply sends the wording it shows.
 *
 * The revision is a `card.revised` on the earlier card carrying this slide's number: the
 * earlier wording stays in the log and in the card's revisions. Someone who joined after
 * the definition activity writes their first definition here instead.
 */
export function reviseDefinition(state: SessionState, deck: Deck, participantId: string, slide: number, text: string, context: CommandContext) {
  const activity = openActivity(state, deck, slide, 'revise-and-example');
  const clean = cleanOrRefuse(cleanText(text, CARD_MAX_LENGTH));
  const mine = ownCards(state, participantId).filter((c) => c.wall === activity.revise.wall);
  const card = mine.find((c) => c.slide === activity.revise.from) ?? mine.find((c) => c.slide === slide);
  if (card) {
    return { events: reviseCard(card, clean, slide), response: { cardId: card.id } };
  }
  const cardId = context.newId();
  return { events: [event('card.written', { cardId, participantId, wall: activity.revise.wall, slide, text: clean })], response: { cardId } };
}

export function writeExample(state: SessionState, deck: Deck, participantId: string, slide: number, text: string, context: CommandContext) {
  const activity = openActivity(state, deck, slide, 'revise-and-example');
  const clean = cleanOrRefuse(cleanText(text, CARD_MAX_LENGTH));
  const card = ownCards(state, participantId).find((c) => c.wall === activity.example.wall && c.slide === slide);
  if (card) {
    return { events: reviseCard(card, clean, slide), response: { cardId: card.id } };
  }
  const cardId = context.newId();
  return { events: [event('card.written', { cardId, participantId, wall: activity.example.wall, slide, text: clean })], response: { cardId } };
}
