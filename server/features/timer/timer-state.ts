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

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Slide → its countdown. */
    timers: Map<number, TimerState>;
  }
}

export function emptyTimers() {
  return { timers: new Map<number, TimerState>() };
}
