import type { SessionState } from '../../domain/session-state.js';

export interface PollState {
  /** Participant → the choice ids of their latest vote. */
  votes: Map<string, string[]>;
  /** Choice id → how many latest votes name it, kept by the reducers as votes come and change. */
  counts: Map<string, number>;
  revealed: boolean;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Poll slide → its votes and tally. */
    polls: Map<number, PollState>;
  }
}

export function emptyPolls() {
  return { polls: new Map<number, PollState>() };
}

/** The poll of a slide, made empty on first use (only reducers call this). */
export function pollOn(state: SessionState, slide: number): PollState {
  let poll = state.polls.get(slide);
  if (!poll) state.polls.set(slide, (poll = { votes: new Map(), counts: new Map(), revealed: false }));
  return poll;
}
