import type { Reducers } from '../../domain/reducer.js';

export const reflectionReducers: Reducers = {
  'reflection.saved': (state, { reflectionId, participantId, slide, text, shared }, { at }) => {
    const earlier = state.reflections.get(reflectionId);
    state.reflections.set(reflectionId, { id: reflectionId, slide, authorId: participantId, text, shared, hidden: earlier?.hidden ?? false, at });
    state.reflectionByAuthor.set(`${slide}:${participantId}`, reflectionId);
  },
  'reflection.hidden': (state, { reflectionId, hidden }) => {
    const reflection = state.reflections.get(reflectionId);
    if (reflection) reflection.hidden = hidden;
  },
};
