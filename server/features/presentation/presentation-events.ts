import type { StaffRole } from '../../domain/events.js';

/**
 * The presentation: which slide the room is on, who moves the deck, whether the join
 * banner shows, and which activities a facilitator closed.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    'slide.shown': { slide: number };
    'control.passed': { holder: StaffRole };
    'banner.set': { visible: boolean };
    'activity.closed': { slide: number };
    'activity.reopened': { slide: number };
  }
}
