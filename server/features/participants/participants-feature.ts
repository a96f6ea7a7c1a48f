import { defineFeature } from '../feature.js';
import { participantReducers } from './participant-reducers.js';
import { emptyParticipants } from './participant-state.js';
import { mePart, rosterPart } from './participant-views.js';
import { participantsRoutes } from './participants-routes.js';

/** Joining with no account, and who is in the room. */
export const participants = defineFeature({
  name: 'participants',
  emptyState: emptyParticipants,
  reducers: participantReducers,
  staffProducers: [{ changesWith: ['participant.'], produce: rosterPart }],
  phoneOwnProducers: [{ changesWith: ['participant.', 'card.', 'answer.'], produce: mePart }],
  routes: [{ path: 'participants', routes: participantsRoutes }],
});
