import type { Reducers } from './reducer-types.js';

export const participantReducers: Reducers = {
  'participant.joined': (state, { participantId, name, group }, { at }) => {
    state.participants.set(participantId, { id: participantId, name, group, joinedAt: at });
  },
  'participant.updated': (state, { participantId, name, group }) => {
    const person = state.participants.get(participantId);
    if (person) Object.assign(person, { name, group });
  },
};
