import type { Reducers } from '../../domain/reducer.js';
import './preparation-events.js';

export const preparationReducers: Reducers = {
  'preparation.field-set': (state, { fieldId, value }, { seq }) => {
    if (value) state.preparation.fields.set(fieldId, value);
    else state.preparation.fields.delete(fieldId);
    state.preparation.seq = seq;
  },
  'preparation.values-set': (state, { schoolName, ...dates }, { seq }) => {
    if (schoolName !== undefined) state.schoolName = schoolName;
    state.preparation.dates = { ...state.preparation.dates, ...dates };
    state.preparation.seq = seq;
  },
};
