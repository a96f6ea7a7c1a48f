import type { Reducers } from '../../domain/reducer.js';

export const termsReducers: Reducers = {
  // A new object each time, never changed in place: a page may still hold the one it read.
  'terms.set': (state, { values }, { seq }) => {
    const next: Record<string, Record<string, string>> = { ...state.terms };
    for (const [id, byLanguage] of Object.entries(values)) {
      const merged: Record<string, string> = { ...next[id] };
      for (const [lang, words] of Object.entries(byLanguage)) {
        if (words === undefined || words.trim() === '') delete merged[lang];
        else merged[lang] = words.trim();
      }
      if (Object.keys(merged).length === 0) delete next[id];
      else next[id] = merged;
    }
    state.terms = next;
    state.termsSeq = seq;
  },
};
