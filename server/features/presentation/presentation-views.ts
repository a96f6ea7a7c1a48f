import type { Deck } from '../../deck/deck-schema.js';
import type { PhoneSharedParts, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { publicActivity } from './public-activity.js';

/** The facilitators' `session` part: where the deck is and who holds it. */
export function staffSessionPart(state: SessionState, deck: Deck): Pick<StaffParts, 'session'> {
  return {
    session: {
      code: state.code,
      schoolName: state.schoolName,
      deckId: deck.id,
      deckTitle: deck.title,
      slide: state.slide,
      slideCount: deck.slides.length,
      control: state.control,
      bannerVisible: state.bannerVisible,
      closedSlides: [...state.closedSlides].sort((a, b) => a - b),
      startedAt: state.startedAt,
    },
  };
}

/** Every phone's `session` part: the current slide and what it asks. */
export function phoneSessionPart(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'session'> {
  const slide = deck.slides[state.slide - 1];
  return {
    session: {
      code: state.code,
      schoolName: state.schoolName,
      deckTitle: deck.title,
      slide: state.slide,
      slideCount: deck.slides.length,
      title: slide?.title ?? '',
      activity: publicActivity(slide?.activity ?? null),
      open: !state.closedSlides.has(state.slide),
      walls: deck.walls,
      lang: deck.lang,
    },
  };
}
