/** A countdown on one slide. Times are the server's clock (event timestamps). */
export interface TimerState {
  slide: number;
  label: string;
  durationMs: number;
  running: boolean;
  /** When a running timer reaches zero; null while paused or ended. */
  endsAt: number | null;
  /** Time left when paused (or at the last change); 0 once ended. */
  remainingMs: number;
  ended: boolean;
}

export interface RoundRobinGroup {
  turn: number;
  turnStartedAt: number;
  recorderId: string | null;
  notes: string;
  notesAt: number;
}

export interface Reflection {
  id: string;
  slide: number;
  authorId: string;
  text: string;
  shared: boolean;
  hidden: boolean;
  /**
   * A facilitator let it onto the projector. A shared reflection waits for this (one tap,
   * or "show all"), and waits again when its writer changes the text.
   */
  approved: boolean;
  at: number;
}

export interface FeedbackResponse {
  participantId: string;
  ratings: Record<string, number>;
  comments: Record<string, string>;
  at: number;
}

/** The projection of the facilitation moves; reducers in reducers/moves-reducers.ts write it. */
export interface MovesState {
  timers: Map<number, TimerState>;
  /** Block Party slide → the round now running (1-based). */
  rounds: Map<number, number>;
  lineup: {
    slide: number;
    /** Participants who answered the birthday question (never the birthday itself). */
    answered: Set<string>;
    /** null until the facilitator makes groups; member ids in line order. */
    groups: string[][] | null;
  } | null;
  /** Round-robin slide → its groups' progress, by 0-based group index. */
  roundRobins: Map<number, { startedAt: number; groups: Map<number, RoundRobinGroup> }>;
  /** Poll slide → participant → chosen ids. */
  pollVotes: Map<number, Map<string, string[]>>;
  pollsRevealed: Set<number>;
  reflections: Map<string, Reflection>;
  /** `${slide}:${participantId}` → that person's reflection id, so a phone's view does not scan the room's. */
  reflectionByAuthor: Map<string, string>;
  /** Feedback slide → participant → their latest answers. */
  feedback: Map<number, Map<string, FeedbackResponse>>;
}

export function emptyMoves(): MovesState {
  return {
    timers: new Map(),
    rounds: new Map(),
    lineup: null,
    roundRobins: new Map(),
    pollVotes: new Map(),
    pollsRevealed: new Set(),
    reflections: new Map(),
    reflectionByAuthor: new Map(),
    feedback: new Map(),
  };
}

/** The 0-based group a participant is in, or -1. */
export function groupOf(moves: MovesState, participantId: string): number {
  return moves.lineup?.groups?.findIndex((g) => g.includes(participantId)) ?? -1;
}

