import type { FacilitatorsPart } from '../../contract/series-parts.js';

declare module '../../domain/session-state.js' {
  interface SessionState {
    facilitators: FacilitatorsPart;
  }
}

export function emptyFacilitators() {
  return { facilitators: { lead: null, support: null } as FacilitatorsPart };
}
