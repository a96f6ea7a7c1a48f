import type { Reducers } from '../../domain/reducer.js';
import { defineFeature } from '../feature.js';
import { fidelityPart } from './fidelity-checklist.js';
import { fidelityRoutes } from './fidelity-routes.js';
import { emptyFidelity } from './fidelity-state.js';

const reducers: Reducers = {
  'fidelity.marked': (state, data) => {
    state.fidelityMarks.set(data.itemId, { mark: data.mark, comment: data.comment });
  },
  'fidelity.note-written': (state, data, { at }) => {
    state.coachingNotes.push({ id: data.id, text: data.text, at });
  },
};

/** The coach's fidelity checklist (from the deck), its score, and coaching notes for the co-facilitators. */
export const fidelity = defineFeature({
  name: 'fidelity',
  emptyState: emptyFidelity,
  reducers,
  staffProducers: [{ changesWith: ['fidelity.'], produce: fidelityPart }],
  routes: [{ path: 'fidelity', routes: fidelityRoutes }],
});
