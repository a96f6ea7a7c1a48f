import { defineFeature } from '../feature.js';
import { attendanceReducers } from './attendance-reducers.js';
import { attendanceRoutes } from './attendance-routes.js';
import { emptyAttendance } from './attendance-state.js';
import { attendancePart, myAttendancePart } from './attendance-views.js';

/** Attendance across a series' sessions, counted by returning codes, never by names. */
export const attendance = defineFeature({
  name: 'attendance',
  deckKinds: ['attendance'],
  emptyState: emptyAttendance,
  reducers: attendanceReducers,
  staffProducers: [{ changesWith: ['attendance.', 'participant.'], produce: attendancePart }],
  phoneOwnProducers: [{ changesWith: ['attendance.'], produce: myAttendancePart }],
  routes: [{ path: 'attendance', routes: attendanceRoutes }],
});
