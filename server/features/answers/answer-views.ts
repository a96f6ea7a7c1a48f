import type { StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { wordCloud } from './word-cloud.js';

/** Every open answer for the facilitators, and each slide's word cloud of the answers on show. */
export function answerParts(state: SessionState): Pick<StaffParts, 'answers' | 'clouds'> {
  const answers = [...state.answers.values()].filter((a) => !a.withdrawn);
  const clouds: StaffParts['clouds'] = {};
  for (const slide of new Set(answers.map((a) => a.slide))) {
    clouds[slide] = wordCloud(answers.filter((a) => a.slide === slide && !a.hidden));
  }
  return { answers: answers.map(({ id, slide, text, hidden, at }) => ({ id, slide, text, hidden, at })), clouds };
}
