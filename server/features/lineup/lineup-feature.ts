import { defineFeature } from '../feature.js';
import { lineupReducers } from './lineup-reducers.js';
import { lineupRoutes } from './lineup-routes.js';
import { emptyLineup } from './lineup-state.js';
import { fillMyLineup, lineupPart } from './lineup-views.js';

/**
 * The birthday line-up on the Block Party's slide: people line up January to December and
 * count off groups of 4–5. Birthdays stay in memory (birthday-box.ts), never in the log.
 */
export const lineup = defineFeature({
  name: 'lineup',
  emptyState: emptyLineup,
  reducers: lineupReducers,
  staffProducers: [{ changesWith: ['lineup.', 'participant.'], produce: lineupPart }],
  myMoves: { changesWith: ['lineup.', 'participant.'], fill: fillMyLineup },
  // A person placed in a group changes what the group's other members see.
  seenByOthers: ['lineup.placed'],
  routes: [{ path: 'lineup', routes: lineupRoutes }],
});
