import type { Reducers } from '../../domain/reducer.js';

export const roundRobinReducers: Reducers = {
  'roundrobin.started': (state, { slide }, { at }) => {
    const groups = new Map(
      (state.lineup?.groups ?? []).map((members, i) => [i, { turn: 0, turnStartedAt: at, recorderId: members[0] ?? null, notes: '', notesAt: 0 }]),
    );
    // Starting again keeps what groups recorded: only the turns begin anew.
    const before = state.roundRobins.get(slide);
    for (const [i, group] of groups) {
      const old = before?.groups.get(i);
      if (old) Object.assign(group, { recorderId: old.recorderId ?? group.recorderId, notes: old.notes, notesAt: old.notesAt });
    }
    state.roundRobins.set(slide, { startedAt: at, groups });
  },
  'roundrobin.turn.passed': (state, { slide, group, turn }, { at }) => {
    const progress = state.roundRobins.get(slide)?.groups.get(group);
    if (progress) Object.assign(progress, { turn, turnStartedAt: at });
  },
  'roundrobin.recorder.set': (state, { slide, group, participantId }) => {
    const progress = state.roundRobins.get(slide)?.groups.get(group);
    if (progress) progress.recorderId = participantId;
  },
  'roundrobin.notes.saved': (state, { slide, group, text }, { at }) => {
    const progress = state.roundRobins.get(slide)?.groups.get(group);
    if (progress) Object.assign(progress, { notes: text, notesAt: at });
  },

  // The line-up's groups, followed after the line-up's own reducers have applied them.
  // New groups make a fresh start for any round robin that ran on the old ones.
  'lineup.grouped': (state) => {
    state.roundRobins.clear();
  },
  // A person moved to another group: the group they left gets a new recorder if they were
  // it, and the group they joined gets them as recorder if it had none.
  'lineup.placed': (state, { participantId, group }) => {
    const groups = state.lineup?.groups;
    if (!groups) return;
    for (const robin of state.roundRobins.values()) {
      for (const [index, progress] of robin.groups) {
        if (index !== group && progress.recorderId === participantId) progress.recorderId = groups[index][0] ?? null;
      }
      const joined = robin.groups.get(group);
      if (!joined) robin.groups.set(group, { turn: 0, turnStartedAt: robin.startedAt, recorderId: participantId, notes: '', notesAt: 0 });
      else if (!joined.recorderId) joined.recorderId = participantId;
    }
  },
};
