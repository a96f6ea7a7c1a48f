import type { CarriedOver } from '../../contract/series-parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import { deckIn } from '../../deck/deck-in-language.js';
import type { SessionState } from '../../domain/session-state.js';
import { feedbackSummary } from '../feedback/feedback-summary.js';
import { leadershipQuestions, leadershipWalls } from './leadership-questions.js';

/** The wall whose cards are the group agreements a series keeps from session to session. */
export const GROUP_AGREEMENTS_WALL = 'agreements';

/**
 * What a finished session hands to the next one: its walls (cards on show, without
 * authors), its small groups' ideas, its agreement, the group agreements, its feedback
 * summary, the reflections people chose to share, its questions to leadership with any
 * answers, and how many came (and came back). Names never leave the session.
 */
export function carryOverFrom(state: SessionState, deck: Deck, title: Record<string, string>): CarriedOver {
  const toLeadership = leadershipWalls(deck);
  // The next session's projector may speak two languages: its titles and labels travel in each of this deck's.
  const inEach = (pick: (inOne: Deck) => string | undefined) =>
    Object.fromEntries(deck.languages.map((lang) => [lang, pick(deckIn(deck, lang))]).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const ratingLabel = (inOne: Deck, id: string) =>
    inOne.slides.flatMap((s) => (s.activity?.kind === 'feedback' ? s.activity.ratings : [])).find((r) => r.id === id)?.label;
  const onShow = [...state.cards.values()].filter((c) => !c.hidden && !c.withdrawn).sort((a, b) => a.at - b.at);
  const walls = deck.walls
    .filter((w) => !toLeadership.has(w.id))
    .map((w) => ({
      id: w.id,
      title: w.title,
      titles: inEach((inOne) => inOne.walls.find((x) => x.id === w.id)?.title),
      cards: onShow.filter((c) => c.wall === w.id).map((c) => c.text),
    }))
    .filter((w) => w.cards.length > 0);
  const groupIdeas = [...state.roundRobins.values()].flatMap((rr) => [...rr.groups.values()].map((g) => g.notes).filter((n) => n !== ''));
  const fields = state.agreement.fields;
  const agreement =
    fields.definition || fields.agreements.length || fields.examples.length
      ? { definition: fields.definition, agreements: [...fields.agreements], examples: [...fields.examples] }
      : null;
  const ownAgreements = walls.find((w) => w.id === GROUP_AGREEMENTS_WALL)?.cards ?? [];
  const summary = feedbackSummary(state, deck)[0];
  return {
    from: { number: state.series?.number ?? 0, code: state.code, title },
    walls,
    groupIdeas,
    agreement,
    groupAgreements: ownAgreements.length ? ownAgreements : (state.carriedOver?.groupAgreements ?? []),
    feedback: {
      responses: summary?.responses ?? 0,
      ratings: (summary?.ratings ?? []).map((r) => ({ id: r.id, label: r.label, labels: inEach((inOne) => ratingLabel(inOne, r.id)), mean: r.mean })),
    },
    reflections: [...state.reflections.values()]
      .filter((r) => r.shared && !r.hidden)
      .sort((a, b) => a.at - b.at)
      .map((r) => r.text),
    questions: leadershipQuestions(state, deck),
    attendance: { people: state.participants.size, returning: state.returningCount },
  };
}
