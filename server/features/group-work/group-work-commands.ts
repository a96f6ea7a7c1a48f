import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event, type NewEvent } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { activityOn, isActivityOpen, openActivity } from '../presentation/activity-rules.js';
import { brainstormActivity, mixedGroupsActivity, preparedStandards, refineActivity, sideOf } from './group-work-model.js';
import { clustersOf, groupById, groupOfParticipant, isAgreed, notesOf, type Cluster, type WorkGroup } from './group-work-state.js';
import { groupForLateJoiner, mixedGroups, type Person } from './mixed-grouping.js';

/** Who writes to a group's board: one of its members, or a facilitator (for any group, and for paper). */
export type BoardActor = { participantId: string } | { staff: true };

export const CLUSTER_LIMITS = { name: 60, activity: 240, partnerRoles: 400 } as const;
/** A group's board holds at most this many notes and clusters, so one table cannot fill the server. */
export const MAX_NOTES_PER_GROUP = 300;
export const MAX_CLUSTERS_PER_GROUP = 40;

function person(state: SessionState, deck: Deck, participantId: string): Person {
  const activity = mixedGroupsActivity(state, deck)?.activity;
  const group = state.participants.get(participantId)!.group;
  return { id: participantId, side: sideOf(activity, group), group };
}

/**
 * The facilitator asks for mixed groups on a mixed-groups slide: everyone in the room,
 * staff and partners spread evenly (mixed-grouping.ts), chance from the context. Groups
 * already at work (with notes on their boards) are not broken up: move people instead.
 */
export function makeMixedGroups(state: SessionState, deck: Deck, slide: number, context: CommandContext) {
  const activity = activityOn(deck, slide, 'mixed-groups', `Slide ${slide} does not make mixed groups.`);
  if (!isActivityOpen(state, slide)) throw new DomainError(409, 'activity_closed', `Show slide ${slide} first.`);
  if (state.participants.size === 0) throw new DomainError(409, 'nobody_here', 'Nobody has joined yet.');
  if (state.groupWork.notes.size > 0) throw new DomainError(409, 'groups_at_work', 'The groups already have notes on their boards: move people between groups instead.');
  const people = [...state.participants.values()].map((p) => ({ id: p.id, side: sideOf(activity, p.group), group: p.group }));
  const groups = mixedGroups(people, activity, context.random).map((members) => ({ groupId: context.newId(), members }));
  return { events: [event('groups.made', { slide, groups })], response: { slide, groups: groups.map((g) => ({ groupId: g.groupId, size: g.members.length })) } };
}

/** A facilitator moves a person into another group. */
export function placeMember(state: SessionState, participantId: string, groupId: string) {
  if (!state.participants.has(participantId)) throw new DomainError(404, 'unknown_participant', 'There is no such participant.');
  const group = existingGroup(state, groupId);
  const same = state.groupWork.groupOf.get(participantId) === group.id;
  return { events: same ? [] : [event('groups.member-placed', { participantId, groupId: group.id })], response: { participantId, groupId: group.id, number: group.number } };
}

/** Someone who arrived after the groups were made joins the group the mix most needs them in. */
export function joinGroup(state: SessionState, deck: Deck, participantId: string) {
  const groups = state.groupWork.groups;
  if (groups.length === 0) throw new DomainError(409, 'no_groups', 'There are no groups yet.');
  const current = groupOfParticipant(state, participantId);
  if (current) return { events: [], response: { groupId: current.id, number: current.number } };
  const members = groups.map((g) => g.members.filter((id) => state.participants.has(id)).map((id) => person(state, deck, id)));
  const group = groups[groupForLateJoiner(members, person(state, deck, participantId))];
  return { events: [event('groups.member-placed', { participantId, groupId: group.id })], response: { groupId: group.id, number: group.number } };
}

/** A member (or a facilitator) picks the standards the group works on, from the school's list. */
export function pickStandards(state: SessionState, deck: Deck, actor: BoardActor, groupId: string | undefined, standardIds: string[]) {
  const group = boardGroup(state, actor, groupId);
  const groups = mixedGroupsActivity(state, deck);
  const known = new Set(preparedStandards(state, deck).map((s) => s.id));
  if (!groups || known.size === 0) throw new DomainError(409, 'no_standards', 'The school has not listed its learning standards yet.');
  const unique = [...new Set(standardIds)];
  const unknown = unique.find((id) => !known.has(id));
  if (unknown) throw new DomainError(400, 'unknown_standard', `There is no learning standard "${unknown.slice(0, 40)}" on the school's list.`);
  const { min, max } = groups.activity.standards;
  if (unique.length < min || unique.length > max) throw new DomainError(400, 'standards_count', min === max ? `Pick ${min} standards.` : `Pick from ${min} to ${max} standards.`);
  // A standard with notes on it stays picked, so no note is left without its standard.
  const inUse = notesOf(state, group.id).find((n) => !unique.includes(n.standardId));
  if (inUse) throw new DomainError(409, 'standard_in_use', 'Your group has notes on a standard you took off; move or withdraw those notes first.');
  const same = unique.length === group.standardIds.length && unique.every((id, i) => group.standardIds[i] === id);
  return { events: same ? [] : [event('groups.standards-picked', { groupId: group.id, standardIds: unique })], response: { groupId: group.id, standardIds: unique } };
}

export interface NoteInput {
  standardId: string;
  text: string;
  helpers: string[];
}

/** A member posts a note for one of the group's standards (a facilitator types in a paper note for a group). */
export function postNote(state: SessionState, deck: Deck, slide: number, actor: BoardActor, groupId: string | undefined, input: NoteInput, context: CommandContext) {
  openActivity(state, deck, slide, 'brainstorm');
  const group = boardGroup(state, actor, groupId);
  if (notesOf(state, group.id).length >= MAX_NOTES_PER_GROUP) throw new DomainError(409, 'board_full', `A group's board holds at most ${MAX_NOTES_PER_GROUP} notes.`);
  const note = checkedNote(deck, group, input);
  const noteId = context.newId();
  const participantId = 'participantId' in actor ? actor.participantId : null;
  return { events: [event('note.posted', { noteId, groupId: group.id, participantId, ...note })], response: { noteId, groupId: group.id } };
}

/** Its author edits a note (a facilitator, a paper note). */
export function editNote(state: SessionState, deck: Deck, actor: BoardActor, noteId: string, input: NoteInput) {
  const note = ownNote(state, actor, noteId);
  const group = groupById(state, note.groupId)!;
  const edited = checkedNote(deck, group, input);
  const same = edited.text === note.text && edited.standardId === note.standardId && edited.helpers.join() === note.helpers.join();
  return { events: same ? [] : [event('note.edited', { noteId, ...edited })], response: { noteId } };
}

export function withdrawNote(state: SessionState, actor: BoardActor, noteId: string) {
  ownNote(state, actor, noteId);
  return { events: [event('note.withdrawn', { noteId })], response: { noteId } };
}

/** Any member (or a facilitator) puts a note in one of the group's clusters, or takes it out. */
export function clusterNote(state: SessionState, actor: BoardActor, noteId: string, clusterId: string | null) {
  const note = state.groupWork.notes.get(noteId);
  if (!note || note.withdrawn) throw new DomainError(404, 'unknown_note', 'There is no such note.');
  boardGroup(state, actor, note.groupId);
  if (clusterId !== null) {
    const cluster = state.groupWork.clusters.get(clusterId);
    if (!cluster || cluster.removed || cluster.groupId !== note.groupId) throw new DomainError(404, 'unknown_cluster', 'Your group has no such cluster.');
  }
  return { events: note.clusterId === clusterId ? [] : [event('note.clustered', { noteId, clusterId })], response: { noteId, clusterId } };
}

export interface ClusterInput {
  name?: string;
  activity?: string;
  partnerRoles?: string;
  useful?: boolean;
  realistic?: boolean;
}

/** A member (or a facilitator) starts a named cluster on the group's board. */
export function createCluster(state: SessionState, deck: Deck, slide: number, actor: BoardActor, groupId: string | undefined, name: string, context: CommandContext) {
  openActivity(state, deck, slide, 'cluster-and-refine');
  const group = boardGroup(state, actor, groupId);
  if (clustersOf(state, group.id).length >= MAX_CLUSTERS_PER_GROUP) throw new DomainError(409, 'board_full', `A group has at most ${MAX_CLUSTERS_PER_GROUP} clusters.`);
  const clusterId = context.newId();
  const saved = { clusterId, groupId: group.id, name: cleanOrRefuse(cleanText(name, CLUSTER_LIMITS.name)), activity: '', partnerRoles: '', useful: false, realistic: false, cardId: null };
  return { events: [event('cluster.saved', saved)], response: { clusterId, groupId: group.id } };
}

/**
 * A member (or a facilitator) renames a cluster, writes its activity and checks it. The
 * activity the group agrees on (useful and realistic) is posted on the deck's strategies
 * wall as a card, and kept in step with later edits; unchecked, its card leaves the wall
 * (stickers on it go back to their owners, as for any withdrawn card).
 */
export function updateCluster(state: SessionState, deck: Deck, actor: BoardActor, clusterId: string, input: ClusterInput, context: CommandContext) {
  const cluster = liveCluster(state, actor, clusterId);
  const next = {
    name: input.name === undefined ? cluster.name : cleanOrRefuse(cleanText(input.name, CLUSTER_LIMITS.name)),
    activity: input.activity === undefined ? cluster.activity : optionalText(input.activity, CLUSTER_LIMITS.activity),
    partnerRoles: input.partnerRoles === undefined ? cluster.partnerRoles : optionalText(input.partnerRoles, CLUSTER_LIMITS.partnerRoles),
    useful: input.useful ?? cluster.useful,
    realistic: input.realistic ?? cluster.realistic,
  };
  const unchanged = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === cluster[k]);
  if (unchanged) return { events: [], response: { clusterId, agreed: isAgreed(cluster), cardId: cluster.cardId } };
  const { events, cardId } = postedCard(state, deck, cluster, isAgreed({ ...next, removed: false }) ? next.activity : null, context);
  events.push(event('cluster.saved', { clusterId, groupId: cluster.groupId, ...next, cardId }));
  return { events, response: { clusterId, agreed: cardId !== null, cardId } };
}

/** A member (or a facilitator) dissolves a cluster: its notes go back on the board. */
export function removeCluster(state: SessionState, deck: Deck, actor: BoardActor, clusterId: string, context: CommandContext) {
  const cluster = liveCluster(state, actor, clusterId);
  const { events } = postedCard(state, deck, cluster, null, context);
  events.push(event('cluster.removed', { clusterId }));
  return { events, response: { clusterId } };
}

/** The facilitator shows one group's agreed activities in the share-out. */
export function showGroup(state: SessionState, deck: Deck, slide: number, groupId: string) {
  activityOn(deck, slide, 'share-out', `Slide ${slide} is not a share-out.`);
  const group = existingGroup(state, groupId);
  const same = state.groupWork.sharing.get(slide) === group.id;
  return { events: same ? [] : [event('shareout.shown', { slide, groupId: group.id })], response: { slide, groupId: group.id, number: group.number } };
}

/** The card events that put an agreed activity's text on the wall (`text`), or take it off (null). */
function postedCard(state: SessionState, deck: Deck, cluster: Cluster, text: string | null, context: CommandContext): { events: NewEvent[]; cardId: string | null } {
  const card = cluster.cardId ? state.cards.get(cluster.cardId) : undefined;
  const live = card && !card.withdrawn ? card : undefined;
  if (text === null) return { events: live ? [event('card.withdrawn', { cardId: live.id })] : [], cardId: null };
  if (live) return { events: live.text === text ? [] : [event('card.revised', { cardId: live.id, text, slide: live.slide })], cardId: live.id };
  const refine = refineActivity(deck);
  if (!refine) throw new DomainError(409, 'no_wall', 'This deck has no wall for agreed activities.');
  const cardId = context.newId();
  return { events: [event('card.written', { cardId, participantId: null, wall: refine.activity.wall, slide: refine.slide, text })], cardId };
}

function existingGroup(state: SessionState, groupId: string): WorkGroup {
  const group = groupById(state, groupId);
  if (!group) throw new DomainError(404, 'unknown_group', 'There is no such group.');
  return group;
}

/**
 * The group a write to a board is about: a participant's own group (another group's id
 * answers 404, as if it did not exist), or for a facilitator the group named.
 */
function boardGroup(state: SessionState, actor: BoardActor, groupId: string | undefined): WorkGroup {
  if ('staff' in actor) {
    if (!groupId) throw new DomainError(400, 'invalid', 'Name the group: "groupId".');
    return existingGroup(state, groupId);
  }
  const own = groupOfParticipant(state, actor.participantId);
  if (!own) throw new DomainError(409, 'no_group', 'You are not in a group yet.');
  if (groupId !== undefined && groupId !== own.id) throw new DomainError(404, 'unknown_group', 'There is no such group.');
  return own;
}

/** A note its author may change: their own (a facilitator, any note). Another's answers 404. */
function ownNote(state: SessionState, actor: BoardActor, noteId: string) {
  const note = state.groupWork.notes.get(noteId);
  const mine = note && ('staff' in actor || note.authorId === actor.participantId);
  if (!note || note.withdrawn || !mine) throw new DomainError(404, 'unknown_note', 'You have no such note.');
  return note;
}

function liveCluster(state: SessionState, actor: BoardActor, clusterId: string): Cluster {
  const cluster = state.groupWork.clusters.get(clusterId);
  if (!cluster || cluster.removed) throw new DomainError(404, 'unknown_cluster', 'There is no such cluster.');
  boardGroup(state, actor, cluster.groupId);
  return cluster;
}

function checkedNote(deck: Deck, group: WorkGroup, input: NoteInput) {
  const brainstorm = brainstormActivity(deck);
  if (!brainstorm) throw new DomainError(409, 'wrong_activity', 'This deck has no brainstorm.');
  if (!group.standardIds.includes(input.standardId)) throw new DomainError(400, 'unknown_standard', 'Your group has not picked that standard.');
  const known = new Set(brainstorm.helpers.map((h) => h.id));
  const helpers = brainstorm.helpers.map((h) => h.id).filter((id) => input.helpers.includes(id));
  if (helpers.length === 0 || input.helpers.some((h) => !known.has(h))) throw new DomainError(400, 'helpers', `Tag the note with who could help: ${[...known].join(', ')}.`);
  return { standardId: input.standardId, text: cleanOrRefuse(cleanText(input.text, brainstorm.maxLength)), helpers };
}

/** A text a group may leave empty for now (an activity not yet written). */
function optionalText(raw: string, max: number): string {
  return raw.trim() === '' ? '' : cleanOrRefuse(cleanText(raw, max));
}
