import type { TimerPart } from '../../contract/parts.js';

/** A countdown on one slide, in the server's times (event timestamps): the shape screens get. */
export type TimerState = TimerPart;

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Slide → its countdown. */
    timers: Map<number, TimerState>;
  }
}

export function emptyTimers() {
  return { timers: new Map<number, TimerState>() };
}
