import type { Reducers } from '../../domain/reducer.js';
import { groupOf } from './lineup-state.js';

export const lineupReducers: Reducers = {
  'lineup.opened': (state, { slide }) => {
    state.lineup = { slide, answered: new Set(), groups: null };
  },
  'lineup.answered': (state, { participantId }) => {
    state.lineup?.answered.add(participantId);
  },
  'lineup.grouped': (state, { slide, groups }) => {
    state.lineup = { slide, answered: state.lineup?.answered ?? new Set(), groups: groups.map((g) => [...g]) };
  },
  'lineup.placed': (state, { participantId, group }) => {
    const groups = state.lineup?.groups;
    if (!groups) return;
    const from = groupOf(state, participantId);
    if (from >= 0) groups[from] = groups[from].filter((id) => id !== participantId);
    while (groups.length <= group) groups.push([]);
    groups[group].push(participantId);
  },
};
