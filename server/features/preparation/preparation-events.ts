import type { FieldValue } from '../../deck/render-slide.js';

/**
 * What a school fills in before the workshop: the deck's customisable fields, one at a
 * time (server/deck/deck-schema.ts declares them), and the values every deck may name:
 * the school's name, the workshop's date, the next meeting and future dates. Setting a
 * value again replaces it; the log keeps every earlier one.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    /** `value` null clears the field. */
    'preparation.field-set': { fieldId: string; value: FieldValue | null };
    /** Only the values named change; an empty string (or list) clears one. */
    'preparation.values-set': Partial<PreparedDates> & { schoolName?: string };
  }
}

/** Dates are ISO (`2026-01-12`, or `2026-01-12T18:00` in the room's local time); each screen writes them out in its language. */
export interface PreparedDates {
  workshopDate: string;
  nextMeeting: string;
  futureDates: string[];
}

export {};
