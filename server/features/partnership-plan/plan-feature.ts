import { defineFeature } from '../feature.js';
import { planReducers } from './plan-reducers.js';
import { planRoutes } from './plan-routes.js';
import { emptyPlan } from './plan-state.js';
import { planStaffPart } from './plan-views.js';

/**
 * The process protocol's decision and its document: the chosen strategies arranged by
 * subject area and grade level (the continuum of learning), the Partnership Plan (partners,
 * outcomes, monitoring, evaluation, improvement, costs, personnel, meeting times) as a
 * page, a PDF and exports, the partnership team's checklist for steps 8–10, and a
 * thank-you letter to each partner organisation. Listed after the cards, the gallery walk
 * and the small groups, whose events change what it shows.
 */
export const partnershipPlan = defineFeature({
  name: 'partnership-plan',
  deckKinds: ['continuum', 'partnership-plan', 'follow-up'],
  emptyState: emptyPlan,
  reducers: planReducers,
  staffProducers: [
    {
      changesWith: ['continuum.', 'plan.', 'card.', 'sticker.', 'gallery.', 'tally.', 'cluster.', 'groups.', 'note.', 'preparation.', 'session.'],
      produce: planStaffPart,
    },
  ],
  routes: [{ path: 'plan', routes: planRoutes }],
});
