import type { Deck } from '../../deck/deck-schema.js';
import type { PhoneSharedParts, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { agreementDraft } from './agreement-model.js';
import '../preparation/preparation-state.js';

/** The agreement's draft as the facilitators edit it. */
export function agreementPart(state: SessionState, deck: Deck): Pick<StaffParts, 'agreement'> {
  return { agreement: agreementDraft(state, deck) };
}

/**
 * What phones see of the agreement on its slides, and on the closing feedback: the
 * school's name, the next meeting and the future dates (as prepared, ISO, for each phone to
 * write out in its own language).
 */
export function agreementNotePart(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'agreementNote'> {
  const activity = deck.slides[state.slide - 1]?.activity;
  const onSlide = activity?.kind === 'agreement-builder' || activity?.kind === 'next-meeting' || activity?.kind === 'feedback';
  if (!onSlide) return { agreementNote: null };
  const { dates } = state.preparation;
  return {
    agreementNote: {
      schoolName: agreementDraft(state, deck).schoolName,
      nextMeetingDate: dates.nextMeeting,
      futureDates: dates.futureDates,
    },
  };
}
