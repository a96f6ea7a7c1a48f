import type { InventoryMove, PhoneOwnParts, StaffParts } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import { inventoryIndex } from './inventory-deck.js';
import { changesSinceLastYear, planRows, rollup } from './rollup.js';

/** The facilitators' `inventory` part: the roll-up, the decisions, the plan and what changed since last year. */
export function inventoryPart(state: SessionState, deck: Deck): Pick<StaffParts, 'inventory'> {
  if (!inventoryIndex(deck)) return { inventory: null };
  const inv = state.inventory;
  return {
    inventory: {
      members: inv.answeredByPerson.size,
      strategies: rollup(state, deck),
      decisions: Object.fromEntries(inv.decisions),
      plan: planRows(state, deck),
      previous: inv.previous ? Object.fromEntries(inv.previous.decisions) : null,
      changes: changesSinceLastYear(state, deck),
      wordsVersion: state.termsSeq,
    },
  };
}

/** A member's own answers and "other" activities, never anyone else's. */
export function myInventoryPart(state: SessionState, deck: Deck, participantId: string): Pick<PhoneOwnParts, 'myInventory'> {
  if (!inventoryIndex(deck)) return { myInventory: null };
  const inv = state.inventory;
  const others = (inv.otherIdsByAuthor.get(participantId) ?? [])
    .map((id) => inv.others.get(id)!)
    .filter((o) => !o.removed)
    .map(({ id, strategy, text, mark }) => ({ id, strategy, text, mark }));
  return { myInventory: { marks: Object.fromEntries(inv.marks.get(participantId) ?? []), others } };
}

/** On a marking slide, every phone learns the version of the inventory's words, and fetches them again when it moves. */
export function inventoryMove(state: SessionState): InventoryMove {
  return { wordsVersion: state.termsSeq };
}
