import { defineFeature } from '../feature.js';
import { feedbackReducers } from './feedback-reducers.js';
import { feedbackRoutes } from './feedback-routes.js';
import { emptyFeedback } from './feedback-state.js';
import { feedbackPart, fillMyFeedback } from './feedback-views.js';

/** The closing feedback form the deck declares; facilitators read a summary without names. */
export const feedback = defineFeature({
  name: 'feedback',
  deckKinds: ['feedback'],
  emptyState: emptyFeedback,
  reducers: feedbackReducers,
  staffProducers: [{ changesWith: ['feedback.', 'participant.'], produce: feedbackPart }],
  myMoves: { changesWith: ['feedback.'], fill: fillMyFeedback },
  routes: [{ path: 'feedback', routes: feedbackRoutes }],
});
