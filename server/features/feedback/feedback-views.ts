import type { Deck } from '../../deck/deck-schema.js';
import type { MyMovesPart, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { feedbackSummary } from './feedback-summary.js';

/** The feedback summary (no names), for the facilitators. */
export function feedbackPart(state: SessionState, deck: Deck): Pick<StaffParts, 'feedback'> {
  return { feedback: feedbackSummary(state, deck) };
}

/** A phone's own feedback, per feedback slide. */
export function fillMyFeedback(state: SessionState, _deck: Deck, participantId: string, mine: MyMovesPart): void {
  mine.feedback = Object.fromEntries(
    [...state.feedback].flatMap(([slide, responses]) => {
      const own = responses.get(participantId);
      return own ? [[slide, { ratings: own.ratings, comments: own.comments }]] : [];
    }),
  );
}
