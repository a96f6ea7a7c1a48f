import { Hono } from 'hono';
import { z } from 'zod';
import { fieldValueSchema } from '../../deck/project-slide.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { errorBody } from '../../http/errors.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { setField } from './preparation-commands.js';

const fieldParam = z.object({ fieldId: z.string().regex(/^[a-z][a-z0-9-]{0,79}$/) });

/**
 * Preparing the workshop: the deck's customisable fields with what has been filled in,
 * and a facilitator's change to one of them. A value's shape is checked against the
 * session's own deck (its languages, the field's kind) inside the route, since it
 * depends on the deck.
 */
export function preparationRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'))
    .get('/', (c) => {
      const { runtime } = c.get('live');
      const fields = runtime.deck.slides.flatMap((s) => s.customisable.map((f) => ({ ...f, slide: s.number })));
      return c.json({ fields, values: Object.fromEntries(runtime.state.preparation.fields), seq: runtime.state.preparation.seq });
    })
    .put('/fields/:fieldId', requireOpId, validate('param', fieldParam), validate('json', z.strictObject({ value: z.unknown() })), (c) => {
      const { runtime } = c.get('live');
      const parsed = z.union([z.null(), fieldValueSchema(runtime.deck)]).safeParse(c.req.valid('json').value);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: ['value', ...i.path].join('.'), message: i.message }));
        return c.json(errorBody('invalid', `Invalid json: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues), 400);
      }
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setField(state, runtime.deck, c.req.valid('param').fieldId, parsed.data));
      return c.json(response);
    });
}
