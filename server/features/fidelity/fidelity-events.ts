import type { FidelityMark } from '../../contract/series-parts.js';

declare module '../../domain/events.js' {
  interface EventMap {
    /** The coach marks one checklist item (null mark: cleared), with a comment. */
    'fidelity.marked': { itemId: string; mark: FidelityMark | null; comment: string };
    /** A coaching note for the co-facilitators. */
    'fidelity.note-written': { id: string; text: string };
  }
}

export {};
