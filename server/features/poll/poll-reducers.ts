import type { Reducers } from '../../domain/reducer.js';
import { pollOn } from './poll-state.js';

export const pollReducers: Reducers = {
  // A changed vote takes back what the earlier one counted, so a person counts once.
  'poll.voted': (state, { slide, participantId, choices }) => {
    const poll = pollOn(state, slide);
    for (const id of poll.votes.get(participantId) ?? []) poll.counts.set(id, (poll.counts.get(id) ?? 0) - 1);
    for (const id of choices) poll.counts.set(id, (poll.counts.get(id) ?? 0) + 1);
    poll.votes.set(participantId, choices);
  },
  'poll.revealed': (state, { slide, revealed }) => {
    pollOn(state, slide).revealed = revealed;
  },
};
