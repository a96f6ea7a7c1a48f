import type { Reducers } from '../../domain/reducer.js';

export const reflectionReducers: Reducers = {
  'reflection.saved': (state, { reflectionId, participantId, slide, text, shared }, { at }) => {
    const earlier = state.reflections.get(reflectionId);
    // Approval is of the words approved: new words wait for a facilitator again.
    const approved = earlier !== undefined && earlier.approved && earlier.text === text;
    state.reflections.set(reflectionId, { id: reflectionId, slide, authorId: participantId, text, shared, hidden: earlier?.hidden ?? false, approved, at });
    state.reflectionByAuthor.set(`${slide}:${participantId}`, reflectionId);
  },
  'reflection.hidden': (state, { reflectionId, hidden }) => {
    const reflection = state.reflections.get(reflectionId);
    if (reflection) {
      reflection.hidden = hidden;
      // Showing one again is approving it.
      if (!hidden) reflection.approved = true;
    }
  },
  'reflection.approved': (state, { reflectionIds }) => {
    for (const id of reflectionIds) {
      const reflection = state.reflections.get(id);
      if (reflection) reflection.approved = true;
    }
  },
};
