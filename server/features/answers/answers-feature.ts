import { defineFeature } from '../feature.js';
import { answerReducers } from './answer-reducers.js';
import { emptyAnswers } from './answer-state.js';
import { answerParts } from './answer-views.js';
import { answersRoutes } from './answers-routes.js';

/** Open answers, shown on the deck as a word cloud ("Who might this be?"). */
export const answers = defineFeature({
  name: 'answers',
  deckKinds: ['open-answers'],
  emptyState: emptyAnswers,
  reducers: answerReducers,
  staffProducers: [{ changesWith: ['answer.'], produce: answerParts }],
  routes: [{ path: 'answers', routes: answersRoutes }],
});
