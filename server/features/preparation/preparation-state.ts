import type { FieldValue, PreparedValues } from '../../deck/render-slide.js';
import type { SessionState } from '../../domain/session-state.js';
import type { PreparedDates } from './preparation-events.js';

export interface Preparation {
  /** Field id → its value, for the fields a facilitator has filled. */
  fields: Map<string, FieldValue>;
  /** The workshop's dates; empty while not set. The school's name is the session's own (state.schoolName). */
  dates: PreparedDates;
  /** The log position of the last change, so a screen knows when to fetch the slides again. */
  seq: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** What the school prepared for the deck's customisable fields and dates. */
    preparation: Preparation;
  }
}

export function emptyPreparation() {
  return { preparation: { fields: new Map<string, FieldValue>(), dates: { workshopDate: '', nextMeeting: '', futureDates: [] }, seq: 0 } as Preparation };
}

/** The session's prepared values as the slide renderer takes them: what is set, and nothing for what is not. */
export function preparedValues(state: SessionState): PreparedValues {
  const { dates, fields } = state.preparation;
  return {
    ...(state.schoolName ? { schoolName: state.schoolName } : {}),
    ...(dates.workshopDate ? { workshopDate: dates.workshopDate } : {}),
    ...(dates.nextMeeting ? { nextMeeting: dates.nextMeeting } : {}),
    ...(dates.futureDates.length ? { futureDates: dates.futureDates } : {}),
    fields: Object.fromEntries(fields),
  };
}
