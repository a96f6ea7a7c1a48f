import type { Deck } from '../../deck/deck-schema.js';
import type { MyMovesPart, PollMove, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { pollTally } from './poll-commands.js';

/** Every poll of the deck with its tally, revealed or not, for the facilitators. */
export function pollsPart(state: SessionState, deck: Deck): Pick<StaffParts, 'polls'> {
  const slides = deck.slides.filter((s) => s.activity?.kind === 'poll').map((s) => s.number);
  return {
    polls: Object.fromEntries(slides.map((slide) => [slide, { slide, revealed: state.polls.get(slide)?.revealed ?? false, ...pollTally(state, deck, slide) }])),
  };
}

/** What every phone sees of the poll on its slide: the bars, once the facilitator reveals them. */
export function pollMove(state: SessionState, deck: Deck, slide: number): PollMove {
  const revealed = state.polls.get(slide)?.revealed ?? false;
  return { revealed, ...(revealed ? pollTally(state, deck, slide) : {}) };
}

/** A phone's own votes, per poll slide. */
export function fillMyVotes(state: SessionState, _deck: Deck, participantId: string, mine: MyMovesPart): void {
  mine.votes = Object.fromEntries([...state.polls].flatMap(([slide, poll]) => (poll.votes.has(participantId) ? [[slide, poll.votes.get(participantId)!]] : [])));
}
