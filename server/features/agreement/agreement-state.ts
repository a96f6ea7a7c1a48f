import type { AgreementFields } from './agreement-events.js';

export interface AgreementState {
  fields: AgreementFields;
  /** When the agreement was last edited (0: never). */
  editedAt: number;
  /**
   * The log position of the last event that changed what the agreement shows (its wording,
   * the school's name, the groups that took part): its PDF's version. Stickers, slide
   * changes and reflections move the log on but not this.
   */
  contentSeq: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    agreement: AgreementState;
  }
}

export function emptyAgreement(): { agreement: AgreementState } {
  return { agreement: { fields: { schoolName: '', agreements: [], definition: '', examples: [], date: '' }, editedAt: 0, contentSeq: 0 } };
}
