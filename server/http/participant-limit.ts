import type { Context } from 'hono';
import type { AppDeps } from './app-deps.js';
import type { AppEnv } from './app-env.js';
import { tokenBuckets } from './rate-limit.js';

/** One budget per app, so a participant's writes on every route spend the same one. */
const checks = new WeakMap<AppDeps, (c: Context<AppEnv>) => Response | undefined>();

/** A participant's writes spend their own budget; facilitators are not limited. The refusal (429), or undefined. */
export function participantWriteCheck(deps: AppDeps): (c: Context<AppEnv>) => Response | undefined {
  let check = checks.get(deps);
  if (!check) {
    check = tokenBuckets({
      name: 'per participant',
      perSecond: deps.limits.participantPerSecond,
      burst: deps.limits.participantBurst,
      key: (c) => {
        const actor = c.get('actor');
        return actor?.role === 'participant' ? `${c.get('live').runtime.id}:${actor.participantId}` : null;
      },
    });
    checks.set(deps, check);
  }
  return check;
}
