import type { Reducers } from '../../domain/reducer.js';

export const attendanceReducers: Reducers = {
  'attendance.recorded': (state, data) => {
    const before = state.attendanceCodes.get(data.participantId);
    if (before?.returning) state.returningCount--;
    state.attendanceCodes.set(data.participantId, { code: data.code, returning: data.returning });
    if (data.returning) state.returningCount++;
  },
};
