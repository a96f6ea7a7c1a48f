import type { Reducers } from '../../domain/reducer.js';

export const preparationReducers: Reducers = {
  'preparation.field-set': (state, { fieldId, value }, { seq }) => {
    if (value) state.preparation.fields.set(fieldId, value);
    else state.preparation.fields.delete(fieldId);
    state.preparation.seq = seq;
  },
};
