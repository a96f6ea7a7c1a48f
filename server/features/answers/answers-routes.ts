import { Hono } from 'hono';
import { z } from 'zod';
import { giveAnswer, setAnswerHidden, withdrawAnswer } from './answer-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { recordId, slideNumber, writtenText } from '../../http/fields.js';

const idParam = z.object({ id: recordId });

/** Open answers (slide 4's "Who might this be?"), shown on the deck as a word cloud. */
export function answersRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const participant = [participantWrite(deps, 'participant')] as const;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .post('/', ...participant, validate('json', z.strictObject({ slide: slideNumber, text: writtenText(2000) })), (c) => {
      const { runtime } = c.get('live');
      const { slide, text } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => giveAnswer(state, runtime.deck, c.get('subject'), slide, text, context));
      return c.json(response, 201);
    })
    .delete('/:id', ...participant, validate('param', idParam), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => withdrawAnswer(state, c.get('subject'), c.req.valid('param').id));
      return c.json(response);
    })
    .put('/:id/visibility', requireRole(keys, 'lead', 'support'), requireOpId, validate('param', idParam), validate('json', z.strictObject({ hidden: z.boolean() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setAnswerHidden(state, c.req.valid('param').id, c.req.valid('json').hidden));
      return c.json(response);
    });
}
