import { defineFeature } from '../feature.js';
import { preparationReducers } from './preparation-reducers.js';
import { preparationRoutes } from './preparation-routes.js';
import { emptyPreparation } from './preparation-state.js';
import { preparationPart, schoolProfileMove } from './preparation-views.js';

/**
 * What a school prepares before the workshop for the deck's customisable fields (its
 * vision, Graduate Profile, learning standards, a photo, a quote): entered once, shown on
 * the slides (GET /deck projects them) and, through the activities that name them, on
 * the phones.
 */
export const preparation = defineFeature({
  name: 'preparation',
  // Phones show what the school prepared on the slides that present it.
  deckKinds: ['school-profile'],
  phoneMove: (state, deck, _slide, activity) => (activity.kind === 'school-profile' ? schoolProfileMove(state, deck, activity.fields) : null),
  emptyState: emptyPreparation,
  reducers: preparationReducers,
  staffProducers: [{ changesWith: ['preparation.'], produce: preparationPart }],
  routes: [{ path: 'preparation', routes: preparationRoutes }],
});
