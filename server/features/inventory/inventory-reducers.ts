import type { Deck } from '../../deck/deck-schema.js';
import type { InventoryMark } from '../../contract/parts.js';
import type { Reducers } from '../../domain/reducer.js';
import type { SessionState } from '../../domain/session-state.js';
import { inventoryIndex } from './inventory-deck.js';
import { emptyPlanFields, rootOther, type AnswerCounts, type OtherGroup } from './inventory-state.js';

/**
 * The inventory's reducers. Every sum the roll-up shows (answers per activity, who has
 * answered each strategy, the merged "other" activities' counts) is kept here as events
 * arrive, so views and the plan only read them, and replaying the log gives the same sums.
 */
export const inventoryReducers: Reducers = {
  'inventory.marked': (state, { participantId, activityId, mark }, { deck }) => {
    const inv = state.inventory;
    const strategy = inventoryIndex(deck)?.strategyOf.get(activityId);
    if (!strategy) return;
    let mine = inv.marks.get(participantId);
    if (!mine) inv.marks.set(participantId, (mine = new Map()));
    const before = mine.get(activityId) ?? null;
    if (before === mark) return;
    const counts = countsOf(state, activityId);
    if (before) counts[before]--;
    if (mark) counts[mark]++;
    if (mark) mine.set(activityId, mark);
    else mine.delete(activityId);
    // Answered or taken back: the person's progress in the strategy and in all.
    const step = before === null ? 1 : mark === null ? -1 : 0;
    if (step !== 0) answeredStep(state, deck, strategy, participantId, step);
  },

  'inventory.other-added': (state, { otherId, participantId, strategy, text, mark }, { at, seq }) => {
    const inv = state.inventory;
    inv.others.set(otherId, { id: otherId, strategy, participantId, text, mark, at, carried: false, removed: false });
    if (participantId) inv.otherIdsByAuthor.set(participantId, [...(inv.otherIdsByAuthor.get(participantId) ?? []), otherId]);
    regroup(state, strategy);
    if (!participantId) inv.planSeq = seq;
  },
  'inventory.other-changed': (state, { otherId, text, mark }, { seq }) => {
    const other = state.inventory.others.get(otherId);
    if (!other) return;
    Object.assign(other, { text, mark });
    regroup(state, other.strategy);
    state.inventory.planSeq = seq;
  },
  'inventory.other-removed': (state, { otherId }, { seq }) => {
    const inv = state.inventory;
    const other = inv.others.get(otherId);
    if (!other) return;
    other.removed = true;
    inv.mergedInto.delete(otherId);
    // Activities merged into it stand on their own again.
    for (const [child, into] of [...inv.mergedInto]) if (into === otherId) inv.mergedInto.delete(child);
    regroup(state, other.strategy);
    inv.planSeq = seq;
  },
  'inventory.other-merged': (state, { otherId, intoId }, { seq }) => {
    const other = state.inventory.others.get(otherId);
    if (!other) return;
    state.inventory.mergedInto.set(otherId, intoId);
    regroup(state, other.strategy);
    state.inventory.planSeq = seq;
  },
  'inventory.other-unmerged': (state, { otherId }, { seq }) => {
    const other = state.inventory.others.get(otherId);
    if (!other) return;
    state.inventory.mergedInto.delete(otherId);
    regroup(state, other.strategy);
    state.inventory.planSeq = seq;
  },

  'inventory.decided': (state, { item, decision, note }, { at, seq }) => {
    if (decision) state.inventory.decisions.set(item, { decision, note, at });
    else state.inventory.decisions.delete(item);
    state.inventory.planSeq = seq;
  },
  'inventory.plan-edited': (state, { item, changes }, { seq }) => {
    const plan = state.inventory.plan;
    plan.set(item, { ...(plan.get(item) ?? emptyPlanFields()), ...changes });
    state.inventory.planSeq = seq;
  },
  'inventory.carried-over': (state, { from, items }, { at, seq, deck }) => {
    const inv = state.inventory;
    inv.previous = { from, decisions: new Map(items.map((i) => [i.item, i.decision])) };
    const index = inventoryIndex(deck);
    const touched = new Set<string>();
    for (const carried of items) {
      if (carried.text !== null) {
        // Last year's own activity comes along with its wording, under its own id.
        inv.others.set(carried.item, { id: carried.item, strategy: carried.strategy, participantId: null, text: carried.text, mark: null, at, carried: true, removed: false });
        touched.add(carried.strategy);
      } else if (!index?.strategyOf.has(carried.item)) {
        // An activity this version of the deck no longer has: remembered as last year's, not decided again.
        continue;
      }
      inv.decisions.set(carried.item, { decision: carried.decision, note: carried.note, at });
      if (carried.plan) inv.plan.set(carried.item, { ...carried.plan });
    }
    for (const strategy of touched) regroup(state, strategy);
    inv.planSeq = seq;
  },
  // The plan prints the district's terms: a change to them is a new version of its PDF.
  'terms.set': (state, _data, { seq }) => {
    state.inventory.planSeq = seq;
  },
};

function countsOf(state: SessionState, activityId: string): AnswerCounts {
  let counts = state.inventory.counts.get(activityId);
  if (!counts) state.inventory.counts.set(activityId, (counts = { conducted: 0, initiate: 0, neither: 0 }));
  return counts;
}

/** One answer more (or fewer) for a person in a strategy: their progress, who is done, who is a member. */
function answeredStep(state: SessionState, deck: Deck, strategy: string, participantId: string, step: 1 | -1): void {
  const inv = state.inventory;
  let people = inv.answered.get(strategy);
  if (!people) inv.answered.set(strategy, (people = new Map()));
  const total = inventoryIndex(deck)!.activitiesOf.get(strategy)!.length;
  const before = people.get(participantId) ?? 0;
  const after = before + step;
  if (after > 0) people.set(participantId, after);
  else people.delete(participantId);
  const done = inv.done.get(strategy) ?? 0;
  if (before < total && after === total) inv.done.set(strategy, done + 1);
  if (before === total && after < total) inv.done.set(strategy, done - 1);
  const all = (inv.answeredByPerson.get(participantId) ?? 0) + step;
  if (all > 0) inv.answeredByPerson.set(participantId, all);
  else inv.answeredByPerson.delete(participantId);
}

/**
 * The merged groups of one strategy's "other" activities, made again from its activities
 * (a strategy has a handful): each root with its wordings, the people behind it and how
 * many of them marked it ✓ or ☆ (a person counts once per group).
 */
function regroup(state: SessionState, strategy: string): void {
  const inv = state.inventory;
  for (const [id, group] of [...inv.otherGroups]) if (group.strategy === strategy) inv.otherGroups.delete(id);
  const members = new Map<string, string[]>();
  for (const other of inv.others.values()) {
    if (other.strategy !== strategy || other.removed) continue;
    const root = rootOther(state, other.id);
    members.set(root, [...(members.get(root) ?? []), other.id]);
  }
  for (const [root, ids] of members) {
    const first = inv.others.get(root);
    if (!first || first.removed) continue;
    const rest = ids.filter((id) => id !== root).sort((a, b) => inv.others.get(a)!.at - inv.others.get(b)!.at);
    const everyone = [root, ...rest].map((id) => inv.others.get(id)!);
    const markOf = new Map<string, InventoryMark | null>();
    for (const other of everyone) if (other.participantId && !markOf.has(other.participantId)) markOf.set(other.participantId, other.mark);
    const group: OtherGroup = {
      id: root,
      strategy,
      texts: everyone.map((o) => o.text),
      merged: rest,
      people: markOf.size,
      conducted: [...markOf.values()].filter((m) => m === 'conducted').length,
      initiate: [...markOf.values()].filter((m) => m === 'initiate').length,
      carried: first.carried,
    };
    inv.otherGroups.set(root, group);
  }
}
