import { nanoid } from 'nanoid';
import type { Actor } from '../domain/events.js';
import { newReturningCode } from './returning-code.js';
import type { ImplementationModel } from '../series/series-schema.js';
import { DomainError } from '../domain/domain-error.js';
import { sameRequest, type StartRequest } from '../domain/start-request.js';
import type { ProgramLog } from '../store/session-store.js';
import type { ProgramEvent } from './program-events.js';
import { applyProgramEvent, emptyProgram, type ProgramState } from './program-state.js';

/**
 * Every program (a school's run of a series) the server knows, replayed from its log at
 * start and kept in memory. Programs are written rarely (a start, a date, a session opened,
 * a returning code), each through the store's turn-wide transaction, so an answer that
 * follows one waits for its commit like any session's write.
 */
/** Why a server on a shared Postgres database (DATABASE_URL) runs no programs; said at start and in the refusal. */
export const PROGRAMS_NEED_EMBEDDED_STORE =
  'Series programs are kept only in the embedded database for now; this server uses a shared Postgres database (DATABASE_URL). Single sessions run as usual; to run a series, start the server without DATABASE_URL.';

export class ProgramRegistry {
  private readonly programs = new Map<string, ProgramState>();

  /** `store` null: the sessions are in a shared Postgres database, which keeps no programs (yet). */
  constructor(private readonly store: ProgramLog | null) {
    for (const { programId, events } of store?.readPrograms() ?? []) {
      const state = emptyProgram(programId);
      for (const event of events) applyProgramEvent(state, event as ProgramEvent & { seq: number; at: number });
      this.programs.set(programId, state);
    }
  }

  get(id: string): ProgramState | undefined {
    return this.programs.get(id);
  }

  /** Every program, oldest first. */
  all(): ProgramState[] {
    return [...this.programs.values()].sort((a, b) => a.startedAt - b.startedAt);
  }

  /**
   * Starts a program, once per Idempotency-Key (`request`, kept in its first event): a
   * retry of the request that started one gets that program; the key sent with another
   * request is refused (422). Without a key, every call starts a program. Starting is
   * synchronous, so a double tap's second request always finds the first's program.
   */
  start(
    data: { seriesId: string; schoolName: string; district: string; model: ImplementationModel },
    dates: Map<number, string>,
    actor: Actor,
    request?: StartRequest,
  ): ProgramState {
    if (!this.store) throw new DomainError(409, 'programs_unavailable', PROGRAMS_NEED_EMBEDDED_STORE);
    const earlier = request && this.startedWith(request);
    if (earlier) return earlier;
    const id = nanoid(12);
    const state = emptyProgram(id);
    this.programs.set(id, state);
    this.append(state, actor, [
      { type: 'program.started', data: request ? { ...data, request } : data },
      ...[...dates].map(([number, date]) => ({ type: 'program.date-planned' as const, data: { number, date } })),
    ]);
    return state;
  }

  append(program: ProgramState, actor: Actor, events: ProgramEvent[], now = Date.now()): void {
    if (!this.store) throw new DomainError(409, 'programs_unavailable', PROGRAMS_NEED_EMBEDDED_STORE);
    const committed = this.store.appendProgram(program.id, program.seq + 1, actor, events, now);
    for (const event of committed) applyProgramEvent(program, event as ProgramEvent & { seq: number; at: number });
  }

  /** The program `request`'s key started, if any; throws 422 if that was another request. */
  startedWith(request: StartRequest): ProgramState | undefined {
    const program = [...this.programs.values()].find((p) => p.startRequest?.key === request.key);
    if (program) sameRequest(program.startRequest!, request);
    return program;
  }

  /** A returning code this program has not issued yet. */
  freshCode(program: ProgramState): string {
    let code = newReturningCode();
    while (program.codes.has(code)) code = newReturningCode();
    return code;
  }
}
