import type { Reducers } from '../../domain/reducer.js';

export const answerReducers: Reducers = {
  'answer.given': (state, data, { at }) => {
    state.answers.set(data.answerId, {
      id: data.answerId,
      slide: data.slide,
      authorId: data.participantId,
      text: data.text,
      hidden: false,
      withdrawn: false,
      at,
    });
    const own = state.answerIdsByAuthor.get(data.participantId);
    if (own) own.push(data.answerId);
    else state.answerIdsByAuthor.set(data.participantId, [data.answerId]);
  },
  'answer.withdrawn': (state, { answerId }) => {
    const answer = state.answers.get(answerId);
    if (answer) answer.withdrawn = true;
  },
  'answer.hidden': (state, { answerId, hidden }) => {
    const answer = state.answers.get(answerId);
    if (answer) answer.hidden = hidden;
  },
};
