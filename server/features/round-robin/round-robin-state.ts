export interface RoundRobinGroup {
  turn: number;
  turnStartedAt: number;
  recorderId: string | null;
  notes: string;
  notesAt: number;
}

export interface RoundRobin {
  startedAt: number;
  /** Each group's progress, by 0-based group index (the line-up's groups). */
  groups: Map<number, RoundRobinGroup>;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Round-robin slide → its groups' progress. */
    roundRobins: Map<number, RoundRobin>;
  }
}

export function emptyRoundRobins() {
  return { roundRobins: new Map<number, RoundRobin>() };
}
