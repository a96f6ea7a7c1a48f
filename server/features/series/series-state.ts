import type { CarriedOver } from '../../contract/series-parts.js';
import type { EventMap } from '../../domain/events.js';

export type SeriesLink = EventMap['series.linked'];

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Null for a session that is no part of a series. */
    series: SeriesLink | null;
    carriedOver: CarriedOver | null;
    /** Leadership's answers to this session's questions, by card id. */
    leadershipAnswers: Map<string, { text: string; team: string; at: number }>;
  }
}

export function emptySeries() {
  return { series: null, carriedOver: null, leadershipAnswers: new Map<string, { text: string; team: string; at: number }>() };
}
