import type { Reducers } from '../../domain/reducer.js';
import { addPlacedSticker, countOnCard, personOn, recountCardVoice, recountPerson, recountWalks, walkOn } from './gallery-sums.js';
import type { Sticker } from './gallery-state.js';

/**
 * The gallery walk's reducers. Besides its own events they follow the cards and the
 * participants (listed before the gallery walk, so their change is applied first): a card
 * written, withdrawn or hidden, or a person changing group, changes the equity of voice,
 * and a withdrawn card gives its stickers back to their owners' budgets.
 */
export const galleryReducers: Reducers = {
  'sticker.placed': (state, data, { at, deck }) => {
    const sticker: Sticker = {
      id: data.stickerId,
      participantId: data.participantId,
      cardId: data.cardId,
      wall: data.wall,
      slide: data.slide,
      paper: data.paper ?? false,
      group: data.group ?? null,
      at,
    };
    state.gallery.stickers.set(sticker.id, sticker);
    const walk = walkOn(state.gallery, sticker.slide);
    countOnCard(state, walk, sticker.cardId, sticker.paper, 1);
    if (sticker.participantId) {
      personOn(walk, sticker.participantId).placed.set(sticker.id, sticker);
      addPlacedSticker(state, deck, walk, sticker.participantId, sticker);
    } else {
      walk.paper.set(sticker.id, sticker);
    }
  },
  'sticker.removed': (state, { stickerId }, { deck }) => {
    const sticker = state.gallery.stickers.get(stickerId);
    if (!sticker) return;
    state.gallery.stickers.delete(stickerId);
    const walk = walkOn(state.gallery, sticker.slide);
    countOnCard(state, walk, sticker.cardId, sticker.paper, -1);
    if (sticker.participantId) {
      walk.people.get(sticker.participantId)?.placed.delete(stickerId);
      recountPerson(state, deck, walk, sticker.participantId);
    } else {
      walk.paper.delete(stickerId);
    }
  },
  'card.merged': (state, { cardId, intoId }, { deck }) => {
    state.gallery.mergedInto.set(cardId, intoId);
    recountWalks(state, deck);
  },
  'card.unmerged': (state, { cardId }, { deck }) => {
    state.gallery.mergedInto.delete(cardId);
    recountWalks(state, deck);
  },
  'gallery.revealed': (state, { slide, revealed }) => {
    if (revealed) state.gallery.revealed.add(slide);
    else state.gallery.revealed.delete(slide);
  },
  'tally.cut-chosen': (state, { slide, wall, cardIds }) => {
    state.gallery.cutChoices.set(`${slide}:${wall}`, cardIds);
  },
  'card.paper-group': (state, { cardId, group }) => {
    state.gallery.paperGroups.set(cardId, group);
    recountCardVoice(state, cardId);
  },

  // Followed from the cards and the participants.
  // A card written or hidden during a walk changes what a person can spend on its wall.
  'card.written': (state, { cardId }, { deck }) => {
    recountCardVoice(state, cardId);
    if (state.gallery.walks.size) recountWalks(state, deck);
  },
  'card.hidden': (state, { cardId }, { deck }) => {
    recountCardVoice(state, cardId);
    if (state.gallery.walks.size) recountWalks(state, deck);
  },
  'card.withdrawn': (state, { cardId }, { deck }) => {
    recountCardVoice(state, cardId);
    recountWalks(state, deck);
  },
  'participant.updated': (state, { participantId }, { deck }) => {
    for (const cardId of state.cardIdsByAuthor.get(participantId) ?? []) recountCardVoice(state, cardId);
    for (const walk of state.gallery.walks.values()) recountPerson(state, deck, walk, participantId);
  },
};
