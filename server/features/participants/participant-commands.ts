import type { Deck } from '../../deck/deck-schema.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import { DomainError } from '../../domain/domain-error.js';
import type { CommandContext } from '../../domain/command.js';
import { event, type StakeholderGroup } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';

export const NAME_MAX_LENGTH = 40;

/** A group the session's deck offers, or a refusal that says which ones it does. */
export function requireGroup(deck: Deck, group: string): StakeholderGroup {
  if (!deck.groups.some((g) => g.id === group)) {
    throw new DomainError(400, 'unknown_group', `"${group.slice(0, 40)}" is not one of this workshop's groups (${deck.groups.map((g) => g.id).join(', ')}).`);
  }
  return group;
}

/** No account: an optional first name and one of the deck's stakeholder groups. */
export function join(_state: SessionState, deck: Deck, name: string | undefined, group: StakeholderGroup, context: CommandContext) {
  requireGroup(deck, group);
  const participantId = context.newId();
  const clean = name && name.trim() ? cleanOrRefuse(cleanText(name, NAME_MAX_LENGTH)) : '';
  return { events: [event('participant.joined', { participantId, name: clean, group })], response: { participantId } };
}

export function updateParticipant(state: SessionState, deck: Deck, participantId: string, name: string | undefined, group: StakeholderGroup) {
  requireGroup(deck, group);
  const clean = name && name.trim() ? cleanOrRefuse(cleanText(name, NAME_MAX_LENGTH)) : '';
  const me = state.participants.get(participantId)!;
  const same = me.name === clean && me.group === group;
  return { events: same ? [] : [event('participant.updated', { participantId, name: clean, group })], response: { participantId } };
}
