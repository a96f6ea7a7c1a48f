import { Hono } from 'hono';
import { z } from 'zod';
import { runTimer } from './timer-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { oneLineText, slideParam } from '../../http/fields.js';

const minutes = z.number().positive().max(180);
const timerAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), minutes: minutes.optional(), label: oneLineText(40).optional() }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('extend'), minutes: minutes.optional() }),
  z.strictObject({ action: z.literal('end') }),
]);

/**
 * Slide timers. The lead (or whoever runs the session) starts, pauses, extends and ends
 * them; `GET /clock` gives any screen the server's time so it can count down locally.
 */
export function timersRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/clock', (c) => c.json({ now: Date.now() }))
    .post('/:slide', requireRole(keys, 'lead', 'support'), requireOpId, validate('param', slideParam), validate('json', timerAction), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => runTimer(state, runtime.deck, slide, c.req.valid('json')));
      return c.json({ ...response, timer: runtime.state.timers.get(slide) ?? null, now: Date.now() });
    });
}
