import type { SessionState } from '../../domain/session-state.js';

export interface WorkGroup {
  id: string;
  /** 1-based, in the order the groups were made. */
  number: number;
  members: string[];
  standardIds: string[];
}

export interface Note {
  id: string;
  groupId: string;
  standardId: string;
  text: string;
  helpers: string[];
  authorId: string | null;
  clusterId: string | null;
  withdrawn: boolean;
  at: number;
}

export interface Cluster {
  id: string;
  groupId: string;
  name: string;
  activity: string;
  partnerRoles: string;
  useful: boolean;
  realistic: boolean;
  cardId: string | null;
  removed: boolean;
  at: number;
}

export interface GroupWork {
  /** The mixed-groups slide the groups were made on, or null before. */
  slide: number | null;
  groups: WorkGroup[];
  /** Participant → the id of their group. */
  groupOf: Map<string, string>;
  notes: Map<string, Note>;
  clusters: Map<string, Cluster>;
  /** Card id on the strategies wall → the cluster whose agreed activity it is. */
  clusterOfCard: Map<string, string>;
  /** Share-out slide → the group it shows. */
  sharing: Map<number, string>;
  /** Group id → the log position of the last change to its board (the table's laptop asks again only after one). */
  boardSeq: Map<string, number>;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** The process protocol's small groups, their standards, notes and clusters. */
    groupWork: GroupWork;
  }
}

export function emptyGroupWork(): { groupWork: GroupWork } {
  return {
    groupWork: { slide: null, groups: [], groupOf: new Map(), notes: new Map(), clusters: new Map(), clusterOfCard: new Map(), sharing: new Map(), boardSeq: new Map() },
  };
}

/** A participant's group, or undefined. */
export function groupOfParticipant(state: SessionState, participantId: string): WorkGroup | undefined {
  const id = state.groupWork.groupOf.get(participantId);
  return id === undefined ? undefined : state.groupWork.groups.find((g) => g.id === id);
}

export function groupById(state: SessionState, groupId: string): WorkGroup | undefined {
  return state.groupWork.groups.find((g) => g.id === groupId);
}

/** An activity is agreed when it is written and the group marked it both useful and realistic. */
export function isAgreed(cluster: Pick<Cluster, 'activity' | 'useful' | 'realistic' | 'removed'>): boolean {
  return !cluster.removed && cluster.useful && cluster.realistic && cluster.activity.trim() !== '';
}

/** A group's notes on its board, oldest first. */
export function notesOf(state: SessionState, groupId: string): Note[] {
  return [...state.groupWork.notes.values()].filter((n) => n.groupId === groupId && !n.withdrawn);
}

/** A group's clusters, oldest first. */
export function clustersOf(state: SessionState, groupId: string): Cluster[] {
  return [...state.groupWork.clusters.values()].filter((c) => c.groupId === groupId && !c.removed);
}
