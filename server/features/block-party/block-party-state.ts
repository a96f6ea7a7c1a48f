declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Block Party slide → the round now running (1-based). */
    blockPartyRounds: Map<number, number>;
  }
}

export function emptyBlockParty() {
  return { blockPartyRounds: new Map<number, number>() };
}
