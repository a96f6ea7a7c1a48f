import type { Reducers } from '../../domain/reducer.js';

export const agreementReducers: Reducers = {
  'agreement.edited': (state, { changes }, { at }) => {
    Object.assign(state.agreement.fields, changes);
    state.agreement.editedAt = at;
  },
};
