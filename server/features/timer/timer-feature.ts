import { defineFeature } from '../feature.js';
import { timerReducers } from './timer-reducers.js';
import { emptyTimers } from './timer-state.js';
import { timerPart } from './timer-views.js';
import { timersRoutes } from './timers-routes.js';

/** A countdown on any slide: the deck's minutes for an activity, or the lead's. */
export const timer = defineFeature({
  name: 'timer',
  emptyState: emptyTimers,
  reducers: timerReducers,
  staffProducers: [{ changesWith: ['timer.', 'slide.', 'blockparty.'], produce: timerPart }],
  phoneSharedProducers: [{ changesWith: ['timer.', 'slide.', 'blockparty.'], produce: timerPart }],
  routes: [{ path: 'timers', routes: timersRoutes }],
});
