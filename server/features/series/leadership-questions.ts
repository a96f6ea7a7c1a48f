import type { LeadershipQuestion } from '../../contract/series-parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';

/** The walls whose cards are questions for leadership (the deck marks them `toLeadership`). */
export function leadershipWalls(deck: Deck): Set<string> {
  return new Set(deck.walls.filter((w) => w.toLeadership).map((w) => w.id));
}

/** This session's questions to leadership (cards on show on a leadership wall), oldest first, with any answers. */
export function leadershipQuestions(state: SessionState, deck: Deck): LeadershipQuestion[] {
  const walls = leadershipWalls(deck);
  return [...state.cards.values()]
    .filter((card) => walls.has(card.wall) && !card.hidden && !card.withdrawn)
    .sort((a, b) => a.at - b.at)
    .map((card) => ({ id: card.id, text: card.text, answer: state.leadershipAnswers.get(card.id) ?? null }));
}
