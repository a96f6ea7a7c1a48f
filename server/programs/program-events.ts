import type { ImplementationModel } from '../series/series-schema.js';
import type { StartRequest } from '../domain/start-request.js';

/**
 * A program is one school's run of a series. Its log holds what belongs to the run rather
 * than to one session: when it started and where, the dates planned, which session of the
 * series each live session is, and the returning codes it issued.
 */
export interface ProgramEventMap {
  /** `request`: the operator's Idempotency-Key and request digest, when the start was sent with one. */
  'program.started': { seriesId: string; schoolName: string; district: string; model: ImplementationModel; request?: StartRequest };
  'program.date-planned': { number: number; date: string };
  'program.session-opened': { number: number; code: string; sessionId: string };
  /** A returning code handed to someone at session `number`; never a name. */
  'program.code-issued': { code: string; number: number };
}

export type ProgramEvent = { [K in keyof ProgramEventMap]: { type: K; data: ProgramEventMap[K] } }[keyof ProgramEventMap];
