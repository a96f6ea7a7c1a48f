import type { Deck } from '../../deck/deck-schema.js';
import type { BoardCluster, BoardNote, GroupBoard, MyGroupWorkPart, PhoneOwnParts, ShareOutMove, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { mixedGroupsActivity, preparedStandards, sideOf } from './group-work-model.js';
import { clustersOf, groupOfParticipant, isAgreed, notesOf, type Cluster, type Note, type WorkGroup } from './group-work-state.js';

/**
 * The small groups' parts of each role's view. Facilitators see every group's board; a
 * phone sees its own group's board (its members' first names, every note with no author
 * but "mine"), never another group's.
 */

function boardNote(note: Note): BoardNote {
  return { id: note.id, standardId: note.standardId, text: note.text, helpers: note.helpers, clusterId: note.clusterId, paper: note.authorId === null };
}

function boardCluster(cluster: Cluster): BoardCluster {
  const { id, name, activity, partnerRoles, useful, realistic, cardId } = cluster;
  return { id, name, activity, partnerRoles, useful, realistic, agreed: isAgreed(cluster), cardId };
}

/** One group's board, as its members and the table's laptop see it. */
export function groupBoard(state: SessionState, deck: Deck, group: WorkGroup, viewer: string | null = null): GroupBoard {
  const activity = mixedGroupsActivity(state, deck)?.activity;
  return {
    id: group.id,
    number: group.number,
    members: group.members.flatMap((id) => {
      const p = state.participants.get(id);
      return p ? [{ name: p.name, side: sideOf(activity, p.group), me: id === viewer }] : [];
    }),
    standardIds: group.standardIds,
    notes: notesOf(state, group.id).map((n) => ({ ...boardNote(n), mine: viewer !== null && n.authorId === viewer })),
    clusters: clustersOf(state, group.id).map(boardCluster),
  };
}

/** Every group with its members, standards, notes and clusters, for the facilitators. */
export function groupWorkPart(state: SessionState, deck: Deck): Pick<StaffParts, 'groupWork'> {
  const work = state.groupWork;
  const activity = mixedGroupsActivity(state, deck)?.activity;
  const person = (id: string) => {
    const p = state.participants.get(id)!;
    return { id, name: p.name, group: p.group, side: sideOf(activity, p.group) };
  };
  return {
    groupWork: {
      slide: work.slide,
      groups: work.groups.map((g) => ({
        id: g.id,
        number: g.number,
        members: g.members.filter((id) => state.participants.has(id)).map(person),
        standardIds: g.standardIds,
        notes: notesOf(state, g.id).map(boardNote),
        clusters: clustersOf(state, g.id).map(boardCluster),
      })),
      ungrouped: work.groups.length ? [...state.participants.keys()].filter((id) => !work.groupOf.has(id)).map(person) : [],
      sharing: Object.fromEntries(work.sharing),
    },
  };
}

/** A phone's own group and its board (null before the groups are made, or when the person is in none). */
export function myGroupWorkPart(state: SessionState, deck: Deck, participantId: string): Pick<PhoneOwnParts, 'myGroupWork'> {
  const group = groupOfParticipant(state, participantId);
  const part: MyGroupWorkPart = { grouped: state.groupWork.groups.length > 0, group: group ? groupBoard(state, deck, group, participantId) : null };
  return { myGroupWork: part };
}

/** The groups in share-out order: those with agreed activities, by number. */
export function sharingGroups(state: SessionState): WorkGroup[] {
  return state.groupWork.groups.filter((g) => clustersOf(state, g.id).some(isAgreed));
}

/** What the room sees in the share-out: the group on show, its standards and its agreed activities. */
export function shareOutMove(state: SessionState, deck: Deck, slide: number): ShareOutMove {
  const groups = sharingGroups(state);
  const chosen = state.groupWork.sharing.get(slide);
  const index = Math.max(0, groups.findIndex((g) => g.id === chosen));
  const group = groups[index];
  const standards = preparedStandards(state, deck);
  return {
    count: groups.length,
    index,
    group: group
      ? {
          id: group.id,
          number: group.number,
          standards: standards.filter((s) => group.standardIds.includes(s.id)),
          activities: clustersOf(state, group.id)
            .filter(isAgreed)
            .map((c) => ({ name: c.name, activity: c.activity, partnerRoles: c.partnerRoles })),
        }
      : null,
  };
}
