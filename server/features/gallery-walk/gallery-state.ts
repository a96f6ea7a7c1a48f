import type { StakeholderGroup } from '../../domain/events.js';

/** One sticker on one card; removing it deletes it from the projection (the log keeps it). */
export interface Sticker {
  id: string;
  participantId: string | null;
  cardId: string;
  wall: string;
  slide: number;
  paper: boolean;
  group: StakeholderGroup | null;
  at: number;
}

/** A stakeholder group, or paper that named none. */
export type VoiceGroup = StakeholderGroup | 'paper';

/** What one person adds to a walk's sums, as it was added (so a change can take it back). */
export interface PersonCount {
  group: VoiceGroup;
  placed: number;
  spent: number;
  fullWalls: string[];
  done: boolean;
}

/** One person's stickers on one walk and what they add up to; the reducers keep both. */
export interface PersonStickers {
  /** Every sticker the person has on this walk, in the order placed. */
  placed: Map<string, Sticker>;
  /** The stickers that spend the person's budget (their card was not withdrawn), in the order placed. */
  spending: Sticker[];
  /** Spending stickers per wall. */
  byWall: Map<string, number>;
  /**
   * Per wall, spending stickers on a card taken off it (hidden), which add to what the
   * person may spend there (personBudget). Counted with the rest of the person's sums, so a
   * budget is read in a step instead of looking up every sticker's card each time.
   */
  offShowByWall: Map<string, number>;
  counted: PersonCount | null;
}

/**
 * One gallery walk's running sums, kept by the reducers as stickers arrive, so the deck's
 * progress, the equity of voice, a phone's budget and the tally read them in a step
 * instead of counting the room's stickers many times a second.
 */
export interface WalkSums {
  slide: number;
  /** Participant → their stickers on this walk. */
  people: Map<string, PersonStickers>;
  /** Stickers placed by participants, spending or not. */
  placed: number;
  /** Per wall, people who have spent every sticker they have for it. */
  fullByWall: Map<string, number>;
  /** People who have spent every sticker on every wall. */
  peopleDone: number;
  /** Stickers spent, by the spender's stakeholder group. */
  spentByGroup: Map<VoiceGroup, number>;
  /** Paper stickers (they have no participant and no budget). */
  paper: Map<string, Sticker>;
  /** Card id → stickers on it, merged duplicates' included (after merges): all of them, and the paper ones. */
  onCard: Map<string, { all: number; paper: number }>;
  /**
   * Per wall, what one person can spend there: the deck's stickers per wall, or fewer when
   * the wall has fewer cards on show (each takes at most maxPerCard of one person's). Null
   * until counted; any change of cards sets it back to null (see gallery-sums.ts).
   */
  budgets: Map<string, number> | null;
}

/** The gallery walk's projection; reducers in gallery-reducers.ts write it. */
export interface GalleryState {
  stickers: Map<string, Sticker>;
  /** Gallery-walk slide → its running sums. */
  walks: Map<number, WalkSums>;
  /** A merged duplicate's id → the card it joined. */
  mergedInto: Map<string, string>;
  /** Gallery-walk slides whose tallies the facilitator has revealed. */
  revealed: Set<number>;
  /** `${slide}:${wall}` → the tied cards the facilitator takes at the cut. */
  cutChoices: Map<string, string[]>;
  /** A paper card's stakeholder group, where the facilitator gave one. */
  paperGroups: Map<string, StakeholderGroup>;
  /** Cards on show (not withdrawn, not hidden) per group, for the equity of voice. */
  cardsByGroup: Map<VoiceGroup, number>;
  /** The group each card on show is counted under in `cardsByGroup`. */
  cardGroups: Map<string, VoiceGroup>;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Stickers, merges, the reveal and their running sums (the gallery walk). */
    gallery: GalleryState;
  }
}

export function emptyGallery(): { gallery: GalleryState } {
  return {
    gallery: {
      stickers: new Map(),
      walks: new Map(),
      mergedInto: new Map(),
      revealed: new Set(),
      cutChoices: new Map(),
      paperGroups: new Map(),
      cardsByGroup: new Map(),
      cardGroups: new Map(),
    },
  };
}
