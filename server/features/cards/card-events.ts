/**
 * Cards on the walls (group agreements, definitions, examples). A two-sided card is two
 * cards that share a pair id, one on each side's wall.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    'card.written': {
      cardId: string;
      /** null for a paper card typed in by a facilitator. */
      participantId: string | null;
      wall: string;
      slide: number;
      text: string;
      /** Both sides of a two-sided card share a pair id. */
      pairId?: string;
      paper?: boolean;
    };
    'card.revised': { cardId: string; text: string; slide: number };
    'card.withdrawn': { cardId: string };
    'card.hidden': { cardId: string; hidden: boolean };
  }
}

export {};
