import type { StakeholderGroup } from '../../domain/events.js';

/**
 * Events of the gallery walk: stickers, merges of duplicate cards, the reveal, the
 * facilitator's choice at a tied cut, and paper cards' stakeholder groups.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    'sticker.placed': {
      stickerId: string;
      /** null for a paper sticker typed in by a facilitator. */
      participantId: string | null;
      cardId: string;
      wall: string;
      /** The gallery-walk slide whose budget it spends. */
      slide: number;
      paper?: boolean;
      /** A paper sticker's stakeholder group, when the facilitator knows it. */
      group?: StakeholderGroup;
    };
    'sticker.removed': { stickerId: string };
    /** The duplicate `cardId` joins `intoId`: its authors and stickers count for it from now on. */
    'card.merged': { cardId: string; intoId: string };
    'card.unmerged': { cardId: string };
    'gallery.revealed': { slide: number; revealed: boolean };
    /** Which of the cards tied at a wall's cut the facilitator takes onto the agreement. */
    'tally.cut-chosen': { slide: number; wall: string; cardIds: string[] };
    /** A paper card's stakeholder group, when the facilitator knows it (for the equity of voice). */
    'card.paper-group': { cardId: string; group: StakeholderGroup };
  }
}

export {};
