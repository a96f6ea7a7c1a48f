import { defineFeature } from '../feature.js';
import { facilitatorsRoutes } from './facilitators-routes.js';
import { emptyFacilitators } from './facilitators-state.js';
import type { Reducers } from '../../domain/reducer.js';

const reducers: Reducers = {
  'facilitators.named': (state, data) => {
    state.facilitators = { lead: data.lead, support: data.support };
  },
};

/** The session's two co-facilitators, named with their roles on every record. */
export const facilitators = defineFeature({
  name: 'facilitators',
  emptyState: emptyFacilitators,
  reducers,
  staffProducers: [{ changesWith: ['facilitators.'], produce: (state) => ({ facilitators: state.facilitators }) }],
  routes: [{ path: 'facilitators', routes: facilitatorsRoutes }],
});
