import { defineFeature } from '../feature.js';
import { roundRobinReducers } from './round-robin-reducers.js';
import { roundRobinRoutes } from './round-robin-routes.js';
import { emptyRoundRobins } from './round-robin-state.js';
import { fillMyRoundRobins, roundRobinMove, roundRobinsPart } from './round-robin-views.js';

/**
 * Activity 3's small-group round robin, on the line-up's groups: each member takes a
 * turn, one member records the group's shared ideas. Listed after the line-up, whose
 * events it follows.
 */
export const roundRobin = defineFeature({
  name: 'round-robin',
  deckKinds: ['round-robin'],
  emptyState: emptyRoundRobins,
  reducers: roundRobinReducers,
  staffProducers: [{ changesWith: ['roundrobin.', 'lineup.', 'participant.'], produce: roundRobinsPart }],
  phoneMove: (state, _deck, slide) => roundRobinMove(state, slide),
  myMoves: { changesWith: ['roundrobin.', 'lineup.'], fill: fillMyRoundRobins },
  // The turn, the recorder and the notes are the whole group's.
  seenByOthers: ['roundrobin.turn.passed', 'roundrobin.recorder.set', 'roundrobin.notes.saved'],
  routes: [{ path: 'round-robin', routes: roundRobinRoutes }],
});
