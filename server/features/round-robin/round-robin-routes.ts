import { Hono } from 'hono';
import { z } from 'zod';
import { becomeRecorder, passTurn, passTurnForGroup, saveGroupNotes, startRoundRobin } from './round-robin-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { slideParam, writtenText } from '../../http/fields.js';

/** Small-group round robin: the lead starts it; members pass turns, one records the group's ideas. */
export function roundRobinRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const participant = [participantWrite(deps, 'participant')] as const;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .post('/:slide/start', requireRole(keys, 'lead', 'support'), requireOpId, validate('param', slideParam), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => startRoundRobin(state, runtime.deck, c.req.valid('param').slide));
      return c.json(response);
    })
    .post('/:slide/turn', ...participant, validate('param', slideParam), validate('json', z.strictObject({ from: z.number().int().min(0).max(500) })), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => passTurn(state, runtime.deck, slide, c.get('subject'), c.req.valid('json').from, context));
      return c.json(response);
    })
    .post(
      '/:slide/groups/:group/turn',
      requireRole(keys, 'lead', 'support'),
      requireOpId,
      validate('param', slideParam.extend({ group: z.coerce.number().int().min(1).max(500) })),
      validate('json', z.strictObject({ from: z.number().int().min(0).max(500) })),
      (c) => {
        const { runtime } = c.get('live');
        const { slide, group } = c.req.valid('param');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => passTurnForGroup(state, runtime.deck, slide, group, c.req.valid('json').from, context));
        return c.json(response);
      },
    )
    .put('/:slide/recorder', ...participant, validate('param', slideParam), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => becomeRecorder(state, runtime.deck, c.req.valid('param').slide, c.get('subject')));
      return c.json(response);
    })
    .put('/:slide/notes', ...participant, validate('param', slideParam), validate('json', z.strictObject({ text: writtenText(10_000) })), (c) => {
      const { runtime } = c.get('live');
      const { slide } = c.req.valid('param');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => saveGroupNotes(state, runtime.deck, slide, c.get('subject'), c.req.valid('json').text));
      return c.json(response);
    });
}
