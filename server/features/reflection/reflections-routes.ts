import { Hono } from 'hono';
import { z } from 'zod';
import { approveReflections, saveReflection, setReflectionHidden } from './reflection-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { recordId, slideParam, writtenText } from '../../http/fields.js';

/** Reflections: private unless shared; facilitators may keep a shared one off the deck. */
export function reflectionsRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .put(
      '/:slide/mine',
      participantWrite(deps, 'participant'),
      validate('param', slideParam),
      validate('json', z.strictObject({ text: writtenText(10_000), shared: z.boolean() })),
      (c) => {
        const { runtime } = c.get('live');
        const { slide } = c.req.valid('param');
        const { text, shared } = c.req.valid('json');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => saveReflection(state, runtime.deck, c.get('subject'), slide, text, shared, context));
        return c.json(response);
      },
    )
    .put(
      '/:id/visibility',
      requireRole(keys, 'lead', 'support'),
      requireOpId,
      validate('param', z.object({ id: recordId })),
      validate('json', z.strictObject({ hidden: z.boolean() })),
      (c) => {
        const { runtime } = c.get('live');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setReflectionHidden(state, c.req.valid('param').id, c.req.valid('json').hidden));
        return c.json(response);
      },
    )
    // One tap lets a shared reflection onto the projector; "show all" lets every waiting one on a slide.
    .post('/:id/approve', requireRole(keys, 'lead', 'support'), requireOpId, validate('param', z.object({ id: recordId })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => approveReflections(state, { reflectionId: c.req.valid('param').id }));
      return c.json(response);
    })
    .post('/:slide/approve-all', requireRole(keys, 'lead', 'support'), requireOpId, validate('param', slideParam), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => approveReflections(state, { slide: c.req.valid('param').slide }));
      return c.json(response);
    });
}
