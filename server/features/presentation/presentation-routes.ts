import { Hono } from 'hono';
import { z } from 'zod';
import { passControl, setBanner, showSlide } from './presentation-commands.js';
import type { StaffRole } from '../../domain/events.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { slideNumber } from '../../http/fields.js';

/** The presentation: which slide is shown, who holds the controls, whether the join banner shows. */
export function presentationRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'), requireOpId)
    .put('/slide', validate('json', z.strictObject({ slide: slideNumber })), (c) => {
      const { runtime } = c.get('live');
      const role = c.get('actor').role as StaffRole;
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => showSlide(state, runtime.deck, role, c.req.valid('json').slide));
      return c.json(response);
    })
    .put('/control', validate('json', z.strictObject({ holder: z.enum(['lead', 'support']) })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => passControl(state, c.req.valid('json').holder));
      return c.json(response);
    })
    .put('/banner', validate('json', z.strictObject({ visible: z.boolean() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setBanner(state, c.req.valid('json').visible));
      return c.json(response);
    });
}
