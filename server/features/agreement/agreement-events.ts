import type { AgreementFields } from '../../contract/parts.js';

export type { AgreementFields };

/**
 * Logs written before the agreement's next meeting became the prepared one (one value with
 * slides 27–28 and the phones) may carry the builder's own free-text next meeting here; on
 * replay it is folded into the prepared next meeting. New edits never carry it.
 */
interface LegacyNextMeeting {
  nextMeeting?: string;
}

/** The Partnership Agreement's wording (its fields are part of the wire contract). */
declare module '../../domain/events.js' {
  interface EventMap {
    'agreement.edited': { changes: Partial<AgreementFields> & LegacyNextMeeting };
  }
}
