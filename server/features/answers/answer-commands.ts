import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { isActivityOpen, openActivity } from '../presentation/activity-rules.js';
import { ownAnswers } from './answer-state.js';

/** Open answers ("Who might this be?"): a person may give several, each short. */
export const ANSWERS_PER_PERSON = 5;

export function giveAnswer(state: SessionState, deck: Deck, participantId: string, slide: number, text: string, context: CommandContext) {
  const activity = openActivity(state, deck, slide, 'open-answers');
  const clean = cleanOrRefuse(cleanText(text, activity.maxLength));
  const given = ownAnswers(state, participantId).filter((a) => a.slide === slide);
  if (given.length >= ANSWERS_PER_PERSON) {
    throw new DomainError(409, 'enough_answers', `You have given ${ANSWERS_PER_PERSON} answers here. Remove one to add another.`);
  }
  const answerId = context.newId();
  return { events: [event('answer.given', { answerId, participantId, slide, text: clean })], response: { answerId } };
}

export function withdrawAnswer(state: SessionState, participantId: string, answerId: string) {
  const answer = state.answers.get(answerId);
  if (!answer || answer.withdrawn || answer.authorId !== participantId) throw new DomainError(404, 'unknown_answer', 'You have no such answer.');
  if (!isActivityOpen(state, answer.slide)) throw new DomainError(409, 'activity_closed', 'This activity is closed.');
  return { events: [event('answer.withdrawn', { answerId })], response: { answerId } };
}

export function setAnswerHidden(state: SessionState, answerId: string, hidden: boolean) {
  const answer = state.answers.get(answerId);
  if (!answer || answer.withdrawn) throw new DomainError(404, 'unknown_answer', 'There is no such answer.');
  return { events: answer.hidden === hidden ? [] : [event('answer.hidden', { answerId, hidden })], response: { answerId, hidden } };
}
