import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { openActivity } from '../presentation/activity-rules.js';

export const FEEDBACK_COMMENT_MAX_LENGTH = 1000;
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/**
 * The closing feedback form: the deck declares its rating statements and open questions.
 * Every answer is optional, but a form needs at least one; sending again replaces it.
 */
export function giveFeedback(state: SessionState, deck: Deck, participantId: string, slide: number, ratings: Record<string, number>, comments: Record<string, string>) {
  const form = openActivity(state, deck, slide, 'feedback');
  const ratingIds = new Set(form.ratings.map((r) => r.id));
  const commentIds = new Set(form.comments.map((c) => c.id));
  for (const [id, value] of Object.entries(ratings)) {
    if (!ratingIds.has(id)) throw new DomainError(400, 'unknown_question', `"${id.slice(0, 40)}" is not a question on this form.`);
    if (!Number.isInteger(value) || value < RATING_MIN || value > RATING_MAX) throw new DomainError(400, 'invalid', `Ratings are whole numbers from ${RATING_MIN} to ${RATING_MAX}.`);
  }
  const cleanComments: Record<string, string> = {};
  for (const [id, text] of Object.entries(comments)) {
    if (!commentIds.has(id)) throw new DomainError(400, 'unknown_question', `"${id.slice(0, 40)}" is not a question on this form.`);
    if (text.trim() !== '') cleanComments[id] = cleanOrRefuse(cleanText(text, FEEDBACK_COMMENT_MAX_LENGTH));
  }
  if (Object.keys(ratings).length === 0 && Object.keys(cleanComments).length === 0) {
    throw new DomainError(400, 'empty_feedback', 'Answer at least one question.');
  }
  const orderedRatings = Object.fromEntries(form.ratings.filter((r) => r.id in ratings).map((r) => [r.id, ratings[r.id]]));
  return { events: [event('feedback.given', { slide, participantId, ratings: orderedRatings, comments: cleanComments })], response: { slide } };
}
