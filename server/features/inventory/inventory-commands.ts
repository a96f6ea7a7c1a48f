import type { InventoryMark, OtherMark } from '../../contract/parts.js';
import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { requireInventory } from './inventory-deck.js';

export const OTHER_MAX_LENGTH = 200;
/** "Other" activities one person may add to one strategy: the printed form has three lines; a phone allows more. */
export const OTHERS_PER_STRATEGY = 10;
/** "Other" activities a whole session may hold, so one room cannot grow the roll-up without end. */
export const OTHERS_PER_SESSION = 2000;

/**
 * Whether members may answer the inventory now: once the deck has shown one of its
 * marking slides, until a facilitator closes the one shown last. Answers are not tied to
 * the slide on screen, so a phone that was offline delivers its marks after the deck moved
 * on to the roll-up, and closing the last marking slide freezes them all.
 */
export function requireMarkingOpen(state: SessionState, deck: Deck): void {
  requireInventory(deck);
  const shown = state.slideHistory.filter((s) => deck.slides[s.slide - 1]?.activity?.kind === 'inventory').at(-1);
  if (!shown) throw new DomainError(409, 'activity_closed', 'The inventory is not open yet.');
  if (state.closedSlides.has(shown.slide)) throw new DomainError(409, 'activity_closed', 'The inventory is closed.');
}

/** A member's answer for one activity (null takes it back); answering as before commits nothing. */
export function markActivity(state: SessionState, deck: Deck, participantId: string, activityId: string, mark: InventoryMark | null) {
  requireMarkingOpen(state, deck);
  if (!requireInventory(deck).strategyOf.has(activityId)) throw new DomainError(404, 'unknown_activity', `The inventory has no activity "${activityId.slice(0, 40)}".`);
  const before = state.inventory.marks.get(participantId)?.get(activityId) ?? null;
  const events = before === mark ? [] : [event('inventory.marked', { participantId, activityId, mark })];
  return { events, response: { activityId, mark } };
}

/**
 * An activity the inventory does not list, for one strategy: a member's own (while the
 * inventory is open), or typed in by a facilitator for the team (at any time).
 */
export function addOther(state: SessionState, deck: Deck, participantId: string | null, strategy: string, text: string, mark: OtherMark | null, context: CommandContext) {
  const index = requireInventory(deck);
  if (participantId) requireMarkingOpen(state, deck);
  if (!index.activitiesOf.has(strategy)) throw new DomainError(404, 'unknown_strategy', `The inventory has no strategy "${strategy.slice(0, 40)}".`);
  const clean = cleanOrRefuse(cleanText(text, OTHER_MAX_LENGTH));
  if (participantId) {
    const mine = (state.inventory.otherIdsByAuthor.get(participantId) ?? []).map((id) => state.inventory.others.get(id)!);
    if (mine.filter((o) => !o.removed && o.strategy === strategy).length >= OTHERS_PER_STRATEGY) {
      throw new DomainError(409, 'too_many_others', `You have added ${OTHERS_PER_STRATEGY} activities to this strategy; remove one to add another.`);
    }
  }
  if (state.inventory.others.size >= OTHERS_PER_SESSION) throw new DomainError(409, 'session_full', 'This inventory holds as many activities as it can.');
  // Prefixed, so an "other" activity's id can never be a deck activity's (those have no "_").
  const otherId = `o_${context.newId()}`;
  return { events: [event('inventory.other-added', { otherId, participantId, strategy, text: clean, mark })], response: { otherId, strategy, text: clean, mark } };
}

/** The author's own "other" activity, or 404: another person's is unknown to them. */
function ownOther(state: SessionState, participantId: string, otherId: string) {
  const other = state.inventory.others.get(otherId);
  if (!other || other.removed || other.participantId !== participantId) throw new DomainError(404, 'unknown_other', 'There is no such activity of yours.');
  return other;
}

export function changeOther(state: SessionState, deck: Deck, participantId: string, otherId: string, change: { text?: string; mark?: OtherMark | null }) {
  requireMarkingOpen(state, deck);
  const other = ownOther(state, participantId, otherId);
  const text = change.text === undefined ? other.text : cleanOrRefuse(cleanText(change.text, OTHER_MAX_LENGTH));
  const mark = change.mark === undefined ? other.mark : change.mark;
  const same = text === other.text && mark === other.mark;
  return { events: same ? [] : [event('inventory.other-changed', { otherId, text, mark })], response: { otherId, text, mark } };
}

/** The author takes an activity back; one the team has already decided on stays, as the team's. */
export function removeOther(state: SessionState, deck: Deck, participantId: string, otherId: string) {
  requireMarkingOpen(state, deck);
  ownOther(state, participantId, otherId);
  if (state.inventory.decisions.has(otherId)) throw new DomainError(409, 'already_decided', 'The team has decided on this activity; it stays in the inventory.');
  return { events: [event('inventory.other-removed', { otherId })], response: { otherId, removed: true } };
}
