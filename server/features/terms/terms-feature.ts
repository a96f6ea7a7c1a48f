import { defineFeature } from '../feature.js';
import { termsReducers } from './terms-reducers.js';
import { termsRoutes } from './terms-routes.js';
import { emptyTerms } from './terms-state.js';

/** A district's own names for the terms its deck declares, so one deck serves many districts. */
export const terms = defineFeature({
  name: 'terms',
  emptyState: emptyTerms,
  reducers: termsReducers,
  routes: [{ path: 'terms', routes: termsRoutes }],
});
