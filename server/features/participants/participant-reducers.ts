import type { StakeholderGroup } from '../../domain/events.js';
import type { Reducers } from '../../domain/reducer.js';
import type { SessionState } from '../../domain/session-state.js';

function count(state: SessionState, group: StakeholderGroup, by: 1 | -1): void {
  state.peopleByGroup.set(group, (state.peopleByGroup.get(group) ?? 0) + by);
}

export const participantReducers: Reducers = {
  'participant.joined': (state, { participantId, name, group }, { at }) => {
    state.participants.set(participantId, { id: participantId, name, group, joinedAt: at });
    count(state, group, 1);
  },
  'participant.updated': (state, { participantId, name, group }) => {
    const person = state.participants.get(participantId);
    if (!person) return;
    count(state, person.group, -1);
    count(state, group, 1);
    Object.assign(person, { name, group });
  },
};
