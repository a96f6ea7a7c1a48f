import type { Deck } from '../../deck/deck-schema.js';
import type { ChecklistMark, PartnershipPlanFields } from '../../contract/parts.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { continuumActivity, strategyCard } from './plan-model.js';
import { EMPTY_FIELDS } from './plan-state.js';

export const PLAN_LIMITS = { subject: 80, field: 1000, partner: 120, partners: 20, meetingTimes: 500, contact: 300, note: 500 } as const;

function strategy(state: SessionState, deck: Deck, cardId: string) {
  const card = strategyCard(state, deck, cardId);
  if (!card) throw new DomainError(404, 'unknown_strategy', 'There is no such strategy on the strategies wall.');
  return card;
}

/** A text the plan may leave empty for now. */
function optional(raw: string, max: number): string {
  return raw.trim() === '' ? '' : cleanOrRefuse(cleanText(raw, max));
}

/** The facilitator places a strategy on the continuum: its subject area and grade levels. */
export function placeStrategy(state: SessionState, deck: Deck, cardId: string, subject: string, grades: string[]) {
  strategy(state, deck, cardId);
  const continuum = continuumActivity(deck);
  if (!continuum) throw new DomainError(409, 'no_continuum', 'This deck has no continuum of learning.');
  const unknown = grades.find((g) => !continuum.grades.includes(g));
  if (unknown !== undefined) throw new DomainError(400, 'unknown_grade', `"${unknown.slice(0, 12)}" is not one of the continuum's grade levels (${continuum.grades.join(', ')}).`);
  const ordered = continuum.grades.filter((g) => grades.includes(g));
  if (ordered.length === 0) throw new DomainError(400, 'no_grades', 'Choose at least one grade level.');
  const clean = cleanOrRefuse(cleanText(subject, PLAN_LIMITS.subject));
  const before = state.plan.placements.get(cardId);
  const same = before?.subject === clean && before.grades.join() === ordered.join();
  return { events: same ? [] : [event('continuum.placed', { cardId, subject: clean, grades: ordered })], response: { cardId, subject: clean, grades: ordered } };
}

export function removePlacement(state: SessionState, deck: Deck, cardId: string) {
  strategy(state, deck, cardId);
  return { events: state.plan.placements.has(cardId) ? [event('continuum.removed', { cardId })] : [], response: { cardId } };
}

/** The plan's fields for one strategy: its partners, outcomes, monitoring, evaluation, improvement, costs and personnel. */
export function editStrategy(state: SessionState, deck: Deck, cardId: string, input: Partial<PartnershipPlanFields>) {
  strategy(state, deck, cardId);
  const before = state.plan.fields.get(cardId) ?? EMPTY_FIELDS;
  const text = (key: Exclude<keyof PartnershipPlanFields, 'partners'>) => (input[key] === undefined ? before[key] : optional(input[key], PLAN_LIMITS.field));
  const partners = input.partners === undefined ? before.partners : dedupe(input.partners.map((p) => optional(p, PLAN_LIMITS.partner)).filter(Boolean));
  if (partners.length > PLAN_LIMITS.partners) throw new DomainError(400, 'too_many', `A strategy names at most ${PLAN_LIMITS.partners} partners.`);
  const fields: PartnershipPlanFields = {
    partners,
    outcomes: text('outcomes'),
    monitoring: text('monitoring'),
    evaluation: text('evaluation'),
    improvement: text('improvement'),
    costs: text('costs'),
    personnel: text('personnel'),
  };
  const same = JSON.stringify(fields) === JSON.stringify(before);
  return { events: same ? [] : [event('plan.strategy-edited', { cardId, fields })], response: { cardId, fields } };
}

/** The plan's own fields: the regular meeting times and the partnership team's contact. */
export function editPlan(state: SessionState, input: { meetingTimes?: string; contact?: string }) {
  const meetingTimes = input.meetingTimes === undefined ? state.plan.meetingTimes : optional(input.meetingTimes, PLAN_LIMITS.meetingTimes);
  const contact = input.contact === undefined ? state.plan.contact : optional(input.contact, PLAN_LIMITS.contact);
  const same = meetingTimes === state.plan.meetingTimes && contact === state.plan.contact;
  return { events: same ? [] : [event('plan.edited', { meetingTimes, contact })], response: { meetingTimes, contact } };
}

/** The partnership team ticks (or unticks) a checklist item for a strategy, with a date and a note. */
export function markChecklist(state: SessionState, deck: Deck, cardId: string, item: string, input: ChecklistMark) {
  strategy(state, deck, cardId);
  if (!deck.plan?.checklistItems.some((i) => i.id === item)) throw new DomainError(404, 'unknown_item', `The checklist has no item "${item.slice(0, 40)}".`);
  const mark: ChecklistMark = { done: input.done, date: input.date, note: optional(input.note, PLAN_LIMITS.note) };
  const before = state.plan.checklist.get(cardId)?.get(item);
  const same = before && before.done === mark.done && before.date === mark.date && before.note === mark.note;
  return { events: same ? [] : [event('plan.checklist-marked', { cardId, item, mark })], response: { cardId, item, mark } };
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}
