import type { Deck } from '../../deck/deck-schema.js';
import type { FeedbackSummary } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { RATING_MAX, RATING_MIN } from './feedback-commands.js';

/**
 * What the facilitator and the exports see of the closing feedback: counts, means and the
 * spread of every rating, and every comment with the writer's stakeholder group but never
 * their name, in the spirit of an anonymous paper form.
 */
export function feedbackSummary(state: SessionState, deck: Deck): FeedbackSummary[] {
  return deck.slides.flatMap((slide) => {
    const form = slide.activity;
    if (form?.kind !== 'feedback') return [];
    const responses = [...(state.feedback.get(slide.number)?.values() ?? [])].sort((a, b) => a.at - b.at);
    const groupOf = (id: string) => state.participants.get(id)?.group ?? null;
    return [
      {
        slide: slide.number,
        responses: responses.length,
        scale: { min: RATING_MIN, max: RATING_MAX },
        ratings: form.ratings.map(({ id, label }) => {
          const values = responses.map((r) => r.ratings[id]).filter((v): v is number => typeof v === 'number');
          const distribution = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => values.filter((v) => v === RATING_MIN + i).length);
          const mean = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
          return { id, label, count: values.length, mean, distribution };
        }),
        comments: form.comments.map(({ id, label }) => ({
          id,
          label,
          answers: responses.filter((r) => r.comments[id]).map((r) => ({ text: r.comments[id], group: groupOf(r.participantId) })),
        })),
      },
    ];
  });
}

/** Every response as given, without names: for the facilitator's records and exports. */
export function feedbackResponses(state: SessionState, deck: Deck) {
  return deck.slides.flatMap((slide) =>
    [...(state.feedback.get(slide.number)?.values() ?? [])]
      .sort((a, b) => a.at - b.at)
      .map((r) => ({ slide: slide.number, group: state.participants.get(r.participantId)?.group ?? null, ratings: r.ratings, comments: r.comments, at: r.at })),
  );
}
