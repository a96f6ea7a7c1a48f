import { createMiddleware } from 'hono/factory';
import type { Role } from '../domain/events.js';
import type { AppDeps } from './app-deps.js';
import type { AppEnv } from './app-env.js';
import { participantWriteCheck } from './participant-limit.js';
import { opIdCheck, roleCheck } from './session-access.js';

/**
 * The gate of a participant's write, in one step: a key of one of `roles` (401, 403), the
 * participant's own budget of writes (429), and an Idempotency-Key (400), checked in that
 * order, as requireRole, a budget layer and requireOpId did one after another. One
 * layer instead of three: each layer of hono's chain is a promise, a closure and a turn
 * through the chain, for every sticker of a district's walk.
 */
export function participantWrite(deps: AppDeps, ...roles: Role[]) {
  const role = roleCheck(deps.keys, roles);
  const budget = participantWriteCheck(deps);
  return createMiddleware<AppEnv>(async (c, next) => role(c) ?? budget(c) ?? opIdCheck(c) ?? next());
}
