import { defineFeature } from '../feature.js';
import { cardReducers } from './card-reducers.js';
import { emptyCards } from './card-state.js';
import { cardsPart } from './card-views.js';
import { cardsRoutes } from './cards-routes.js';
import { reviseRoutes } from './revise-routes.js';

/**
 * Cards on the walls: one card per activity (`card`), a two-sided card (`two-sided-card`),
 * and Activity 4's revision of one's definition with an example card (`revise-and-example`).
 */
export const cards = defineFeature({
  name: 'cards',
  deckKinds: ['card', 'two-sided-card', 'revise-and-example'],
  emptyState: emptyCards,
  reducers: cardReducers,
  staffProducers: [{ changesWith: ['card.', 'participant.'], produce: cardsPart }],
  routes: [
    { path: 'cards', routes: cardsRoutes },
    { path: 'revise', routes: reviseRoutes },
  ],
});
