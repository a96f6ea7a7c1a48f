import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import type { CommandContext } from '../../domain/command.js';
import { event, type StakeholderGroup } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';

export const NAME_MAX_LENGTH = 40;

/** No account: an optional first name and a stakeholder group. */
export function join(_state: SessionState, name: string | undefined, group: StakeholderGroup, context: CommandContext) {
  const participantId = context.newId();
  const clean = name && name.trim() ? cleanOrRefuse(cleanText(name, NAME_MAX_LENGTH)) : '';
  return { events: [event('participant.joined', { participantId, name: clean, group })], response: { participantId } };
}

export function updateParticipant(state: SessionState, participantId: string, name: string | undefined, group: StakeholderGroup) {
  const clean = name && name.trim() ? cleanOrRefuse(cleanText(name, NAME_MAX_LENGTH)) : '';
  const me = state.participants.get(participantId)!;
  const same = me.name === clean && me.group === group;
  return { events: same ? [] : [event('participant.updated', { participantId, name: clean, group })], response: { participantId } };
}
