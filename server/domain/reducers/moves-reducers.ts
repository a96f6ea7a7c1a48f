import '../events/moves-events.js';
import { groupOf } from '../moves-state.js';
import type { Reducers } from './reducer-types.js';

/** Timers, Block Party rounds, line-up groups, round robins, polls, reflections, feedback. */
export const movesReducers: Reducers = {
  'timer.started': ({ moves }, { slide, durationMs, label }, { at }) => {
    moves.timers.set(slide, { slide, label, durationMs, running: true, endsAt: at + durationMs, remainingMs: durationMs, ended: false });
  },
  'timer.paused': ({ moves }, { slide }, { at }) => {
    const timer = moves.timers.get(slide);
    if (!timer?.running || timer.endsAt === null) return;
    timer.remainingMs = Math.max(0, timer.endsAt - at);
    timer.endsAt = null;
    timer.running = false;
  },
  'timer.resumed': ({ moves }, { slide }, { at }) => {
    const timer = moves.timers.get(slide);
    if (!timer || timer.running || timer.ended) return;
    timer.endsAt = at + timer.remainingMs;
    timer.running = true;
  },
  'timer.extended': ({ moves }, { slide, ms }, { at }) => {
    const timer = moves.timers.get(slide);
    if (!timer || timer.ended) return;
    timer.durationMs += ms;
    // A timer that already ran out gets its extra time from now, not from when it hit zero.
    if (timer.running && timer.endsAt !== null) timer.endsAt = Math.max(timer.endsAt, at) + ms;
    else timer.remainingMs += ms;
  },
  'timer.ended': ({ moves }, { slide }) => {
    const timer = moves.timers.get(slide);
    if (!timer) return;
    Object.assign(timer, { running: false, endsAt: null, remainingMs: 0, ended: true });
  },

  'blockparty.round.started': ({ moves }, { slide, round }) => {
    moves.rounds.set(slide, round);
  },

  'lineup.opened': ({ moves }, { slide }) => {
    moves.lineup = { slide, answered: new Set(), groups: null };
  },
  'lineup.answered': ({ moves }, { participantId }) => {
    moves.lineup?.answered.add(participantId);
  },
  'lineup.grouped': ({ moves }, { slide, groups }) => {
    moves.lineup = { slide, answered: moves.lineup?.answered ?? new Set(), groups: groups.map((g) => [...g]) };
    // New groups make a fresh start for any round robin that ran on the old ones.
    moves.roundRobins.clear();
  },
  'lineup.placed': ({ moves }, { participantId, group }) => {
    const groups = moves.lineup?.groups;
    if (!groups) return;
    const from = groupOf(moves, participantId);
    if (from >= 0) groups[from] = groups[from].filter((id) => id !== participantId);
    while (groups.length <= group) groups.push([]);
    groups[group].push(participantId);
    for (const robin of moves.roundRobins.values()) {
      const left = robin.groups.get(from);
      if (left?.recorderId === participantId) left.recorderId = groups[from][0] ?? null;
      const joined = robin.groups.get(group);
      if (!joined) robin.groups.set(group, { turn: 0, turnStartedAt: robin.startedAt, recorderId: participantId, notes: '', notesAt: 0 });
      else if (!joined.recorderId) joined.recorderId = participantId;
    }
  },

  'roundrobin.started': ({ moves }, { slide }, { at }) => {
    const groups = new Map(
      (moves.lineup?.groups ?? []).map((members, i) => [i, { turn: 0, turnStartedAt: at, recorderId: members[0] ?? null, notes: '', notesAt: 0 }]),
    );
    // Starting again keeps what groups recorded: only the turns begin anew.
    const before = moves.roundRobins.get(slide);
    for (const [i, group] of groups) {
      const old = before?.groups.get(i);
      if (old) Object.assign(group, { recorderId: old.recorderId ?? group.recorderId, notes: old.notes, notesAt: old.notesAt });
    }
    moves.roundRobins.set(slide, { startedAt: at, groups });
  },
  'roundrobin.turn.passed': ({ moves }, { slide, group, turn }, { at }) => {
    const progress = moves.roundRobins.get(slide)?.groups.get(group);
    if (progress) Object.assign(progress, { turn, turnStartedAt: at });
  },
  'roundrobin.recorder.set': ({ moves }, { slide, group, participantId }) => {
    const progress = moves.roundRobins.get(slide)?.groups.get(group);
    if (progress) progress.recorderId = participantId;
  },
  'roundrobin.notes.saved': ({ moves }, { slide, group, text }, { at }) => {
    const progress = moves.roundRobins.get(slide)?.groups.get(group);
    if (progress) Object.assign(progress, { notes: text, notesAt: at });
  },

  'poll.voted': ({ moves }, { slide, participantId, choices }) => {
    let votes = moves.pollVotes.get(slide);
    if (!votes) moves.pollVotes.set(slide, (votes = new Map()));
    votes.set(participantId, choices);
  },
  'poll.revealed': ({ moves }, { slide, revealed }) => {
    if (revealed) moves.pollsRevealed.add(slide);
    else moves.pollsRevealed.delete(slide);
  },

  'reflection.saved': ({ moves }, { reflectionId, participantId, slide, text, shared }, { at }) => {
    const earlier = moves.reflections.get(reflectionId);
    // Approval is of the words approved: new words wait for a facilitator again.
    const approved = earlier !== undefined && earlier.approved && earlier.text === text;
    moves.reflections.set(reflectionId, { id: reflectionId, slide, authorId: participantId, text, shared, hidden: earlier?.hidden ?? false, approved, at });
    moves.reflectionByAuthor.set(`${slide}:${participantId}`, reflectionId);
  },
  'reflection.approved': ({ moves }, { reflectionIds }) => {
    for (const id of reflectionIds) {
      const reflection = moves.reflections.get(id);
      if (reflection) reflection.approved = true;
    }
  },
  'reflection.hidden': ({ moves }, { reflectionId, hidden }) => {
    const reflection = moves.reflections.get(reflectionId);
    if (reflection) {
      reflection.hidden = hidden;
      // Showing one again is approving it.
      if (!hidden) reflection.approved = true;
    }
  },

  'feedback.given': ({ moves }, { slide, participantId, ratings, comments }, { at }) => {
    let responses = moves.feedback.get(slide);
    if (!responses) moves.feedback.set(slide, (responses = new Map()));
    responses.set(participantId, { participantId, ratings, comments, at });
  },
};
