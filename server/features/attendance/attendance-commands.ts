import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import type { ProgramState } from '../../programs/program-state.js';
import { normaliseCode } from '../../programs/returning-code.js';

/**
 * A person says they were here before (their returning code), or asks for a code. A
 * code issued at an earlier session of the program counts them as returning; a person
 * who already holds a code at this session gets the same one back. `fresh` is the code
 * to issue when one is asked for (the program's registry makes it).
 */
export function recordAttendance(state: SessionState, program: ProgramState, participantId: string, typed: string | undefined, fresh: string) {
  const series = state.series;
  if (!series) throw new DomainError(409, 'not_in_series', 'This session is not part of a series.');
  const held = state.attendanceCodes.get(participantId);
  if (typed === undefined) {
    if (held) return { events: [], response: { code: held.code, returning: held.returning, issued: false } };
    return {
      events: [event('attendance.recorded', { participantId, code: fresh, returning: false })],
      response: { code: fresh, returning: false, issued: true },
    };
  }
  const code = normaliseCode(typed);
  const firstAt = program.codes.get(code);
  if (firstAt === undefined) throw new DomainError(404, 'unknown_code', 'That returning code is not known in this series. Check it, or ask for a new one.');
  const returning = firstAt < series.number;
  if (held?.code === code) return { events: [], response: { code, returning, issued: false } };
  return { events: [event('attendance.recorded', { participantId, code, returning })], response: { code, returning, issued: false } };
}
