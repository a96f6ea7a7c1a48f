import type { Activity, InventoryPart, RollupStrategy, StaffParts } from '../../server/contract/parts.js';
import type { LiveSession } from '../shared/live-session.js';
import { activityTexts, type InventoryStrategyWords, type InventoryWords } from '../shared/inventory-words.js';

/** What a roll-up slide shows of one strategy: its counts, its words, and its activities' counts and texts by id. */
export interface Rollup {
  inventory: InventoryPart;
  strategy: RollupStrategy;
  strategyWords: InventoryStrategyWords;
  texts: Map<string, string>;
  counts: Map<string, RollupStrategy['activities'][number]>;
  starred: Set<string>;
}

/**
 * The roll-up of the strategy a slide's `inventory-rollup` activity names, for the notes
 * view's panel and the projector's pages alike; null until the live view and the words
 * have come, or on a slide with another activity.
 */
export function rollupOf(live: LiveSession<StaffParts> | undefined, activity: Activity | null, words: InventoryWords | null | undefined): Rollup | null {
  const inventory = live?.part('inventory');
  if (!live || activity?.kind !== 'inventory-rollup' || !inventory || !words) return null;
  const strategy = inventory.strategies.find((s) => s.id === activity.strategy);
  const strategyWords = words.strategies.find((s) => s.id === activity.strategy);
  if (!strategy || !strategyWords) return null;
  return {
    inventory,
    strategy,
    strategyWords,
    texts: activityTexts(words),
    counts: new Map(strategy.activities.map((a) => [a.id, a])),
    starred: new Set(strategy.mostStarred),
  };
}
