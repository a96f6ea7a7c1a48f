import type { StakeholderGroup } from '../../domain/events.js';

export interface Participant {
  id: string;
  name: string;
  group: StakeholderGroup;
  joinedAt: number;
}

declare module '../../domain/session-state.js' {
  interface SessionState {
    participants: Map<string, Participant>;
    /** How many people are in each stakeholder group, kept by the reducers for the roster and the equity of voice. */
    peopleByGroup: Map<StakeholderGroup, number>;
  }
}

export function emptyParticipants() {
  return { participants: new Map<string, Participant>(), peopleByGroup: new Map<StakeholderGroup, number>() };
}
