import type { Deck } from '../../deck/deck-schema.js';
import type { MyMovesPart, RoundRobinMove, StaffParts } from '../../contract/parts.js';
import type { SessionState } from '../../domain/session-state.js';
import { groupOf } from '../lineup/lineup-state.js';

/** How long a turn lasts on a round-robin slide: the deck says. */
function turnMsOf(deck: Deck, slide: number): number {
  const activity = deck.slides[slide - 1]?.activity;
  return activity?.kind === 'round-robin' ? activity.turnMinutes * 60_000 : 120_000;
}

function name(state: SessionState, id: string): string {
  return state.participants.get(id)?.name ?? '';
}

/** Every group's turn, recorder and shared ideas, for the facilitators. */
export function roundRobinsPart(state: SessionState, deck: Deck): Pick<StaffParts, 'roundRobins'> {
  return {
    roundRobins: Object.fromEntries(
      [...state.roundRobins].map(([slide, robin]) => {
        const groups = [...robin.groups].map(([i, g]) => ({
          number: i + 1,
          members: (state.lineup?.groups?.[i] ?? []).map((id) => name(state, id)),
          turn: g.turn,
          turnStartedAt: g.turnStartedAt,
          recorder: g.recorderId ? name(state, g.recorderId) : null,
          notes: g.notes,
          notesAt: g.notesAt,
        }));
        return [slide, { slide, startedAt: robin.startedAt, turnMs: turnMsOf(deck, slide), groups }];
      }),
    ),
  };
}

/** What every phone sees on a round-robin slide: whether it started, and whether there are groups. */
export function roundRobinMove(state: SessionState, slide: number): RoundRobinMove {
  return { started: state.roundRobins.has(slide), grouped: Boolean(state.lineup?.groups) };
}

/** A phone's own group's turn, recorder and notes, per round-robin slide (after the line-up filled `mine.group`). */
export function fillMyRoundRobins(state: SessionState, deck: Deck, participantId: string, mine: MyMovesPart): void {
  const index = groupOf(state, participantId);
  if (index < 0 || !mine.group) return;
  const members = state.lineup!.groups![index];
  mine.group.roundRobins = Object.fromEntries(
    [...state.roundRobins].flatMap(([slide, robin]) => {
      const g = robin.groups.get(index);
      if (!g) return [];
      return [[slide, { turn: g.turn, turnStartedAt: g.turnStartedAt, turnMs: turnMsOf(deck, slide), recorder: members.indexOf(g.recorderId ?? ''), notes: g.notes }]];
    }),
  );
}
