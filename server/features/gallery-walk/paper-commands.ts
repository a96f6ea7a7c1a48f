import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { requireGroup } from '../participants/participant-commands.js';
import { event, type NewEvent, type StakeholderGroup } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { CARD_MAX_LENGTH } from '../cards/card-commands.js';

/**
 * A card written on paper by someone without a phone, typed in by a facilitator. It goes
 * on the wall like any other and is marked paper in the exports. Its slide is the latest
 * slide shown that writes to that wall (else the deck's first), so it sits beside the
 * phones' cards of the same activity.
 */
export function writePaperCard(state: SessionState, deck: Deck, wall: string, text: string, group: StakeholderGroup | undefined, context: CommandContext) {
  if (!deck.walls.some((w) => w.id === wall)) throw new DomainError(404, 'unknown_wall', `This deck has no wall "${wall}".`);
  if (group) requireGroup(deck, group);
  const writers = deck.slides.filter((s) => writesTo(s.activity, wall)).map((s) => s.number);
  const shown = [...state.slideHistory].reverse().find((h) => writers.includes(h.slide))?.slide;
  const slide = shown ?? writers[0] ?? state.slide;
  const cardId = context.newId();
  const events: NewEvent[] = [event('card.written', { cardId, participantId: null, wall, slide, text: cleanOrRefuse(cleanText(text, CARD_MAX_LENGTH)), paper: true })];
  if (group) events.push(event('card.paper-group', { cardId, group }));
  return { events, response: { cardId } };
}

function writesTo(activity: Deck['slides'][number]['activity'], wall: string): boolean {
  switch (activity?.kind) {
    case 'card':
      return activity.wall === wall;
    case 'two-sided-card':
      return activity.front.wall === wall || activity.back.wall === wall;
    case 'revise-and-example':
      return activity.revise.wall === wall || activity.example.wall === wall;
    default:
      return false;
  }
}
