import type { Deck } from '../../deck/deck-schema.js';
import { DomainError } from '../../domain/domain-error.js';
import { event, type StaffRole } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';

/** Only whoever holds control moves the deck; every other screen follows. */
export function showSlide(state: SessionState, deck: Deck, role: StaffRole, slide: number) {
  if (state.control !== role) {
    const holder = state.control === 'lead' ? 'the lead facilitator' : 'the support facilitator';
    throw new DomainError(403, 'not_in_control', `The slides are controlled by ${holder}.`);
  }
  if (slide > deck.slides.length) throw new DomainError(400, 'invalid', `This deck has ${deck.slides.length} slides.`);
  if (slide === state.slide) return { events: [], response: { slide } };
  // An activity the deck opens by hand arrives closed the first time its slide shows.
  const activity = deck.slides[slide - 1]?.activity;
  const firstVisit = !state.slideHistory.some((s) => s.slide === slide);
  const byHand = activity?.kind === 'poll' && activity.opens === 'by-hand' && firstVisit;
  return { events: [event('slide.shown', { slide }), ...(byHand ? [event('activity.closed', { slide })] : [])], response: { slide } };
}

/**
 * The guide has facilitators announce every shift of roles; the app mirrors it. The lead
 * hands control over and takes it back at any time; the support facilitator can hand
 * it back, or take it when the lead hands over the room (the lead's screen shows it).
 */
export function passControl(state: SessionState, holder: StaffRole) {
  return { events: state.control === holder ? [] : [event('control.passed', { holder })], response: { holder } };
}

export function setBanner(state: SessionState, visible: boolean) {
  return { events: state.bannerVisible === visible ? [] : [event('banner.set', { visible })], response: { visible } };
}

export function setActivityOpen(state: SessionState, deck: Deck, slide: number, open: boolean) {
  if (!deck.slides[slide - 1]?.activity) throw new DomainError(404, 'no_activity', `Slide ${slide} has no activity.`);
  const closed = state.closedSlides.has(slide);
  if (open === !closed) return { events: [], response: { slide, open } };
  return { events: [event(open ? 'activity.reopened' : 'activity.closed', { slide })], response: { slide, open } };
}
