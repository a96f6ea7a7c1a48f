import type { TimerPart } from '../../contract/parts.js';

/** A countdown on one slide, in the server's times (event timestamps): the shape screens get. */
/** A timer as the log leaves it; views add how its words are shown (timer-views.ts). */
export type TimerState = Omit<TimerPart, 'round'>;

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Slide → its countdown. */
    timers: Map<number, TimerState>;
  }
}

export function emptyTimers() {
  return { timers: new Map<number, TimerState>() };
}
