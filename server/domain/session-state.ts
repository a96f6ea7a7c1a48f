import type { StaffRole, StakeholderGroup } from './events.js';
import { emptyGallery, type GalleryState } from './gallery-state.js';
import { emptyMoves, type MovesState } from './moves-state.js';

/**
 * The projection of one session's log. Only reducers write it, and only by applying
 * events, so a restart that replays the log arrives at exactly the same state.
 */
export interface Participant {
  id: string;
  name: string;
  group: StakeholderGroup;
  joinedAt: number;
}

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

export interface Answer {
  id: string;
  slide: number;
  authorId: string;
  text: string;
  hidden: boolean;
  withdrawn: boolean;
  at: number;
}

import { emptyPreparation } from '../features/preparation/preparation-state.js';

export interface SessionState {
  sessionId: string;
  code: string;
  deckId: string;
  schoolName: string;
  startedAt: number;
  seq: number;
  /** How many events of each kind ('card', 'sticker'…) have been applied: views cache by it. */
  versions: Map<string, number>;
  slide: number;
  /** When each slide was shown, in order: the notes view's pacing comes from this. */
  slideHistory: { slide: number; at: number }[];
  /**
   * When the workshop began: the lead's start (or restart) of the clock, or the first move
   * past the title slide. Null before that; pacing counts nothing until then.
   */
  workshopStartedAt: number | null;
  control: StaffRole;
  bannerVisible: boolean;
  closedSlides: Set<number>;
  participants: Map<string, Participant>;
  cards: Map<string, Card>;
  /** Card ids by author, so a phone's own view does not scan every card in the room. */
  cardIdsByAuthor: Map<string, string[]>;
  answers: Map<string, Answer>;
  /** Answer ids by author, for the same reason: every phone's own view is rebuilt on a slide change. */
  answerIdsByAuthor: Map<string, string[]>;
  /** Stickers, merges, reveal and the agreement draft (slides 22–27). */
  gallery: GalleryState;
  /** Timers, Block Party, line-up groups, round robins, polls, reflections, feedback. */
  moves: MovesState;
}

export function emptyState(sessionId: string, code: string): SessionState {
  return {
    sessionId,
    code,
    deckId: '',
    schoolName: '',
    startedAt: 0,
    seq: 0,
    versions: new Map(),
    slide: 1,
    slideHistory: [],
    workshopStartedAt: null,
    control: 'lead',
    bannerVisible: true,
    closedSlides: new Set(),
    participants: new Map(),
    cards: new Map(),
    cardIdsByAuthor: new Map(),
    answers: new Map(),
    answerIdsByAuthor: new Map(),
    gallery: emptyGallery(),
    moves: emptyMoves(),
    ...emptyPreparation(),
  };
}
