import { Hono } from 'hono';
import { z } from 'zod';
import { event } from '../../domain/events.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';

export const coFacilitatorSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  role: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'a role is lower-case letters, digits and dashes (parent, teacher…)'),
});
export const facilitatorsSchema = z.strictObject({ lead: coFacilitatorSchema.nullable(), support: coFacilitatorSchema.nullable() });

/** Names the co-facilitators as text, cleaned like any other text a room sees. */
export function facilitatorsNamed(named: z.infer<typeof facilitatorsSchema>) {
  const clean = (f: z.infer<typeof coFacilitatorSchema> | null) => (f ? { name: cleanOrRefuse(cleanText(f.name, 80)), role: f.role } : null);
  return event('facilitators.named', { lead: clean(named.lead), support: clean(named.support) });
}

/** The co-facilitators name themselves (or correct a name); either key may. */
export function facilitatorsRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .put('/', requireRole(keys, 'lead', 'support'), requireOpId, validate('json', facilitatorsSchema), (c) => {
      const { runtime } = c.get('live');
      const named = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), () => {
        const e = facilitatorsNamed(named);
        return { events: [e], response: e.data };
      });
      return c.json(response);
    });
}
