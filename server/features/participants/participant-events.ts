import type { StakeholderGroup } from '../../domain/events.js';

/** People join with no account: an optional first name and their stakeholder group. */
declare module '../../domain/events.js' {
  interface EventMap {
    'participant.joined': { participantId: string; name: string; group: StakeholderGroup };
    'participant.updated': { participantId: string; name: string; group: StakeholderGroup };
  }
}
