import type { Reducers } from '../../domain/reducer.js';

export const blockPartyReducers: Reducers = {
  'blockparty.round.started': (state, { slide, round }) => {
    state.blockPartyRounds.set(slide, round);
  },
};
