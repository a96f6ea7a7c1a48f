import type { Deck } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { inventoryIndex, requireInventory } from './inventory-deck.js';
import type { CarriedItem, PreviousInventory } from './inventory-events.js';
import { emptyPlanFields } from './inventory-state.js';

/**
 * What an inventory session hands on to next year's: every item its team decided on (the
 * deck's activities and the team's own "other" activities, with their wording), each with
 * its note and, for those in the plan, its plan row as it stands.
 */
export function decidedItems(state: SessionState, deck: Deck): CarriedItem[] {
  const index = inventoryIndex(deck);
  if (!index) return [];
  const inv = state.inventory;
  const items: CarriedItem[] = [];
  for (const [item, { decision, note }] of inv.decisions) {
    const fromDeck = index.strategyOf.get(item);
    const own = fromDeck ? null : inv.otherGroups.get(item);
    if (!fromDeck && !own) continue;
    const plan = decision === 'initiate-this-year' ? (inv.plan.get(item) ?? emptyPlanFields()) : null;
    items.push({ item, strategy: fromDeck ?? own!.strategy, text: own ? own.texts[0] : null, decision, note, plan: plan && { ...plan, resources: [...plan.resources] } });
  }
  return items;
}

/**
 * Starts this session from an earlier inventory: its decisions and plan are copied into
 * this session's log as one event, so this team reviews them instead of starting blank, and
 * the projector can show what changed. Only a session whose team has decided nothing yet.
 */
export function carryOver(state: SessionState, deck: Deck, from: PreviousInventory, items: CarriedItem[]) {
  const index = requireInventory(deck);
  if (state.inventory.previous || state.inventory.decisions.size > 0) throw new DomainError(409, 'already_started', 'This inventory already has decisions; it can only start from an earlier one before any.');
  // Resource tags this deck no longer has are dropped; the rest of the row comes as it was.
  const kept = items.map((item) => (item.plan ? { ...item, plan: { ...item.plan, resources: item.plan.resources.filter((id) => index.resourceIds.has(id)) } } : item));
  return { events: [event('inventory.carried-over', { from, items: kept })], response: { from: from.code, items: kept.length } };
}
