import { defineFeature } from '../feature.js';
import { pollReducers } from './poll-reducers.js';
import { emptyPolls } from './poll-state.js';
import { fillMyVotes, pollMove, pollsPart } from './poll-views.js';
import { pollsRoutes } from './polls-routes.js';

/** A check-for-understanding poll; phones see the bars once a facilitator reveals them. */
export const poll = defineFeature({
  name: 'poll',
  deckKinds: ['poll'],
  emptyState: emptyPolls,
  reducers: pollReducers,
  staffProducers: [{ changesWith: ['poll.'], produce: pollsPart }],
  phoneMove: (state, deck, slide) => pollMove(state, deck, slide),
  myMoves: { changesWith: ['poll.'], fill: fillMyVotes },
  routes: [{ path: 'polls', routes: pollsRoutes }],
});
