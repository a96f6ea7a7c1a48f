import type { Deck } from '../../deck/deck-schema.js';
import type { PhoneSharedParts, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { agreementDraft } from './agreement-model.js';

/** The agreement's draft as the facilitators edit it. */
export function agreementPart(state: SessionState): Pick<StaffParts, 'agreement'> {
  return { agreement: agreementDraft(state) };
}

/** What phones see of the agreement on its slides: the school's name and the next meeting. */
export function agreementNotePart(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'agreementNote'> {
  const activity = deck.slides[state.slide - 1]?.activity;
  const onSlide = activity?.kind === 'agreement-builder' || activity?.kind === 'next-meeting';
  return { agreementNote: onSlide ? { schoolName: agreementDraft(state).schoolName, nextMeeting: state.agreement.fields.nextMeeting } : null };
}
