import type { AttendancePart, MyAttendancePart } from '../../contract/series-parts.js';
import type { SessionState } from '../../domain/session-state.js';

/** Attendance without names: how many gave a code, how many came back, how many per stakeholder group. */
export function attendancePart(state: SessionState): { attendance: AttendancePart } {
  return { attendance: { recorded: state.attendanceCodes.size, returning: state.returningCount, byGroup: Object.fromEntries(state.peopleByGroup) } };
}

export function myAttendancePart(state: SessionState, _deck: unknown, participantId: string): { myAttendance: MyAttendancePart | null } {
  return { myAttendance: state.attendanceCodes.get(participantId) ?? null };
}
