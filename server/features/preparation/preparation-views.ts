import type { SchoolProfileMove, StaffParts } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../../domain/session-state.js';
import './preparation-state.js';

/** What the school prepared, for the facilitators' screens (the deck reloads its slides when `seq` moves). */
export function preparationPart(state: SessionState): Pick<StaffParts, 'preparation'> {
  return { preparation: { seq: state.preparation.seq, fields: Object.fromEntries(state.preparation.fields), ...state.preparation.dates } };
}

/** The prepared fields a school-profile slide names, with their labels, for every phone (each shows its reader's language). */
export function schoolProfileMove(state: SessionState, deck: Deck, fieldIds: readonly string[]): SchoolProfileMove {
  const declared = new Map(deck.slides.flatMap((s) => s.customisable.map((f) => [f.id, f] as const)));
  return { fields: fieldIds.map((id) => ({ id, label: declared.get(id)?.label ?? id, value: state.preparation.fields.get(id) ?? null })) };
}
