import type { SessionState } from '../../domain/session-state.js';

export interface LineupState {
  slide: number;
  /** Participants who answered the birthday question (never the birthday itself). */
  answered: Set<string>;
  /** null until the facilitator makes groups; member ids in line order. */
  groups: string[][] | null;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** The latest line-up, or null before the first. */
    lineup: LineupState | null;
  }
}

export function emptyLineup() {
  return { lineup: null as LineupState | null };
}

/** The 0-based group a participant is in, or -1. */
export function groupOf(state: SessionState, participantId: string): number {
  return state.lineup?.groups?.findIndex((g) => g.includes(participantId)) ?? -1;
}
