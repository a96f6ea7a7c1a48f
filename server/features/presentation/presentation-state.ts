import type { StaffRole } from '../../domain/events.js';

/** Where the deck is, who moves it, the join banner, and the activities a facilitator closed. */
declare module '../../domain/session-state.js' {
  interface SessionState {
    slide: number;
    /** When each slide was shown, in order: the activities' openness and the notes view's pacing come from this. */
    slideHistory: { slide: number; at: number }[];
    control: StaffRole;
    bannerVisible: boolean;
    closedSlides: Set<number>;
  }
}

export function emptyPresentation() {
  return { slide: 1, slideHistory: [], control: 'lead' as StaffRole, bannerVisible: true, closedSlides: new Set<number>() };
}
