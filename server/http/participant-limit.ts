import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from './app-deps.js';
import type { AppEnv } from './app-env.js';
import { rateLimit } from './rate-limit.js';

/** One limiter per app, so a participant's writes on every route spend the same budget. */
const limiters = new WeakMap<AppDeps, MiddlewareHandler<AppEnv>>();

/** A participant's writes spend their own budget; facilitators are not limited. */
export function participantWriteLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = rateLimit({
      name: 'per participant',
      perSecond: deps.limits.participantPerSecond,
      burst: deps.limits.participantBurst,
      key: (c) => {
        const actor = c.get('actor');
        return actor?.role === 'participant' ? `${c.get('live').runtime.id}:${actor.participantId}` : null;
      },
    });
    limiters.set(deps, limiter);
  }
  return limiter;
}
