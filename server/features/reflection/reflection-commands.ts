import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { openActivity } from '../presentation/activity-rules.js';

export const REFLECTION_MAX_LENGTH = 1000;

/**
 * One reflection per person per slide, private unless the person shares it. Shared
 * reflections reach the deck without a name; private ones reach no other screen.
 */
export function saveReflection(state: SessionState, deck: Deck, participantId: string, slide: number, text: string, shared: boolean, context: CommandContext) {
  const activity = openActivity(state, deck, slide, 'reflection');
  if (shared && !activity.shareable) throw new DomainError(400, 'not_shareable', 'This reflection stays private.');
  const clean = cleanOrRefuse(cleanText(text, REFLECTION_MAX_LENGTH));
  const mineId = state.reflectionByAuthor.get(`${slide}:${participantId}`);
  const mine = mineId ? state.reflections.get(mineId) : undefined;
  if (mine && mine.text === clean && mine.shared === shared) return { events: [], response: { reflectionId: mine.id, shared } };
  const reflectionId = mine?.id ?? context.newId();
  return { events: [event('reflection.saved', { reflectionId, participantId, slide, text: clean, shared })], response: { reflectionId, shared } };
}

/** A facilitator can keep a shared reflection off the deck. Private ones are not theirs to see. */
export function setReflectionHidden(state: SessionState, reflectionId: string, hidden: boolean) {
  const reflection = state.reflections.get(reflectionId);
  if (!reflection || !reflection.shared) throw new DomainError(404, 'unknown_reflection', 'There is no such shared reflection.');
  return { events: reflection.hidden === hidden ? [] : [event('reflection.hidden', { reflectionId, hidden })], response: { reflectionId, hidden } };
}

/**
 * A facilitator lets shared reflections onto the projector: one (`reflectionId`), or every
 * one on the slide still waiting (`slide`). Hidden ones stay hidden.
 */
export function approveReflections(state: SessionState, target: { reflectionId: string } | { slide: number }) {
  const waiting = (r: { shared: boolean; approved: boolean; hidden: boolean }) => r.shared && !r.approved && !r.hidden;
  let ids: string[];
  if ('reflectionId' in target) {
    const reflection = state.reflections.get(target.reflectionId);
    if (!reflection || !reflection.shared) throw new DomainError(404, 'unknown_reflection', 'There is no such shared reflection.');
    ids = waiting(reflection) ? [reflection.id] : [];
  } else {
    ids = [...state.reflections.values()].filter((r) => r.slide === target.slide && waiting(r)).map((r) => r.id);
  }
  return { events: ids.length ? [event('reflection.approved', { reflectionIds: ids })] : [], response: { approved: ids.length } };
}
