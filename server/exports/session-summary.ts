import type { Deck } from '../deck/deck-schema.js';
import type { StakeholderGroup } from '../domain/events.js';
import type { SessionState } from '../domain/session-state.js';
import { agreementDraft } from '../features/agreement/agreement-model.js';
import { feedbackSummary } from '../features/feedback/feedback-summary.js';
import { pacingSummary } from '../features/pacing/pacing.js';
import '../features/pacing/pacing-state.js';
import '../features/preparation/preparation-state.js';

/**
 * The one page a principal reads after the workshop: who took part by stakeholder group,
 * the agreement the room built, what the feedback said, and the pacing against the plan.
 * Counts and texts only: never a participant's name.
 */
export function sessionSummary(state: SessionState, deck: Deck) {
  // The deck's own groups (Module 1's six, or a district team's), with the names the deck gives them.
  const attendance = deck.groups.map(({ id: group, name, plural }) => ({ group, name, plural, people: [...state.participants.values()].filter((p) => p.group === group).length }));
  const agreement = agreementDraft(state, deck);
  const feedback = feedbackSummary(state, deck).at(-1) ?? null;
  const end = state.slideHistory.at(-1)?.at ?? state.startedAt;
  const pacing = pacingSummary(deck, state.slideHistory, end, state.workshopStartedAt);
  const preparedDate = state.preparation.dates.workshopDate;
  return {
    schoolName: state.schoolName,
    deckTitle: deck.title,
    code: state.code,
    /** The prepared date of the workshop (ISO), else the day it started. */
    date: preparedDate || new Date(state.workshopStartedAt ?? state.startedAt).toISOString().slice(0, 10),
    people: state.participants.size,
    attendance: attendance as { group: StakeholderGroup; name: string; plural: string; people: number }[],
    agreement: { definition: agreement.definition, agreements: agreement.agreements, examples: agreement.examples, nextMeeting: agreement.nextMeeting },
    feedback: feedback && {
      responses: feedback.responses,
      scaleMax: feedback.scale.max,
      ratings: feedback.ratings.map((r) => ({ label: r.label, mean: r.mean, count: r.count })),
      comments: feedback.comments.flatMap((c) => c.answers.map((a) => ({ question: c.label, text: a.text }))),
    },
    pacing: {
      started: state.workshopStartedAt !== null,
      plannedMinutes: deck.sections.reduce((sum, s) => sum + s.minutes, 0),
      actualMinutes: Math.round(pacing.sections.reduce((sum, s) => sum + s.actualMs, 0) / 60_000),
      sections: pacing.sections.map((s) => ({ title: s.title, plannedMinutes: s.plannedMs / 60_000, actualMinutes: Math.round(s.actualMs / 60_000), status: s.status })),
    },
  };
}

export type SessionSummary = ReturnType<typeof sessionSummary>;
