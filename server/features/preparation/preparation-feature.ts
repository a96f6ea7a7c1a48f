import { defineFeature } from '../feature.js';
import { preparationReducers } from './preparation-reducers.js';
import { preparationRoutes } from './preparation-routes.js';
import { emptyPreparation } from './preparation-state.js';
import { preparationPart } from './preparation-views.js';

/**
 * What a school prepares before the workshop: its name, the workshop's dates, and the deck's
 * customisable fields (texts, quotes with their sources, uploaded images). Entered once on
 * the preparation page (or the notes view, for the next meeting); GET /deck projects them
 * onto the slides, and the phones write the dates in their own language.
 */
export const preparation = defineFeature({
  name: 'preparation',
  emptyState: emptyPreparation,
  reducers: preparationReducers,
  staffProducers: [{ changesWith: ['preparation.'], produce: preparationPart }],
  routes: [{ path: 'preparation', routes: preparationRoutes }],
});
