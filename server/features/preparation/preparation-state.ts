import type { FieldValue, PreparedValues } from '../../deck/render-slide.js';
import type { SessionState } from '../../domain/session-state.js';

export interface Preparation {
  /** Field id → its value, for the fields a facilitator has filled. */
  fields: Map<string, FieldValue>;
  /** The log position of the last change, so a screen knows when to fetch the slides again. */
  seq: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    /** What the school prepared for the deck's customisable fields. */
    preparation: Preparation;
  }
}

export function emptyPreparation() {
  return { preparation: { fields: new Map<string, FieldValue>(), seq: 0 } as Preparation };
}

/** The session's prepared values as the slide renderer takes them: its school's name and the fields filled in. */
export function preparedValues(state: SessionState): PreparedValues {
  return { schoolName: state.schoolName, fields: Object.fromEntries(state.preparation.fields) };
}

/** One prepared field's value, or undefined while nobody has filled it in. */
export function preparedField<K extends FieldValue['kind']>(state: SessionState, fieldId: string, kind: K): Extract<FieldValue, { kind: K }> | undefined {
  const value = state.preparation.fields.get(fieldId);
  return value?.kind === kind ? (value as Extract<FieldValue, { kind: K }>) : undefined;
}
