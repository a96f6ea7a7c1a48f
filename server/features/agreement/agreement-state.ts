import type { AgreementFields } from './agreement-events.js';

export interface AgreementState {
  fields: AgreementFields;
  /** When the agreement was last edited (0: never). */
  editedAt: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    agreement: AgreementState;
  }
}

export function emptyAgreement(): { agreement: AgreementState } {
  return { agreement: { fields: { schoolName: '', agreements: [], definition: '', examples: [], date: '', nextMeeting: '' }, editedAt: 0 } };
}
