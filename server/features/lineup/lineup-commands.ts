import type { ActivityOf, Deck } from '../../deck/deck-schema.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event, type NewEvent } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { activityOn, isActivityOpen } from '../presentation/activity-rules.js';
import { countOff, lineOrder, smallestGroup, type Birthday } from './grouping.js';
import { groupOf } from './lineup-state.js';

/**
 * The activity on `slide` that runs a line-up (its sizes): a Block Party, or a round robin
 * that makes its own groups; else a refusal. Facilitator moves do not need it open.
 */
function blockParty(deck: Deck, slide: number): { lineup: NonNullable<ActivityOf<'round-robin'>['lineup']> } {
  const activity = deck.slides[slide - 1]?.activity;
  if (activity?.kind === 'round-robin' && activity.lineup) return { lineup: activity.lineup };
  return activityOn(deck, slide, 'block-party', `Slide ${slide} is not a Block Party.`);
}

/** The lead asks the room to line up by birthday; any earlier groups are set aside. */
export function openLineup(state: SessionState, deck: Deck, slide: number) {
  blockParty(deck, slide);
  if (!isActivityOpen(state, slide)) throw new DomainError(409, 'activity_closed', `Show slide ${slide} first.`);
  return { events: [event('lineup.opened', { slide })], response: { slide } };
}

/**
 * A participant answers the birthday question (or skips it). The log records only that
 * they answered; the caller keeps the birthday in memory until the groups are made.
 * After the groups are made, an answer places the person in the smallest group instead.
 */
export function answerLineup(state: SessionState, participantId: string): { events: NewEvent[]; response: { grouped: boolean; group: number | null } } {
  const lineup = state.lineup;
  if (!lineup) throw new DomainError(409, 'lineup_closed', 'The birthday line-up has not started.');
  if (lineup.groups) return joinSmallestGroup(state, participantId);
  const events = lineup.answered.has(participantId) ? [] : [event('lineup.answered', { participantId })];
  return { events, response: { grouped: false, group: null } };
}

/** A late joiner goes to the smallest group (or stays in the group they are in). */
export function joinSmallestGroup(state: SessionState, participantId: string) {
  const groups = state.lineup?.groups;
  if (!groups || groups.length === 0) throw new DomainError(409, 'no_groups', 'There are no groups yet.');
  const current = groupOf(state, participantId);
  if (current >= 0) return { events: [], response: { grouped: true as const, group: current + 1 } };
  const group = smallestGroup(groups);
  return { events: [event('lineup.placed', { participantId, group })], response: { grouped: true as const, group: group + 1 } };
}

/**
 * The facilitator makes the groups: everyone in the room stands in the line (those with
 * no birthday at random places), and the line is counted off into groups of the deck's
 * sizes. Only the groups are recorded.
 */
export function makeGroups(state: SessionState, deck: Deck, slide: number, birthdays: Map<string, Birthday>, context: CommandContext) {
  const { lineup: sizes } = blockParty(deck, slide);
  const people = [...state.participants.keys()];
  if (people.length === 0) throw new DomainError(409, 'nobody_here', 'Nobody has joined yet.');
  const groups = countOff(lineOrder(people, birthdays, context.random), sizes.groupSize, sizes.minGroupSize);
  return { events: [event('lineup.grouped', { slide, groups })], response: { slide, groups: groups.map((g) => g.length) } };
}

/**
 * Regroup: count off the present line again (people who arrived since join its end),
 * for when late joiners or moves have left the groups uneven.
 */
export function regroup(state: SessionState, deck: Deck) {
  const lineup = state.lineup;
  if (!lineup?.groups) throw new DomainError(409, 'no_groups', 'There are no groups yet.');
  const { lineup: sizes } = blockParty(deck, lineup.slide);
  const line = lineup.groups.flat();
  for (const id of state.participants.keys()) if (!line.includes(id)) line.push(id);
  const groups = countOff(line, sizes.groupSize, sizes.minGroupSize);
  return { events: [event('lineup.grouped', { slide: lineup.slide, groups })], response: { slide: lineup.slide, groups: groups.map((g) => g.length) } };
}

/** The facilitator moves a person to group `group` (1-based; one past the last makes a new group). */
export function movePerson(state: SessionState, participantId: string, group: number) {
  const groups = state.lineup?.groups;
  if (!groups) throw new DomainError(409, 'no_groups', 'There are no groups yet.');
  if (!state.participants.has(participantId)) throw new DomainError(404, 'unknown_participant', 'There is no such participant.');
  if (group > groups.length + 1) throw new DomainError(400, 'invalid', `There are ${groups.length} groups: choose 1 to ${groups.length + 1}.`);
  const same = groupOf(state, participantId) === group - 1;
  return { events: same ? [] : [event('lineup.placed', { participantId, group: group - 1 })], response: { participantId, group } };
}
