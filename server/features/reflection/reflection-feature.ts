import { defineFeature } from '../feature.js';
import { reflectionReducers } from './reflection-reducers.js';
import { emptyReflections } from './reflection-state.js';
import { fillMyReflections, reflectionsPart } from './reflection-views.js';
import { reflectionsRoutes } from './reflections-routes.js';

/** A private reflection; shared ones reach the deck without a name. */
export const reflection = defineFeature({
  name: 'reflection',
  deckKinds: ['reflection'],
  emptyState: emptyReflections,
  reducers: reflectionReducers,
  staffProducers: [{ changesWith: ['reflection.'], produce: reflectionsPart }],
  myMoves: { changesWith: ['reflection.'], fill: fillMyReflections },
  routes: [{ path: 'reflections', routes: reflectionsRoutes }],
});
