import type { ActivityOf, Deck } from '../../deck/deck-schema.js';
import type { BlockPartyMove, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';

/** Per Block Party slide, the round running (facilitators). */
export function roundsPart(state: SessionState): Pick<StaffParts, 'rounds'> {
  return { rounds: Object.fromEntries(state.blockPartyRounds) };
}

/** What every phone sees of the Block Party on its slide: the round's prompt and the line-up's stage. */
export function blockPartyMove(state: SessionState, _deck: Deck, slide: number, activity: ActivityOf<'block-party'>): BlockPartyMove {
  const round = state.blockPartyRounds.get(slide) ?? 0;
  const lineup = state.lineup?.slide === slide ? (state.lineup.groups ? 'grouped' : 'open') : 'none';
  return {
    round,
    prompt: round > 0 ? activity.rounds[Math.min(round, activity.rounds.length) - 1] : '',
    lineup,
    groupCount: state.lineup?.groups?.length ?? 0,
  };
}
