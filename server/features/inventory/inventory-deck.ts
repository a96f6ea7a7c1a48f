import type { Deck, InventoryContent } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';

/** What the inventory's code looks up in the deck, made once per deck object. */
export interface InventoryIndex {
  content: InventoryContent;
  strategyIds: string[];
  /** Deck activity id → its strategy id. */
  strategyOf: Map<string, string>;
  /** Strategy id → its activity ids in the deck's order. */
  activitiesOf: Map<string, string[]>;
  resourceIds: Set<string>;
}

const indexes = new WeakMap<Deck, InventoryIndex | null>();

/** The deck's inventory, indexed; null for a deck without one. */
export function inventoryIndex(deck: Deck): InventoryIndex | null {
  let index = indexes.get(deck);
  if (index === undefined) {
    const content = deck.inventory;
    index = content
      ? {
          content,
          strategyIds: content.strategies.map((s) => s.id),
          strategyOf: new Map(content.strategies.flatMap((s) => s.activities.map((a) => [a.id, s.id] as const))),
          activitiesOf: new Map(content.strategies.map((s) => [s.id, s.activities.map((a) => a.id)])),
          resourceIds: new Set(content.resources.map((r) => r.id)),
        }
      : null;
    indexes.set(deck, index);
  }
  return index;
}

/** The deck's inventory, or a clear refusal for a session whose deck has none. */
export function requireInventory(deck: Deck): InventoryIndex {
  const index = inventoryIndex(deck);
  if (!index) throw new DomainError(404, 'no_inventory', `The deck "${deck.title}" has no inventory.`);
  return index;
}
