import type { StartRequest } from './start-request.js';

/**
 * The projection of one session's log. Only reducers write it, and only by applying
 * events, so a restart that replays the log arrives at exactly the same state.
 *
 * Here is only what every session has whatever its deck. Each feature adds its own slice
 * by merging into SessionState in its folder (`<feature>-state.ts`), and gives that slice's
 * empty value in its Feature (server/features/feature.ts), so a new feature never edits
 * this file:
 *
 *   declare module '../../domain/session-state.js' { interface SessionState { polls: … } }
 */
export interface SessionState {
  sessionId: string;
  code: string;
  /** The log position of the last event applied. */
  seq: number;
  deckId: string;
  schoolName: string;
  startedAt: number;
  /** The operator's request that started the session, when it came with an Idempotency-Key: a retry of it gets this session again. */
  startRequest: StartRequest | null;
}

/** The fields above, before the log's first event. */
export function coreState(sessionId: string, code: string) {
  return { sessionId, code, seq: 0, deckId: '', schoolName: '', startedAt: 0, startRequest: null };
}
