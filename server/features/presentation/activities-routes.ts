import { Hono } from 'hono';
import { z } from 'zod';
import { setActivityOpen } from './presentation-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { slideParam } from '../../http/fields.js';

/** Activities: a facilitator closes one (no more answers) or opens it again. */
export function activitiesRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'), requireOpId)
    .put('/:slide', validate('param', slideParam), validate('json', z.strictObject({ open: z.boolean() })), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setActivityOpen(state, runtime.deck, slide, c.req.valid('json').open));
      return c.json(response);
    });
}
