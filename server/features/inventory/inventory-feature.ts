import { defineFeature } from '../feature.js';
import { inventoryReducers } from './inventory-reducers.js';
import { inventoryRoutes } from './inventory-routes.js';
import { emptyInventory } from './inventory-state.js';
import { inventoryMove, inventoryPart, myInventoryPart } from './inventory-views.js';

/**
 * The District Facilitation Inventory: members mark its activities on their own devices,
 * the projector shows the team's roll-up, the facilitators record decisions, and the
 * decided activities become the Leadership Action Plan (page, PDF, CSV, JSON). A session
 * may start from last year's, whose decisions and plan are copied into its log.
 */
export const inventory = defineFeature({
  name: 'inventory',
  deckKinds: ['inventory', 'inventory-rollup', 'inventory-plan', 'inventory-changes'],
  emptyState: emptyInventory,
  reducers: inventoryReducers,
  staffProducers: [{ changesWith: ['inventory.', 'terms.'], produce: inventoryPart }],
  phoneOwnProducers: [{ changesWith: ['inventory.'], produce: myInventoryPart }],
  phoneMove: (state, _deck, _slide, activity) => (activity.kind === 'inventory' ? inventoryMove(state) : null),
  routes: [{ path: 'inventory', routes: inventoryRoutes }],
});
