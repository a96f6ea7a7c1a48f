import type { ChangedItem, InventoryChangesPart, PlanRowPart, RollupActivity, RollupStrategy } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import { inventoryIndex } from './inventory-deck.js';
import { emptyPlanFields } from './inventory-state.js';

/**
 * The order a strategy's activities are discussed in: where the team disagrees about
 * whether the district conducts an activity now (some ✓, some not), the most even splits
 * first; then by how many starred it; ties keep the inventory's order.
 */
export function discussionOrder(activities: readonly RollupActivity[]): string[] {
  const position = new Map(activities.map((a, i) => [a.id, i]));
  const split = (a: RollupActivity) => Math.abs(a.conducted / (a.conducted + a.initiate + a.neither) - 0.5);
  return [...activities]
    .sort((a, b) => {
      if (a.disagree !== b.disagree) return a.disagree ? -1 : 1;
      if (a.disagree && split(a) !== split(b)) return split(a) - split(b);
      if (a.initiate !== b.initiate) return b.initiate - a.initiate;
      return position.get(a.id)! - position.get(b.id)!;
    })
    .map((a) => a.id);
}

/** The activities with the most ☆: the top three by count, and any tied with the third; none without a star. */
export function mostStarred(activities: readonly RollupActivity[]): string[] {
  const starred = activities.filter((a) => a.initiate > 0).sort((a, b) => b.initiate - a.initiate);
  const cut = starred[Math.min(2, starred.length - 1)]?.initiate ?? 0;
  return starred.filter((a) => a.initiate >= cut).map((a) => a.id);
}

/** Each strategy's roll-up, read from the sums the reducers keep. */
export function rollup(state: SessionState, deck: Deck): RollupStrategy[] {
  const index = inventoryIndex(deck);
  if (!index) return [];
  const inv = state.inventory;
  return index.content.strategies.map((strategy) => {
    const activities: RollupActivity[] = strategy.activities.map(({ id }) => {
      const { conducted, initiate, neither } = inv.counts.get(id) ?? { conducted: 0, initiate: 0, neither: 0 };
      return { id, conducted, initiate, neither, disagree: conducted > 0 && conducted < conducted + initiate + neither };
    });
    const others = [...inv.otherGroups.values()]
      .filter((g) => g.strategy === strategy.id)
      .sort((a, b) => b.people - a.people || inv.others.get(a.id)!.at - inv.others.get(b.id)!.at)
      .map(({ strategy: _strategy, ...group }) => group);
    return {
      id: strategy.id,
      started: inv.answered.get(strategy.id)?.size ?? 0,
      done: inv.done.get(strategy.id) ?? 0,
      activities,
      order: discussionOrder(activities),
      mostStarred: mostStarred(activities),
      others,
    };
  });
}

/** Items the team can decide on, in the inventory's order: each strategy's activities, then its "other" activities. */
function itemsInOrder(state: SessionState, deck: Deck): { item: string; strategy: string; text: string | null }[] {
  const index = inventoryIndex(deck);
  if (!index) return [];
  const inv = state.inventory;
  return index.content.strategies.flatMap((strategy) => [
    ...strategy.activities.map((a) => ({ item: a.id, strategy: strategy.id, text: null })),
    ...[...inv.otherGroups.values()]
      .filter((g) => g.strategy === strategy.id)
      .sort((a, b) => inv.others.get(a.id)!.at - inv.others.get(b.id)!.at)
      .map((g) => ({ item: g.id, strategy: strategy.id, text: g.texts[0] })),
  ]);
}

/** The Leadership Action Plan: every item decided "to initiate this year", strategy by strategy, with its fields. */
export function planRows(state: SessionState, deck: Deck): PlanRowPart[] {
  const inv = state.inventory;
  return itemsInOrder(state, deck)
    .filter(({ item }) => inv.decisions.get(item)?.decision === 'initiate-this-year')
    .map(({ item, strategy, text }) => ({ item, strategy, text, note: inv.decisions.get(item)!.note, ...(inv.plan.get(item) ?? emptyPlanFields()) }));
}

/**
 * What changed since the earlier inventory this session started from: activities the team
 * now conducts that it did not; activities in last year's plan that are in this year's
 * again; and activities last year's team planned or conducted that this team set aside.
 */
export function changesSinceLastYear(state: SessionState, deck: Deck): InventoryChangesPart | null {
  const previous = state.inventory.previous;
  if (!previous) return null;
  const inv = state.inventory;
  const now = (item: string) => inv.decisions.get(item)?.decision ?? null;
  const items = itemsInOrder(state, deck);
  const changed = (keep: (before: string, now: string | null) => boolean): ChangedItem[] =>
    items.flatMap(({ item, strategy, text }) => {
      const before = previous.decisions.get(item);
      return before && keep(before, now(item)) ? [{ item, strategy, text, before, now: now(item) }] : [];
    });
  return {
    from: { code: previous.from.code, schoolName: previous.from.schoolName, startedAt: previous.from.startedAt },
    newlyConducted: changed((before, current) => current === 'conducted' && before !== 'conducted'),
    stillStarred: changed((before, current) => current === 'initiate-this-year' && before === 'initiate-this-year'),
    dropped: changed((before, current) => (before === 'initiate-this-year' || before === 'conducted') && (current === 'later' || current === 'not-for-us')),
  };
}
