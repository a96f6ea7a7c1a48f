import type { StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import './preparation-state.js';

/** What the school prepared, for the facilitators' screens (the deck reloads its slides when `seq` moves). */
export function preparationPart(state: SessionState): Pick<StaffParts, 'preparation'> {
  return { preparation: { seq: state.preparation.seq, fields: Object.fromEntries(state.preparation.fields), ...state.preparation.dates } };
}
