import type { Deck } from '../../deck/deck-schema.js';
import type { StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { defineFeature } from '../feature.js';
import { pacingSummary } from './pacing.js';
import { pacingRoutes } from './pacing-routes.js';
import { pacingReducers } from './pacing-reducers.js';
import { emptyPacing } from './pacing-state.js';

/**
 * Planned against actual time per section. Computed as of the last slide change so the part
 * does not change every flush; the notes view adds the time since then.
 */
function pacingPart(state: SessionState, deck: Deck): Pick<StaffParts, 'pacing'> {
  const lastShown = state.slideHistory.at(-1)?.at ?? state.startedAt;
  return { pacing: pacingSummary(deck, state.slideHistory, Math.max(lastShown, state.workshopStartedAt ?? 0), state.workshopStartedAt) };
}

/** The guide's timing: planned against actual minutes per section, from the workshop's start and the slide changes in the log. */
export const pacing = defineFeature({
  name: 'pacing',
  emptyState: emptyPacing,
  reducers: pacingReducers,
  staffProducers: [{ changesWith: ['slide.', 'session.', 'workshop.'], produce: pacingPart }],
  routes: [{ path: 'pacing', routes: pacingRoutes }],
});
