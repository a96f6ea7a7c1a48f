import { Hono } from 'hono';
import { z } from 'zod';
import { startRound } from './block-party-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { slideParam } from '../../http/fields.js';

/** Block Party rounds: the lead starts the next round (or round N), with its timer. */
export function blockPartyRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'), requireOpId)
    .post('/:slide/rounds', validate('param', slideParam), validate('json', z.strictObject({ round: z.number().int().min(1).max(50).optional() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => startRound(state, runtime.deck, c.req.valid('param').slide, c.req.valid('json').round));
      return c.json(response, 201);
    });
}
