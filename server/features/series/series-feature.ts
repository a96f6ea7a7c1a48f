import { defineFeature } from '../feature.js';
import { seriesReducers } from './series-reducers.js';
import { leadershipRoutes } from './leadership-routes.js';
import { reportRoutes } from './report-routes.js';
import { emptySeries } from './series-state.js';
import { seriesPart } from './series-views.js';

/**
 * A session as part of a series: its place in the program, what the previous session
 * handed over (shown on its carry-over slides), leadership's answers to its questions, and
 * the feedback-loop report for the leadership teams.
 */
export const series = defineFeature({
  name: 'series',
  deckKinds: ['carry-over'],
  emptyState: emptySeries,
  reducers: seriesReducers,
  staffProducers: [{ changesWith: ['series.'], produce: seriesPart }],
  routes: [
    { path: 'leadership', routes: leadershipRoutes },
    { path: 'report', routes: reportRoutes },
  ],
});
