import type { Deck } from '../../deck/deck-schema.js';
import { deckIn } from '../../deck/deck-in-language.js';
import type { SessionState } from '../../domain/session-state.js';
import type { Series } from '../../series/series-schema.js';
import { inLanguage } from '../../series/series-schema.js';
import { fidelityPart } from '../fidelity/fidelity-checklist.js';
import { carryOverFrom } from './carry-over.js';
import type { ReportContent } from './report-pdf.js';
import { fill, reportWords } from './report-words.js';

/**
 * The one-page feedback-loop report of a session, for the building leadership team (and
 * the district's in the district-wide model), in `lang`: attendance by stakeholder group
 * and returning people, what the group produced, the feedback summary, the shared
 * reflections, fidelity, and the group's questions to leadership with any answers. No
 * names but the co-facilitators'.
 */
export function sessionReport(state: SessionState, sourceDeck: Deck, series: Series | undefined, lang: string): ReportContent {
  const deck = deckIn(sourceDeck, lang);
  const words = reportWords(lang);
  const first = series?.languages[0] ?? 'en';
  const link = state.series;
  const title = link ? inLanguage(link.title, lang, first) : deck.title;
  const made = carryOverFrom(state, deck, link?.title ?? { [lang]: deck.title });
  const teams = series
    ? series.leadershipTeams.filter((t) => !t.districtWideOnly || link?.model === 'district-wide').map((t) => inLanguage(t.title, lang, first))
    : [];
  const named = [state.facilitators.lead, state.facilitators.support].filter((f) => f !== null).map((f) => `${f.name} (${words.roles[f.role] ?? f.role})`);
  const meta = [
    [state.schoolName, link ? fill(words.sessionOf, { number: link.number, sessions: link.sessions }) : ''].filter(Boolean).join(' · '),
    named.length ? `${words.facilitators}: ${named.join(', ')}` : '',
    teams.length ? `${words.for}: ${teams.join('; ')}` : '',
  ].filter(Boolean);

  const byGroup = deck.groups.filter((g) => (state.peopleByGroup.get(g.id) ?? 0) > 0).map((g) => `${words.groups[g.id] ?? g.plural}: ${state.peopleByGroup.get(g.id)}`);
  const attendance = [
    fill(words.people, { count: state.participants.size }) + (byGroup.length ? ` — ${byGroup.join(', ')}` : ''),
    fill(words.returning, { count: state.returningCount }),
  ];

  const products = [
    ...made.walls.flatMap((w) => [`${w.title}:`, ...w.cards.map((c) => `• ${c}`)]),
    ...(made.groupIdeas.length ? [`${words.groupIdeas}:`, ...made.groupIdeas.map((i) => `• ${i}`)] : []),
    ...(made.agreement ? [`${words.agreement}: ${made.agreement.definition}`, ...made.agreement.agreements.map((a) => `• ${a}`)] : []),
  ];
  const feedback = made.feedback.responses
    ? [fill(words.responses, { count: made.feedback.responses }), ...made.feedback.ratings.map((r) => `${r.label}: ${r.mean ?? '—'}`)]
    : [];
  const fidelity = fidelityPart(state, deck).fidelity;
  const fidelityLines =
    fidelity.score === null ? [words.notMarked] : [fill(words.score, { score: fidelity.score, marked: fidelity.marked, total: fidelity.items.length })];
  const questions = made.questions.flatMap((q) => [
    `• ${q.text}`,
    q.answer ? `  ${fill(words.answer, { team: q.answer.team })}: ${q.answer.text}` : `  ${words.noAnswer}`,
  ]);
  const orNothing = (lines: string[]) => (lines.length ? lines : [words.nothing]);
  return {
    title: `${words.title}: ${title}`,
    subtitle: series ? inLanguage(series.title, lang, first) : deck.title,
    meta,
    sections: [
      { heading: words.attendance, lines: attendance },
      { heading: words.products, lines: orNothing(products) },
      { heading: words.feedback, lines: orNothing(feedback) },
      { heading: words.reflections, lines: orNothing(made.reflections.map((r) => `• ${r}`)) },
      { heading: words.fidelity, lines: fidelityLines },
      { heading: words.questions, lines: orNothing(questions) },
    ],
  };
}
