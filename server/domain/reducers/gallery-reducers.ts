import '../events/gallery-events.js';
import type { Reducers } from './reducer-types.js';

export const galleryReducers: Reducers = {
  'sticker.placed': (state, data, { at }) => {
    const { gallery } = state;
    const sticker = {
      id: data.stickerId,
      participantId: data.participantId,
      cardId: data.cardId,
      wall: data.wall,
      slide: data.slide,
      paper: data.paper ?? false,
      group: data.group ?? null,
      at,
    };
    gallery.stickers.set(data.stickerId, sticker);
    if (data.participantId) {
      gallery.participantVersions.set(data.participantId, (gallery.participantVersions.get(data.participantId) ?? 0) + 1);
      gallery.changedParticipants.push(data.participantId);
      const own = gallery.stickersByParticipant.get(data.participantId);
      if (own) own.set(data.stickerId, sticker);
      else gallery.stickersByParticipant.set(data.participantId, new Map([[data.stickerId, sticker]]));
    } else {
      gallery.paperStickerIds.add(data.stickerId);
    }
  },
  'sticker.removed': (state, { stickerId }) => {
    const { gallery } = state;
    const sticker = gallery.stickers.get(stickerId);
    if (!sticker) return;
    gallery.stickers.delete(stickerId);
    if (sticker.participantId) {
      gallery.stickersByParticipant.get(sticker.participantId)?.delete(stickerId);
      gallery.participantVersions.set(sticker.participantId, (gallery.participantVersions.get(sticker.participantId) ?? 0) + 1);
      gallery.changedParticipants.push(sticker.participantId);
    }
    else gallery.paperStickerIds.delete(stickerId);
  },
  'card.merged': (state, { cardId, intoId }) => {
    state.gallery.mergedInto.set(cardId, intoId);
  },
  'card.unmerged': (state, { cardId }) => {
    state.gallery.mergedInto.delete(cardId);
  },
  'gallery.revealed': (state, { slide, revealed }) => {
    if (revealed) state.gallery.revealed.add(slide);
    else state.gallery.revealed.delete(slide);
  },
  'tally.cut-chosen': (state, { slide, wall, cardIds }) => {
    state.gallery.cutChoices.set(`${slide}:${wall}`, cardIds);
  },
  'agreement.edited': (state, { changes }, { at }) => {
    Object.assign(state.gallery.agreement, changes);
    state.gallery.agreementEditedAt = at;
  },
  'card.paper-group': (state, { cardId, group }) => {
    state.gallery.paperGroups.set(cardId, group);
  },
};
