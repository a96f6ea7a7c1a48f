import type { AgreementFields } from '../../contract/parts.js';

export type { AgreementFields };

/** The Partnership Agreement's wording (its fields are part of the wire contract). */
declare module '../../domain/events.js' {
  interface EventMap {
    'agreement.edited': { changes: Partial<AgreementFields> };
  }
}
