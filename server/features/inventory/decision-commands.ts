import { INVENTORY_DECISIONS, PLAN_STATUSES, type InventoryDecision, type PlanFields } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { requireInventory } from './inventory-deck.js';
import { emptyPlanFields, rootOther } from './inventory-state.js';

export const NOTE_MAX_LENGTH = 300;
export const PLAN_TEXT_MAX_LENGTH = 300;
export const PLAN_LEAD_MAX_LENGTH = 120;

/** Merging a duplicate "other" activity into another of the same strategy; activities merged into the duplicate follow it. */
export function mergeOthers(state: SessionState, deck: Deck, otherId: string, intoId: string) {
  requireInventory(deck);
  const other = state.inventory.others.get(otherId);
  const into = state.inventory.others.get(intoId);
  if (!other || other.removed) throw new DomainError(404, 'unknown_other', 'There is no such activity to merge.');
  if (!into || into.removed) throw new DomainError(404, 'unknown_other', 'There is no such activity to merge into.');
  if (other.strategy !== into.strategy) throw new DomainError(409, 'different_strategies', 'Only activities of the same strategy can be merged.');
  const target = rootOther(state, intoId);
  if (target === otherId || rootOther(state, otherId) === target) throw new DomainError(409, 'already_merged', 'These activities are already one.');
  return { events: [event('inventory.other-merged', { otherId, intoId: target })], response: { otherId, intoId: target } };
}

export function unmergeOther(state: SessionState, deck: Deck, otherId: string) {
  requireInventory(deck);
  if (!state.inventory.mergedInto.has(otherId)) throw new DomainError(404, 'not_merged', 'This activity is not merged into another.');
  return { events: [event('inventory.other-unmerged', { otherId })], response: { otherId } };
}

/** The strategy of an item the team can decide on: a deck activity, or an "other" activity that stands on its own. */
export function itemStrategy(state: SessionState, deck: Deck, item: string): string {
  const index = requireInventory(deck);
  const fromDeck = index.strategyOf.get(item);
  if (fromDeck) return fromDeck;
  const other = state.inventory.others.get(item);
  if (!other || other.removed) throw new DomainError(404, 'unknown_item', 'The inventory has no such activity.');
  if (state.inventory.mergedInto.has(item)) throw new DomainError(409, 'merged', 'This activity is merged into another; decide on that one.');
  return other.strategy;
}

/** The team's decision on an activity (null takes it back), with a note; the same again commits nothing. */
export function decide(state: SessionState, deck: Deck, item: string, decision: InventoryDecision | null, note: string | undefined) {
  itemStrategy(state, deck, item);
  if (decision !== null && !INVENTORY_DECISIONS.includes(decision)) throw new DomainError(400, 'unknown_decision', 'That is not one of the decisions.');
  const before = state.inventory.decisions.get(item);
  const cleanNote = note === undefined ? (before?.note ?? '') : note.trim() === '' ? '' : cleanOrRefuse(cleanText(note, NOTE_MAX_LENGTH));
  const same = decision === null ? !before : before?.decision === decision && before.note === cleanNote;
  return { events: same ? [] : [event('inventory.decided', { item, decision, note: decision === null ? '' : cleanNote })], response: { item, decision, note: decision === null ? '' : cleanNote } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function planDate(value: string, field: string): string {
  const v = value.trim();
  if (v === '') return '';
  const ok = ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
  if (!ok) throw new DomainError(400, 'bad_date', `The ${field} date must be a date such as 2025-09-01.`);
  return v;
}

function planText(value: string, max: number): string {
  return value.trim() === '' ? '' : cleanOrRefuse(cleanText(value, max)).replace(/\s*\n\s*/g, ' ');
}

/**
 * Fills in part of a plan row. Only an activity the team decided to initiate this year has
 * one; its fields are kept if the decision changes, and are there again if it returns.
 */
export function editPlanRow(state: SessionState, deck: Deck, item: string, changes: Partial<PlanFields>) {
  const index = requireInventory(deck);
  itemStrategy(state, deck, item);
  if (state.inventory.decisions.get(item)?.decision !== 'initiate-this-year') {
    throw new DomainError(409, 'not_in_plan', 'Only an activity the team decided to initiate this year is in the plan.');
  }
  const clean: Partial<PlanFields> = {};
  if (changes.lead !== undefined) clean.lead = planText(changes.lead, PLAN_LEAD_MAX_LENGTH);
  if (changes.start !== undefined) clean.start = planDate(changes.start, 'start');
  if (changes.due !== undefined) clean.due = planDate(changes.due, 'due');
  if (changes.resources !== undefined) {
    const unknown = changes.resources.find((id) => !index.resourceIds.has(id));
    if (unknown !== undefined) throw new DomainError(400, 'unknown_resource', `"${unknown.slice(0, 40)}" is not one of the resources.`);
    clean.resources = index.content.resources.map((r) => r.id).filter((id) => changes.resources!.includes(id));
  }
  if (changes.resourcesNote !== undefined) clean.resourcesNote = planText(changes.resourcesNote, PLAN_TEXT_MAX_LENGTH);
  if (changes.documentation !== undefined) clean.documentation = planText(changes.documentation, PLAN_TEXT_MAX_LENGTH);
  if (changes.status !== undefined) {
    if (!PLAN_STATUSES.includes(changes.status)) throw new DomainError(400, 'unknown_status', 'That is not one of the statuses.');
    clean.status = changes.status;
  }
  const before = state.inventory.plan.get(item) ?? emptyPlanFields();
  const after = { ...before, ...clean };
  if (after.start && after.due && after.due < after.start) throw new DomainError(400, 'dates_out_of_order', 'The due date comes before the start date.');
  const changed = Object.fromEntries(Object.entries(clean).filter(([key, value]) => JSON.stringify(before[key as keyof PlanFields]) !== JSON.stringify(value))) as Partial<PlanFields>;
  return { events: Object.keys(changed).length === 0 ? [] : [event('inventory.plan-edited', { item, changes: changed })], response: { item, ...after } };
}
