import { pickLanguage, planText } from '../../deck/deck-in-language.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import { toCsv } from '../../exports/session-export.js';
import { preparedStandards } from '../group-work/group-work-model.js';
import { gradeSpan, inLanguage, subjectLabel } from './plan-document.js';
import { planPart, plannedStrategies } from './plan-model.js';

/**
 * The Partnership Plan as records, for the school's files: every planned strategy (on
 * the continuum) with its subject area, grade levels, standards, dots, partners and plan
 * fields, and the team's checklist; the strategies voted on but not placed are kept too.
 */
export function planExport(state: SessionState, deck: Deck, lang = deck.languages[0]) {
  const reader = pickLanguage(deck, lang);
  const plan = planPart(state, deck);
  const standards = new Map(preparedStandards(state, deck).map((s) => [s.id, { code: s.code ?? '', text: inLanguage(s.text, reader, deck) }]));
  const items = planText(deck, reader)?.checklistItems ?? [];
  const planned = plannedStrategies(plan);
  const record = (s: (typeof plan.strategies)[number]) => ({
    cardId: s.cardId,
    strategy: s.text,
    subject: s.placement ? subjectLabel(plan, s.placement.subject, reader, deck) : null,
    grades: s.placement?.grades ?? [],
    dots: plan.revealed ? s.dots : null,
    groups: s.groups,
    standards: s.standardIds.map((id) => standards.get(id) ?? { code: '', text: id }),
    whatEachPartnerWouldDo: s.partnerRoles,
    ...s.fields,
    checklist: items.map((item) => ({ item: item.id, label: item.label, ...(s.checklist[item.id] ?? { done: false, date: '', note: '' }) })),
  });
  return {
    session: { code: state.code, schoolName: state.schoolName, deckId: deck.id, lang: reader },
    meetingTimes: plan.meetingTimes,
    contact: plan.contact,
    grades: plan.grades,
    strategies: planned.map(record),
    notPlaced: plan.strategies.filter((s) => !s.placement).map(record),
    organisations: plan.organisations,
  };
}

/** One row per planned strategy, the checklist as "item: done (date) note" cells. */
export function planCsv(data: ReturnType<typeof planExport>): string {
  const items = data.strategies[0]?.checklist.map((c) => c.item) ?? [];
  return toCsv(
    ['card_id', 'subject', 'grades', 'strategy', 'dots', 'groups', 'standards', 'partners', 'outcomes', 'monitoring', 'evaluation', 'improvement', 'costs', 'personnel', ...items.map((i) => `checklist_${i}`)],
    data.strategies.map((s) => [
      s.cardId,
      s.subject,
      gradeSpan(s.grades, data.grades),
      s.strategy,
      s.dots,
      s.groups.join(' '),
      s.standards.map((st) => [st.code, st.text].filter(Boolean).join(' ')).join(' | '),
      s.partners.join(' | '),
      s.outcomes,
      s.monitoring,
      s.evaluation,
      s.improvement,
      s.costs,
      s.personnel,
      ...s.checklist.map((c) => (c.done ? `done${c.date ? ` ${c.date}` : ''}${c.note ? `: ${c.note}` : ''}` : c.note)),
    ]),
  );
}
