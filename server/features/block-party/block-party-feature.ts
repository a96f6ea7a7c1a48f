import type { ActivityOf } from '../../deck/deck-schema.js';
import { defineFeature } from '../feature.js';
import { blockPartyReducers } from './block-party-reducers.js';
import { blockPartyRoutes } from './block-party-routes.js';
import { emptyBlockParty } from './block-party-state.js';
import { blockPartyMove, roundsPart } from './block-party-views.js';

/**
 * The Block Party: timed rounds of sharing with a partner. Its slide also runs the
 * birthday line-up (the lineup feature), which makes the groups for the round robin.
 */
export const blockParty = defineFeature({
  name: 'block-party',
  deckKinds: ['block-party'],
  emptyState: emptyBlockParty,
  reducers: blockPartyReducers,
  staffProducers: [{ changesWith: ['blockparty.'], produce: roundsPart }],
  phoneMove: (state, deck, slide, activity) => blockPartyMove(state, deck, slide, activity as ActivityOf<'block-party'>),
  routes: [{ path: 'block-party', routes: blockPartyRoutes }],
});
