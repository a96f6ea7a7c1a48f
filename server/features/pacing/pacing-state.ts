declare module '../../domain/session-state.js' {
  interface SessionState {
    /**
     * When the workshop began: the lead's start (or restart) of the clock, or the first move
     * past the title slide. Null before that; pacing counts nothing until then.
     */
    workshopStartedAt: number | null;
  }
}

export function emptyPacing() {
  return { workshopStartedAt: null as number | null };
}
