import type { ImplementationModel } from '../series/series-schema.js';
import type { ProgramEvent } from './program-events.js';
import type { StartRequest } from '../domain/start-request.js';

/** A program's projection of its log. */
export interface ProgramState {
  id: string;
  seq: number;
  seriesId: string;
  schoolName: string;
  district: string;
  model: ImplementationModel;
  startedAt: number;
  /** Planned dates by session number, as the school wrote them (YYYY-MM-DD). */
  dates: Map<number, string>;
  /** The live session of each session number opened so far. */
  sessions: Map<number, { code: string; sessionId: string; openedAt: number }>;
  /** Every returning code issued, with the session number it was first given at. */
  codes: Map<string, number>;
  /** The operator's request that started the program, when it came with an Idempotency-Key: a retry of it gets this program again. */
  startRequest: StartRequest | null;
}

export function emptyProgram(id: string): ProgramState {
  return {
    id,
    seq: 0,
    seriesId: '',
    schoolName: '',
    district: '',
    model: 'single-building',
    startedAt: 0,
    dates: new Map(),
    sessions: new Map(),
    codes: new Map(),
    startRequest: null,
  };
}

export function applyProgramEvent(state: ProgramState, event: ProgramEvent & { seq: number; at: number }): void {
  state.seq = event.seq;
  switch (event.type) {
    case 'program.started': {
      const { seriesId, schoolName, district, model, request } = event.data;
      Object.assign(state, { seriesId, schoolName, district, model, startedAt: event.at, startRequest: request ?? null });
      break;
    }
    case 'program.date-planned':
      state.dates.set(event.data.number, event.data.date);
      break;
    case 'program.session-opened':
      state.sessions.set(event.data.number, { code: event.data.code, sessionId: event.data.sessionId, openedAt: event.at });
      break;
    case 'program.code-issued':
      state.codes.set(event.data.code, event.data.number);
      break;
  }
}
