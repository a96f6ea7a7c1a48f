import type { Deck } from '../../deck/deck-schema.js';
import type { SessionState } from '../session-state.js';
import { publicActivity } from './public-activity.js';
import type { PhoneOwnParts, PhoneSharedParts } from '../../contract/parts.js';
import { changedBy, combine, type PartProducer } from './part-producer.js';
import { galleryOwnParts, gallerySharedParts } from './gallery-view.js';
import { participantMovesOwn, participantMovesShared } from './moves-view.js';

/**
 * What every phone sees alike: the current slide and what it asks. Computed once per
 * update and shared by all participant streams.
 */
export function participantSharedView(state: SessionState, deck: Deck): Partial<PhoneSharedParts> {
  return combine<PhoneSharedParts>(sharedProducers, state, deck);
}

function sessionPart(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'session'> {
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

/**
 * The shared view in producers. The walls' cards (hundreds of KB in a district-sized room)
 * change only with cards, the walk's own events, the slide or an activity opening.
 */
export const sharedProducers: readonly PartProducer<Partial<PhoneSharedParts>>[] = [
  { changesWith: 'any', produce: sessionPart },
  { changesWith: ['card.', 'gallery.', 'tally.', 'agreement.', 'slide.', 'activity.', 'session.'], produce: gallerySharedParts },
  { changesWith: 'any', produce: participantMovesShared },
];

/** Some of a phone's own parts, with the kinds of event that can change them. */
interface OwnPartProducer {
  readonly changesWith: readonly string[];
  produce(state: SessionState, deck: Deck, participantId: string): Partial<PhoneOwnParts>;
}

/** Who they are and what they wrote. Never anyone else's identity. */
function mePart(state: SessionState, _deck: Deck, participantId: string): Pick<PhoneOwnParts, 'me'> {
  const me = state.participants.get(participantId);
  if (!me) return { me: null };
  const cards = (state.cardIdsByAuthor.get(participantId) ?? []).map((id) => state.cards.get(id)!).filter((c) => !c.withdrawn);
  const answers = (state.answerIdsByAuthor.get(participantId) ?? []).map((id) => state.answers.get(id)!).filter((a) => !a.withdrawn);
  return {
    me: {
      id: me.id,
      name: me.name,
      group: me.group,
      cards: cards.map(({ id, wall, slide, text, pairId, hidden, revisions }) => ({
        id,
        wall,
        slide,
        text,
        pairId,
        hidden,
        firstText: revisions[0]?.text ?? text,
      })),
      answers: answers.map(({ id, slide, text }) => ({ id, slide, text })),
    },
  };
}

/**
 * A phone's own parts in producers. When only the phone's own person acted (a sticker, a
 * card, a vote), the hub rebuilds just the producers those events can change: in a burst
 * of stickers that is the phone's sticker budget, not its cards and groups. Anything a
 * facilitator or the system does rebuilds them all.
 */
const ownProducers: readonly OwnPartProducer[] = [
  { changesWith: ['participant.', 'card.', 'answer.'], produce: mePart },
  { changesWith: ['sticker.', 'card.', 'slide.', 'gallery.', 'activity.', 'session.'], produce: galleryOwnParts },
  { changesWith: ['lineup.', 'roundrobin.', 'poll.', 'reflection.', 'feedback.', 'participant.', 'session.'], produce: participantMovesOwn },
];

/** What only this participant sees, whole. */
export function participantOwnView(state: SessionState, deck: Deck, participantId: string): Partial<PhoneOwnParts> {
  return ownParts(state, deck, participantId, ownProducers);
}

/** The own parts that events of these types can change (see ownProducers). */
export function participantOwnParts(state: SessionState, deck: Deck, participantId: string, eventTypes: ReadonlySet<string>): Partial<PhoneOwnParts> {
  return ownParts(state, deck, participantId, ownProducers.filter((p) => changedBy(p.changesWith, eventTypes)));
}

function ownParts(state: SessionState, deck: Deck, participantId: string, producers: readonly OwnPartProducer[]): Partial<PhoneOwnParts> {
  if (!state.participants.has(participantId)) return { me: null, myStickers: null };
  return Object.assign({}, ...producers.map((p) => p.produce(state, deck, participantId)));
}
