import type { Reducers } from '../../domain/reducer.js';

export const feedbackReducers: Reducers = {
  'feedback.given': (state, { slide, participantId, ratings, comments }, { at }) => {
    let responses = state.feedback.get(slide);
    if (!responses) state.feedback.set(slide, (responses = new Map()));
    responses.set(participantId, { participantId, ratings, comments, at });
  },
};
