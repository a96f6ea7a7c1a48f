import type { Reducers } from '../../domain/reducer.js';
import type { SessionState } from '../../domain/session-state.js';

function touched(state: SessionState, groupId: string, seq: number): void {
  state.groupWork.boardSeq.set(groupId, seq);
}

export const groupWorkReducers: Reducers = {
  'groups.made': (state, { slide, groups }, { seq }) => {
    const work = state.groupWork;
    work.slide = slide;
    work.groups = groups.map((g, i) => ({ id: g.groupId, number: i + 1, members: [...g.members], standardIds: [] }));
    work.groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.groupId] as const)));
    for (const g of groups) touched(state, g.groupId, seq);
  },
  'groups.member-placed': (state, { participantId, groupId }, { seq }) => {
    const work = state.groupWork;
    const from = work.groupOf.get(participantId);
    for (const group of work.groups) {
      if (group.id === from) group.members = group.members.filter((m) => m !== participantId);
      if (group.id === groupId) group.members.push(participantId);
    }
    work.groupOf.set(participantId, groupId);
    if (from) touched(state, from, seq);
    touched(state, groupId, seq);
  },
  'groups.standards-picked': (state, { groupId, standardIds }, { seq }) => {
    const group = state.groupWork.groups.find((g) => g.id === groupId);
    if (group) group.standardIds = [...standardIds];
    touched(state, groupId, seq);
  },
  'note.posted': (state, data, { at, seq }) => {
    state.groupWork.notes.set(data.noteId, {
      id: data.noteId,
      groupId: data.groupId,
      standardId: data.standardId,
      text: data.text,
      helpers: [...data.helpers],
      authorId: data.participantId,
      clusterId: null,
      withdrawn: false,
      at,
    });
    touched(state, data.groupId, seq);
  },
  'note.edited': (state, { noteId, text, helpers, standardId }, { seq }) => {
    const note = state.groupWork.notes.get(noteId);
    if (!note) return;
    Object.assign(note, { text, helpers: [...helpers], standardId });
    touched(state, note.groupId, seq);
  },
  'note.withdrawn': (state, { noteId }, { seq }) => {
    const note = state.groupWork.notes.get(noteId);
    if (!note) return;
    note.withdrawn = true;
    touched(state, note.groupId, seq);
  },
  'note.clustered': (state, { noteId, clusterId }, { seq }) => {
    const note = state.groupWork.notes.get(noteId);
    if (!note) return;
    note.clusterId = clusterId;
    touched(state, note.groupId, seq);
  },
  'cluster.saved': (state, data, { at, seq }) => {
    const work = state.groupWork;
    const before = work.clusters.get(data.clusterId);
    if (before?.cardId && before.cardId !== data.cardId) work.clusterOfCard.delete(before.cardId);
    work.clusters.set(data.clusterId, { id: data.clusterId, groupId: data.groupId, name: data.name, activity: data.activity, partnerRoles: data.partnerRoles, useful: data.useful, realistic: data.realistic, cardId: data.cardId, removed: false, at: before?.at ?? at });
    if (data.cardId) work.clusterOfCard.set(data.cardId, data.clusterId);
    touched(state, data.groupId, seq);
  },
  'cluster.removed': (state, { clusterId }, { seq }) => {
    const work = state.groupWork;
    const cluster = work.clusters.get(clusterId);
    if (!cluster) return;
    cluster.removed = true;
    if (cluster.cardId) work.clusterOfCard.delete(cluster.cardId);
    cluster.cardId = null;
    for (const note of work.notes.values()) if (note.clusterId === clusterId) note.clusterId = null;
    touched(state, cluster.groupId, seq);
  },
  'shareout.shown': (state, { slide, groupId }) => {
    state.groupWork.sharing.set(slide, groupId);
  },
  // A name or group change shows on the boards of the person's group.
  'participant.updated': (state, { participantId }, { seq }) => {
    const groupId = state.groupWork.groupOf.get(participantId);
    if (groupId) touched(state, groupId, seq);
  },
};
