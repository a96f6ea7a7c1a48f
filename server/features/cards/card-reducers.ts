import type { Reducers } from '../../domain/reducer.js';

export const cardReducers: Reducers = {
  'card.written': (state, data, { at }) => {
    state.cards.set(data.cardId, {
      id: data.cardId,
      wall: data.wall,
      slide: data.slide,
      authorId: data.participantId,
      text: data.text,
      revisions: [{ text: data.text, slide: data.slide, at }],
      pairId: data.pairId ?? null,
      paper: data.paper ?? false,
      hidden: false,
      withdrawn: false,
      at,
    });
    if (data.participantId) {
      const own = state.cardIdsByAuthor.get(data.participantId);
      if (own) own.push(data.cardId);
      else state.cardIdsByAuthor.set(data.participantId, [data.cardId]);
    }
  },
  'card.revised': (state, { cardId, text, slide }, { at }) => {
    const card = state.cards.get(cardId);
    if (!card) return;
    card.text = text;
    card.revisions.push({ text, slide, at });
  },
  'card.withdrawn': (state, { cardId }) => {
    const card = state.cards.get(cardId);
    if (card) card.withdrawn = true;
  },
  'card.hidden': (state, { cardId, hidden }) => {
    const card = state.cards.get(cardId);
    if (card) card.hidden = hidden;
  },
};
