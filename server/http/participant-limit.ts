import type { AppDeps } from './app-deps.js';
import { rateLimit } from './rate-limit.js';

/** A participant's writes spend their own budget; facilitators are not limited. */
export function participantWriteLimit(deps: AppDeps) {
  return rateLimit({
    name: 'per participant',
    perSecond: deps.limits.participantPerSecond,
    burst: deps.limits.participantBurst,
    key: (c) => {
      const actor = c.get('actor');
      return actor?.role === 'participant' ? `${c.get('live').runtime.id}:${actor.participantId}` : null;
    },
  });
}
