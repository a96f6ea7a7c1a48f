import type { Deck } from '../../deck/deck-schema.js';
import type { PhoneOwnParts, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { ownAnswers } from '../answers/answer-state.js';
import { ownCards } from '../cards/card-state.js';

/** Who has joined, by stakeholder group, with their first names (facilitators only). */
export function rosterPart(state: SessionState, deck: Deck): Pick<StaffParts, 'roster'> {
  const byGroup = Object.fromEntries(deck.groups.map((g) => [g.id, state.peopleByGroup.get(g.id) ?? 0]));
  return {
    roster: {
      total: state.participants.size,
      byGroup,
      people: [...state.participants.values()].map(({ id, name, group }) => ({ id, name, group })),
    },
  };
}

/**
 * A phone's `me` part: who they are and what they wrote (their cards and answers, which
 * those features keep by author). Never anyone else's identity.
 */
export function mePart(state: SessionState, _deck: Deck, participantId: string): Pick<PhoneOwnParts, 'me'> {
  const me = state.participants.get(participantId);
  if (!me) return { me: null };
  return {
    me: {
      id: me.id,
      name: me.name,
      group: me.group,
      cards: ownCards(state, participantId).map(({ id, wall, slide, text, pairId, hidden, revisions }) => ({
        id,
        wall,
        slide,
        text,
        pairId,
        hidden,
        firstText: revisions[0]?.text ?? text,
      })),
      answers: ownAnswers(state, participantId).map(({ id, slide, text }) => ({ id, slide, text })),
    },
  };
}
