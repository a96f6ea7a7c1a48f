import type { Deck } from '../../deck/deck-schema.js';
import type { FieldValue } from '../../deck/render-slide.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import type { PreparedDates } from './preparation-events.js';
import './preparation-state.js';

/** The deck's customisable field with this id, or a refusal. */
export function declaredField(deck: Deck, fieldId: string) {
  const field = deck.slides.flatMap((s) => s.customisable).find((f) => f.id === fieldId);
  if (!field) throw new DomainError(404, 'unknown_field', `This deck has no customisable field "${fieldId}".`);
  return field;
}

/** A facilitator fills in (or, with null, clears) one of the deck's customisable fields. */
export function setField(state: SessionState, deck: Deck, fieldId: string, value: FieldValue | null) {
  const field = declaredField(deck, fieldId);
  if (value && value.kind !== field.kind) throw new DomainError(400, 'wrong_kind', `Field "${fieldId}" is of kind ${field.kind}, not ${value.kind}.`);
  const before = state.preparation.fields.get(fieldId) ?? null;
  const same = JSON.stringify(before) === JSON.stringify(value);
  return { events: same ? [] : [event('preparation.field-set', { fieldId, value })], response: { fieldId, filled: value !== null } };
}

/** The school's name and the workshop's dates; only what changes is logged. */
export function setValues(state: SessionState, input: Partial<PreparedDates> & { schoolName?: string }) {
  const changes: Partial<PreparedDates> & { schoolName?: string } = {};
  if (input.schoolName !== undefined && input.schoolName !== state.schoolName) changes.schoolName = input.schoolName;
  const dates = state.preparation.dates;
  if (input.workshopDate !== undefined && input.workshopDate !== dates.workshopDate) changes.workshopDate = input.workshopDate;
  if (input.nextMeeting !== undefined && input.nextMeeting !== dates.nextMeeting) changes.nextMeeting = input.nextMeeting;
  if (input.futureDates !== undefined && JSON.stringify(input.futureDates) !== JSON.stringify(dates.futureDates)) changes.futureDates = input.futureDates;
  const events = Object.keys(changes).length ? [event('preparation.values-set', changes)] : [];
  return { events, response: { schoolName: changes.schoolName ?? state.schoolName, ...dates, ...changes } };
}
