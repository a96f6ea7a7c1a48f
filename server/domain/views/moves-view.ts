import type { Deck } from '../../deck/deck-schema.js';
import type { DomainEvent } from '../events.js';
import { pollTally } from '../commands/poll-commands.js';
import { declaredTimer } from '../commands/timer-commands.js';
import { feedbackSummary } from '../feedback-summary.js';
import { groupOf, type TimerState } from '../moves-state.js';
import { pacingSummary } from '../pacing.js';
import type { SessionState } from '../session-state.js';
import type { MovePart, MyGroup, PhoneOwnParts, PhoneSharedParts, StaffParts, TimerPart } from '../../contract/parts.js';

/**
 * The facilitation moves' parts of each view. Timers travel as server times (endsAt) or
 * a frozen remainder, never as a ticking number: screens count down locally against the
 * server's clock (GET /api/sessions/:code/timers/clock), so nothing streams every second.
 */

/**
 * A timer's words travel as data each screen words in its reader's language: the lead's
 * own label as typed, else the deck's label for the slide (in the language of `deck`), and
 * a Block Party round as its number (the screen writes "Round 2" / "Ronda 2").
 */
function timerPart(state: SessionState, deck: Deck, timer: TimerState | undefined): TimerPart | null {
  if (!timer) return null;
  const { slide, durationMs, running, endsAt, remainingMs, ended } = timer;
  const activity = deck.slides[slide - 1]?.activity ?? null;
  // Logs written before rounds travelled as numbers recorded "Round N" as the label.
  const recordedRound = /^Round (\d+)$/.exec(timer.label);
  const round = recordedRound ? Number(recordedRound[1]) : !timer.label && activity?.kind === 'block-party' ? (state.moves.rounds.get(slide) ?? null) : null;
  const label = recordedRound ? '' : timer.label || declaredTimer(activity)?.label || '';
  return { slide, label, round, durationMs, running, endsAt, remainingMs, ended };
}

function name(state: SessionState, id: string): string {
  return state.participants.get(id)?.name ?? '';
}

/** Staff (deck and notes view): everything about every move. */
export function staffMovesView(
  state: SessionState,
  deck: Deck,
): Pick<StaffParts, 'timer' | 'rounds' | 'lineup' | 'roundRobins' | 'polls' | 'reflections' | 'feedback' | 'pacing'> {
  const { moves } = state;
  const slidesOf = (kind: string) => deck.slides.filter((s) => s.activity?.kind === kind).map((s) => s.number);
  const lastShown = state.slideHistory.at(-1)?.at ?? state.startedAt;
  return {
    timer: timerPart(state, deck, moves.timers.get(state.slide)),
    rounds: Object.fromEntries(moves.rounds),
    lineup: moves.lineup && {
      slide: moves.lineup.slide,
      answered: moves.lineup.answered.size,
      groups:
        moves.lineup.groups?.map((members, i) => ({
          number: i + 1,
          members: members.map((id) => ({ id, name: name(state, id), group: state.participants.get(id)?.group ?? null })),
        })) ?? null,
    },
    roundRobins: Object.fromEntries(
      [...moves.roundRobins].map(([slide, robin]) => {
        const activity = deck.slides[slide - 1]?.activity;
        const turnMs = activity?.kind === 'round-robin' ? activity.turnMinutes * 60_000 : 120_000;
        const groups = [...robin.groups].map(([i, g]) => ({
          number: i + 1,
          members: (moves.lineup?.groups?.[i] ?? []).map((id) => name(state, id)),
          turn: g.turn,
          turnStartedAt: g.turnStartedAt,
          recorder: g.recorderId ? name(state, g.recorderId) : null,
          notes: g.notes,
          notesAt: g.notesAt,
        }));
        return [slide, { slide, startedAt: robin.startedAt, turnMs, groups }];
      }),
    ),
    polls: Object.fromEntries(
      slidesOf('poll').map((slide) => [slide, { slide, revealed: moves.pollsRevealed.has(slide), ...pollTally(state, deck, slide) }]),
    ),
    reflections: Object.fromEntries(
      slidesOf('reflection').map((slide) => {
        const all = [...moves.reflections.values()].filter((r) => r.slide === slide);
        const shared = all.filter((r) => r.shared).map(({ id, text, hidden, at }) => ({ id, text, hidden, at }));
        return [slide, { slide, written: all.length, shared }];
      }),
    ),
    feedback: feedbackSummary(state, deck),
    // Computed as of the last slide change so the part does not change every flush; the
    // notes view adds the time since then.
    pacing: pacingSummary(deck, state.slideHistory, lastShown),
  };
}

/** Every phone alike: the current slide's timer and the room-wide state of its move. */
export function participantMovesShared(state: SessionState, deck: Deck): Pick<PhoneSharedParts, 'timer' | 'move'> {
  const { moves } = state;
  const slide = state.slide;
  const activity = deck.slides[slide - 1]?.activity;
  let move: MovePart | null = null;
  if (activity?.kind === 'block-party') {
    const round = moves.rounds.get(slide) ?? 0;
    const lineup = moves.lineup?.slide === slide ? (moves.lineup.groups ? 'grouped' : 'open') : 'none';
    move = { round, prompt: round > 0 ? activity.rounds[Math.min(round, activity.rounds.length) - 1] : '', lineup, groupCount: moves.lineup?.groups?.length ?? 0 };
  } else if (activity?.kind === 'round-robin') {
    move = { started: moves.roundRobins.has(slide), grouped: Boolean(moves.lineup?.groups) };
  } else if (activity?.kind === 'poll') {
    const revealed = moves.pollsRevealed.has(slide);
    move = { revealed, ...(revealed ? pollTally(state, deck, slide) : {}) };
  }
  return { timer: timerPart(state, deck, moves.timers.get(slide)), move };
}

/**
 * One phone's own part: whether they answered the line-up, their group (members' first
 * names are shown to their own group only, as the guide's round robin needs), and their
 * own vote, reflection and feedback.
 */
export function participantMovesOwn(state: SessionState, deck: Deck, participantId: string): Pick<PhoneOwnParts, 'myMoves'> {
  const { moves } = state;
  const index = groupOf(moves, participantId);
  let group: MyGroup | null = null;
  if (index >= 0) {
    const members = moves.lineup!.groups![index];
    const robins = Object.fromEntries(
      [...moves.roundRobins].flatMap(([slide, robin]) => {
        const g = robin.groups.get(index);
        if (!g) return [];
        const activity = deck.slides[slide - 1]?.activity;
        const turnMs = activity?.kind === 'round-robin' ? activity.turnMinutes * 60_000 : 120_000;
        return [[slide, { turn: g.turn, turnStartedAt: g.turnStartedAt, turnMs, recorder: members.indexOf(g.recorderId ?? ''), notes: g.notes }]];
      }),
    );
    group = {
      number: index + 1,
      members: members.map((id) => ({ name: name(state, id), me: id === participantId })),
      roundRobins: robins,
    };
  }
  const votes = Object.fromEntries([...moves.pollVotes].flatMap(([slide, v]) => (v.has(participantId) ? [[slide, v.get(participantId)!]] : [])));
  const reflections = Object.fromEntries(
    deck.slides.flatMap((s) => {
      const id = s.activity?.kind === 'reflection' ? moves.reflectionByAuthor.get(`${s.number}:${participantId}`) : undefined;
      const r = id ? moves.reflections.get(id) : undefined;
      return r ? [[r.slide, { text: r.text, shared: r.shared }]] : [];
    }),
  );
  const feedback = Object.fromEntries(
    [...moves.feedback].flatMap(([slide, responses]) => {
      const mine = responses.get(participantId);
      return mine ? [[slide, { ratings: mine.ratings, comments: mine.comments }]] : [];
    }),
  );
  return {
    myMoves: {
      lineupAnswered: moves.lineup?.answered.has(participantId) ?? false,
      group,
      votes,
      reflections,
      feedback,
    },
  };
}

/**
 * Most events a participant causes change only their own view. These change what other
 * members of their group see (turn order, the shared ideas, who is in the group), so the
 * hub recomputes every phone's own view for them; changed-part diffing still sends only
 * to the phones whose view changed.
 */
const GROUP_EVENTS = new Set(['lineup.placed', 'roundrobin.turn.passed', 'roundrobin.recorder.set', 'roundrobin.notes.saved']);
export function touchesOtherParticipants(event: DomainEvent): boolean {
  return GROUP_EVENTS.has(event.type);
}

