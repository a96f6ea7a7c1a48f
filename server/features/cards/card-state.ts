import type { SessionState } from '../../domain/session-state.js';

export interface CardRevision {
  text: string;
  slide: number;
  at: number;
}

export interface Card {
  id: string;
  wall: string;
  slide: number;
  authorId: string | null;
  text: string;
  /** Every wording the card has had, oldest first; the last is `text`. */
  revisions: CardRevision[];
  pairId: string | null;
  paper: boolean;
  hidden: boolean;
  withdrawn: boolean;
  at: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    cards: Map<string, Card>;
    /** Card ids by author, so a phone's own view does not scan every card in the room. */
    cardIdsByAuthor: Map<string, string[]>;
  }
}

export function emptyCards() {
  return { cards: new Map<string, Card>(), cardIdsByAuthor: new Map<string, string[]>() };
}

/** One person's cards, not withdrawn, oldest first. */
export function ownCards(state: SessionState, participantId: string): Card[] {
  return (state.cardIdsByAuthor.get(participantId) ?? []).map((id) => state.cards.get(id)!).filter((c) => !c.withdrawn);
}
