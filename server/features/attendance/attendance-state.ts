declare module '../../domain/session-state.js' {
  interface SessionState {
    /** Each person's returning code at this session, by participant id. */
    attendanceCodes: Map<string, { code: string; returning: boolean }>;
    /** People who came back from an earlier session, kept by the reducer for the views. */
    returningCount: number;
  }
}

export function emptyAttendance() {
  return { attendanceCodes: new Map<string, { code: string; returning: boolean }>(), returningCount: 0 };
}
