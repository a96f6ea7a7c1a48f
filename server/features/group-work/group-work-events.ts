/**
 * The process protocol's small groups (step 6): groups that mix staff and partners, the
 * standards each picks, the notes its members post, and the clusters it makes of them,
 * each rewritten into an activity the group agrees is useful and realistic. An agreed
 * activity is posted as a card on the deck's strategies wall (card events), where the
 * share-out shows it and the room's dot vote finds it.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    /** The groups, made on a mixed-groups slide; each lists its members. Replaces any groups made before. */
    'groups.made': { slide: number; groups: { groupId: string; members: string[] }[] };
    /** A person placed in a group: a late joiner, or a facilitator's move. */
    'groups.member-placed': { participantId: string; groupId: string };
    'groups.standards-picked': { groupId: string; standardIds: string[] };
    'note.posted': {
      noteId: string;
      groupId: string;
      standardId: string;
      text: string;
      helpers: string[];
      /** null for a paper note typed in by a facilitator. */
      participantId: string | null;
    };
    'note.edited': { noteId: string; text: string; helpers: string[]; standardId: string };
    'note.withdrawn': { noteId: string };
    /** A note put in a cluster, or (null) taken out of one. */
    'note.clustered': { noteId: string; clusterId: string | null };
    /**
     * A cluster named, or its activity written or checked, whole. `cardId` is the card on
     * the strategies wall while the activity is agreed (useful and realistic), else null.
     */
    'cluster.saved': {
      clusterId: string;
      groupId: string;
      name: string;
      activity: string;
      partnerRoles: string;
      useful: boolean;
      realistic: boolean;
      cardId: string | null;
    };
    /** The cluster is dissolved: its notes go back on the board, its card leaves the wall. */
    'cluster.removed': { clusterId: string };
    /** The share-out shows this group's agreed activities. */
    'shareout.shown': { slide: number; groupId: string };
  }
}

export {};
