import type { Deck } from '../../deck/deck-schema.js';
import type { MyMovesPart, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { groupOf } from './lineup-state.js';

function name(state: SessionState, id: string): string {
  return state.participants.get(id)?.name ?? '';
}

/** The line-up for the facilitators: how many answered, and every group with its members. */
export function lineupPart(state: SessionState): Pick<StaffParts, 'lineup'> {
  const { lineup } = state;
  return {
    lineup: lineup && {
      slide: lineup.slide,
      answered: lineup.answered.size,
      groups:
        lineup.groups?.map((members, i) => ({
          number: i + 1,
          members: members.map((id) => ({ id, name: name(state, id), group: state.participants.get(id)?.group ?? null })),
        })) ?? null,
    },
  };
}

/**
 * A phone's own line-up: whether the person answered, and their group with its members'
 * first names (shown to their own group only, as the guide's round robin needs).
 */
export function fillMyLineup(state: SessionState, _deck: Deck, participantId: string, mine: MyMovesPart): void {
  mine.lineupAnswered = state.lineup?.answered.has(participantId) ?? false;
  const index = groupOf(state, participantId);
  if (index < 0) return;
  const members = state.lineup!.groups![index];
  mine.group = { number: index + 1, members: members.map((id) => ({ name: name(state, id), me: id === participantId })), roundRobins: {} };
}
