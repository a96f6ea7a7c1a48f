import type { FieldValue } from '../../deck/render-slide.js';

/**
 * What a school fills in before the workshop, field by field: the deck declares its
 * customisable fields (server/deck/deck-schema.ts), and a facilitator fills or clears
 * each one. Filling a field again replaces its value; the log keeps every earlier one.
 */
declare module '../../domain/events.js' {
  interface EventMap {
    /** `value` null clears the field. */
    'preparation.field-set': { fieldId: string; value: FieldValue | null };
  }
}

export {};
