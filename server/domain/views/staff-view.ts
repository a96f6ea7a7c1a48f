import type { Deck } from '../../deck/deck-schema.js';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../events.js';
import type { SessionState } from '../session-state.js';
import type { StaffParts } from '../../contract/parts.js';
import { combine, type PartProducer } from './part-producer.js';
import { wordCloud } from './word-cloud.js';
import { galleryStaffParts } from './gallery-view.js';
import { staffMovesView } from './moves-view.js';
import { preparationPart } from '../../features/preparation/preparation-views.js';

/** The lead's and the support facilitator's view: everything in the session. */
export function staffView(state: SessionState, deck: Deck): Partial<StaffParts> {
  return combine<StaffParts>(staffProducers, state, deck);
}

function sessionPart(state: SessionState, deck: Deck): Pick<StaffParts, 'session'> {
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

function rosterPart(state: SessionState): Pick<StaffParts, 'roster'> {
  const byGroup = Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, 0])) as Record<StakeholderGroup, number>;
  for (const person of state.participants.values()) byGroup[person.group]++;
  return {
    roster: {
      total: state.participants.size,
      byGroup,
      people: [...state.participants.values()].map(({ id, name, group }) => ({ id, name, group })),
    },
  };
}

function cardsPart(state: SessionState): Pick<StaffParts, 'cards'> {
  return {
    cards: [...state.cards.values()]
      .filter((c) => !c.withdrawn)
      .map((c) => {
        const author = c.authorId ? state.participants.get(c.authorId) : undefined;
        return {
          id: c.id,
          wall: c.wall,
          slide: c.slide,
          text: c.text,
          hidden: c.hidden,
          paper: c.paper,
          pairId: c.pairId,
          revisions: c.revisions.length,
          author: author ? { name: author.name, group: author.group } : null,
          at: c.at,
        };
      }),
  };
}

function answerParts(state: SessionState): Pick<StaffParts, 'answers' | 'clouds'> {
  const answers = [...state.answers.values()].filter((a) => !a.withdrawn);
  const clouds: StaffParts['clouds'] = {};
  for (const slide of new Set(answers.map((a) => a.slide))) {
    clouds[slide] = wordCloud(answers.filter((a) => a.slide === slide && !a.hidden));
  }
  return { answers: answers.map(({ id, slide, text, hidden, at }) => ({ id, slide, text, hidden, at })), clouds };
}

/** The staff view in producers: the big, rarely changing parts name the events that change them. */
export const staffProducers: readonly PartProducer<Partial<StaffParts>>[] = [
  { changesWith: 'any', produce: sessionPart },
  { changesWith: ['participant.', 'session.', 'lineup.'], produce: rosterPart },
  { changesWith: ['card.', 'participant.'], produce: cardsPart },
  { changesWith: ['answer.'], produce: answerParts },
  { changesWith: 'any', produce: galleryStaffParts },
  { changesWith: 'any', produce: staffMovesView },
  { changesWith: ['preparation.'], produce: preparationPart },
];
