import { defineFeature } from '../feature.js';
import { agreementReducers } from './agreement-reducers.js';
import { agreementRoutes } from './agreement-routes.js';
import { emptyAgreement } from './agreement-state.js';
import { agreementNotePart, agreementPart } from './agreement-views.js';

/**
 * The one-page Partnership Agreement: its builder (from the gallery walk's top statements),
 * its wording as the facilitators edit it, the next meeting, and its PDF.
 */
export const agreement = defineFeature({
  name: 'agreement',
  deckKinds: ['agreement-builder', 'next-meeting'],
  emptyState: emptyAgreement,
  reducers: agreementReducers,
  // The groups that took part come from the participants, paper cards and paper stickers.
  staffProducers: [{ changesWith: ['agreement.', 'session.', 'participant.', 'card.', 'sticker.'], produce: agreementPart }],
  phoneSharedProducers: [{ changesWith: ['agreement.', 'slide.', 'session.', 'preparation.'], produce: agreementNotePart }],
  routes: [{ path: 'agreement', routes: agreementRoutes }],
});
