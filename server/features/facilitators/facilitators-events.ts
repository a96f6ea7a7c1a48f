import type { CoFacilitator } from '../../contract/series-parts.js';

declare module '../../domain/events.js' {
  interface EventMap {
    /** The session's two co-facilitators by name and role, holders of the lead and the support key. */
    'facilitators.named': { lead: CoFacilitator | null; support: CoFacilitator | null };
  }
}

export {};
