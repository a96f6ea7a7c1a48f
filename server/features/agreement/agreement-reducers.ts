import type { EventContext, Reducers } from '../../domain/reducer.js';
import type { SessionState } from '../../domain/session-state.js';
import '../preparation/preparation-events.js';
import '../preparation/preparation-state.js';

/** Marks the agreement's content as changed at this event (the PDF's next version). */
function changed(state: SessionState, _data: unknown, { seq }: EventContext): void {
  state.agreement.contentSeq = seq;
}

/**
 * The agreement's wording, and the events of other features that change what it shows:
 * the school's name, the next meeting, and the stakeholder groups that took part (people, paper cards and
 * paper stickers that name one).
 */
export const agreementReducers: Reducers = {
  'agreement.edited': (state, { changes }, context) => {
    const { nextMeeting, ...wording } = changes;
    Object.assign(state.agreement.fields, wording);
    // An older log's free-text next meeting becomes the session's one next meeting, as it was printed then.
    if (nextMeeting !== undefined) {
      state.preparation.dates = { ...state.preparation.dates, nextMeeting };
      state.preparation.seq = context.seq;
    }
    state.agreement.editedAt = context.at;
    changed(state, changes, context);
  },
  'session.started': changed,
  // The school's name and the next meeting, as prepared, are printed on the agreement.
  'preparation.values-set': changed,
  'participant.joined': changed,
  'participant.updated': changed,
  'card.paper-group': changed,
  // Only paper stickers name a group.
  'sticker.placed': (state, data, context) => {
    if (data.group !== undefined) changed(state, data, context);
  },
  // A removed sticker is gone from the state by now (the gallery walk's reducers ran
  // first), so whether it named a group cannot be told: any removal counts.
  'sticker.removed': changed,
};
