import type { Deck } from '../../deck/deck-schema.js';
import type { StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { planPart } from './plan-model.js';

/** The continuum and the Partnership Plan for the facilitators (dots only once revealed). */
export function planStaffPart(state: SessionState, deck: Deck): Pick<StaffParts, 'plan'> {
  return { plan: planPart(state, deck) };
}
