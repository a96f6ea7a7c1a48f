import type { Deck } from '../../deck/deck-schema.js';
import type { FieldValue } from '../../deck/render-slide.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';

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
