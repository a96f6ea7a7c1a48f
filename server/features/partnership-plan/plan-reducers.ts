import type { EventType } from '../../domain/events.js';
import type { EventContext, Reducers } from '../../domain/reducer.js';
import type { SessionState } from '../../domain/session-state.js';

const moved = (state: SessionState, _data: unknown, { seq }: EventContext) => {
  state.plan.contentSeq = seq;
};

/**
 * Events of other features that change what the plan shows: a strategy's wording (its
 * card), its dots, the groups and standards behind it, the partners who introduced
 * themselves, the school's name and prepared standards.
 */
const FOLLOWED: EventType[] = [
  'session.started',
  'card.written',
  'card.revised',
  'card.withdrawn',
  'card.hidden',
  'card.merged',
  'card.unmerged',
  'sticker.placed',
  'sticker.removed',
  'gallery.revealed',
  'tally.cut-chosen',
  'cluster.saved',
  'cluster.removed',
  'groups.made',
  'groups.standards-picked',
  'note.posted',
  'note.edited',
  'note.clustered',
  'preparation.field-set',
];

export const planReducers: Reducers = {
  ...Object.fromEntries(FOLLOWED.map((type) => [type, moved])),
  'continuum.placed': (state, { cardId, subject, grades }, { at, seq }) => {
    state.plan.placements.set(cardId, { subject, grades: [...grades], at });
    state.plan.contentSeq = seq;
  },
  'continuum.removed': (state, { cardId }, { seq }) => {
    state.plan.placements.delete(cardId);
    state.plan.contentSeq = seq;
  },
  'plan.strategy-edited': (state, { cardId, fields }, { seq }) => {
    state.plan.fields.set(cardId, { ...fields, partners: [...fields.partners] });
    state.plan.contentSeq = seq;
  },
  'plan.edited': (state, { meetingTimes, contact }, { seq }) => {
    state.plan.meetingTimes = meetingTimes;
    state.plan.contact = contact;
    state.plan.contentSeq = seq;
  },
  'plan.checklist-marked': (state, { cardId, item, mark }, { seq }) => {
    const marks = state.plan.checklist.get(cardId) ?? new Map();
    marks.set(item, { ...mark });
    state.plan.checklist.set(cardId, marks);
    state.plan.contentSeq = seq;
  },
};
