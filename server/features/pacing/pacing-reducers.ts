import type { Reducers } from '../../domain/reducer.js';
import './pacing-events.js';
import './pacing-state.js';

/** The workshop's start: the lead's start of the clock, or else the first move past the title slide. */
export const pacingReducers: Reducers = {
  'slide.shown': (state, { slide }, { at }) => {
    if (state.workshopStartedAt === null && slide > 1) state.workshopStartedAt = at;
  },
  'workshop.clock-started': (state, _data, { at }) => {
    state.workshopStartedAt = at;
  },
};
