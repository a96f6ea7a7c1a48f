import type { Reducers } from '../../domain/reducer.js';

export const seriesReducers: Reducers = {
  'series.linked': (state, data) => {
    state.series = data;
  },
  'series.carried-over': (state, data) => {
    state.carriedOver = data;
  },
  'series.answer-carried': (state, data) => {
    const question = state.carriedOver?.questions.find((q) => q.id === data.questionId);
    if (question) question.answer = data.answer;
  },
  'leadership.answered': (state, data, { at }) => {
    state.leadershipAnswers.set(data.cardId, { text: data.text, team: data.team, at });
  },
};
