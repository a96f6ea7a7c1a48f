import type { StandardsMove } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import { defineFeature } from '../feature.js';
import { mixedGroupsActivity, preparedStandards } from './group-work-model.js';
import { groupWorkReducers } from './group-work-reducers.js';
import { groupWorkRoutes } from './group-work-routes.js';
import { emptyGroupWork } from './group-work-state.js';
import { groupWorkPart, myGroupWorkPart, shareOutMove } from './group-work-views.js';

/** Every phone on a small-group slide sees the school's standards, to pick from and to label its notes. */
function standardsMove(state: SessionState, deck: Deck): StandardsMove {
  const standards = mixedGroupsActivity(state, deck)?.activity.standards;
  return { standards: preparedStandards(state, deck), min: standards?.min ?? 1, max: standards?.max ?? 1 };
}

/**
 * The process protocol's small groups (its step 6): mixed staff–partner groups, the
 * standards they pick, their boards of notes, clusters and agreed activities (posted on
 * the strategies wall, where the gallery walk's dots find them), and the share-out.
 * Listed after the cards, whose events its commands also write.
 */
export const groupWork = defineFeature({
  name: 'group-work',
  deckKinds: ['mixed-groups', 'brainstorm', 'cluster-and-refine', 'share-out'],
  emptyState: emptyGroupWork,
  reducers: groupWorkReducers,
  staffProducers: [{ changesWith: ['groups.', 'note.', 'cluster.', 'shareout.', 'participant.', 'preparation.'], produce: groupWorkPart }],
  phoneOwnProducers: [{ changesWith: ['groups.', 'note.', 'cluster.', 'participant.', 'session.'], produce: myGroupWorkPart }],
  phoneMove: (state, deck, slide, activity) => (activity.kind === 'share-out' ? shareOutMove(state, deck, slide) : standardsMove(state, deck)),
  // A group's board is all its members'.
  seenByOthers: ['groups.member-placed', 'groups.standards-picked', 'note.posted', 'note.edited', 'note.withdrawn', 'note.clustered', 'cluster.saved', 'cluster.removed'],
  routes: [{ path: 'groups', routes: groupWorkRoutes }],
});
