import type { ActivityOf, Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { groupOf } from '../lineup/lineup-state.js';
import { activityOn, isActivityOpen } from '../presentation/activity-rules.js';
import type { RoundRobinGroup } from './round-robin-state.js';
import { currentTurn } from './round-robin-turn.js';

export const GROUP_NOTES_MAX_LENGTH = 2000;

function roundRobin(deck: Deck, slide: number): ActivityOf<'round-robin'> {
  return activityOn(deck, slide, 'round-robin', `Slide ${slide} is not a round robin.`);
}

/** The lead starts every group's round robin: first turns begin now. */
export function startRoundRobin(state: SessionState, deck: Deck, slide: number) {
  roundRobin(deck, slide);
  if (!state.lineup?.groups?.length) throw new DomainError(409, 'no_groups', 'Make the groups first (the birthday line-up).');
  if (!isActivityOpen(state, slide)) throw new DomainError(409, 'activity_closed', `Show slide ${slide} first.`);
  return { events: [event('roundrobin.started', { slide })], response: { slide } };
}

/** The caller's group and its progress, or a refusal a participant can act on. */
function myGroup(state: SessionState, deck: Deck, slide: number, participantId: string): { group: number; progress: RoundRobinGroup; turnMs: number; members: string[] } {
  const activity = roundRobin(deck, slide);
  if (!isActivityOpen(state, slide)) throw new DomainError(409, 'activity_closed', 'The round robin is closed.');
  const group = groupOf(state, participantId);
  if (group < 0) throw new DomainError(409, 'not_in_group', 'You are not in a group yet.');
  const progress = state.roundRobins.get(slide)?.groups.get(group);
  if (!progress) throw new DomainError(409, 'not_started', 'The round robin has not started yet.');
  return { group, progress, turnMs: activity.turnMinutes * 60_000, members: state.lineup!.groups![group] };
}

/**
 * A member passes the turn on. `from` is the turn the phone showed: when two members tap at
 * once, or a turn ran out meanwhile, the second tap changes nothing instead of skipping a person.
 */
export function passTurn(state: SessionState, deck: Deck, slide: number, participantId: string, from: number, context: CommandContext) {
  const { group, progress, turnMs, members } = myGroup(state, deck, slide, participantId);
  const turn = currentTurn(progress.turn, progress.turnStartedAt, turnMs, members.length, context.now);
  if (turn !== from || turn >= members.length) return { events: [], response: { turn } };
  // Only the speaker ends their own turn: anyone else's tap would cut them short.
  if (members[turn] !== participantId) throw new DomainError(403, 'not_your_turn', 'Only the person speaking (or a facilitator) can end their turn.');
  return { events: [event('roundrobin.turn.passed', { slide, group, turn: turn + 1 })], response: { turn: turn + 1 } };
}

/** A facilitator ends the current turn of one group (`group` is 1-based, as the screens number groups). */
export function passTurnForGroup(state: SessionState, deck: Deck, slide: number, groupNumber: number, from: number, context: CommandContext) {
  const activity = roundRobin(deck, slide);
  const group = groupNumber - 1;
  const members = state.lineup?.groups?.[group];
  const progress = state.roundRobins.get(slide)?.groups.get(group);
  if (!members || !progress) throw new DomainError(404, 'no_such_group', `There is no group ${groupNumber} in this round robin.`);
  const turn = currentTurn(progress.turn, progress.turnStartedAt, activity.turnMinutes * 60_000, members.length, context.now);
  if (turn !== from || turn >= members.length) return { events: [], response: { turn } };
  return { events: [event('roundrobin.turn.passed', { slide, group, turn: turn + 1 })], response: { turn: turn + 1 } };
}

/** One member records the group's shared ideas; any member can take that role. */
export function becomeRecorder(state: SessionState, deck: Deck, slide: number, participantId: string) {
  const { group, progress } = myGroup(state, deck, slide, participantId);
  const events = progress.recorderId === participantId ? [] : [event('roundrobin.recorder.set', { slide, group, participantId })];
  return { events, response: { group: group + 1 } };
}

export function saveGroupNotes(state: SessionState, deck: Deck, slide: number, participantId: string, text: string) {
  const { group, progress } = myGroup(state, deck, slide, participantId);
  if (progress.recorderId !== participantId) throw new DomainError(403, 'not_recorder', "Only your group's recorder writes the shared ideas.");
  const clean = text.trim() === '' ? '' : cleanOrRefuse(cleanText(text, GROUP_NOTES_MAX_LENGTH));
  const events = clean === progress.notes ? [] : [event('roundrobin.notes.saved', { slide, group, text: clean })];
  return { events, response: { group: group + 1 } };
}
