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

/** Every phone's `session` part: the workshop, which slide changes leave alone. */
export function phoneSessionPart(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'session'> {
  return {
    session: {
      code: state.code,
      schoolName: state.schoolName,
      deckTitle: deck.title,
      slideCount: deck.slides.length,
      walls: deck.walls,
      lang: deck.lang,
    },
  };
}

/** Every phone's `slide` part: the current slide and what it asks (the part a slide change sends). */
export function phoneSlidePart(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'slide'> {
  const slide = deck.slides[state.slide - 1];
  return {
    slide: {
      slide: state.slide,
      title: slide?.title ?? '',
      activity: publicActivity(slide?.activity ?? null),
      open: !state.closedSlides.has(state.slide),
    },
  };
}
