import { Hono } from 'hono';
import { z } from 'zod';
import { editCard, setCardHidden, withdrawCard, writeCard } from './card-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { recordId, slideNumber, writtenText } from '../../http/fields.js';

/** Raw text may be longer than a card allows; the domain trims first, then counts, and says how long it was. */
const text = writtenText(5000);
const slide = slideNumber;
const newCard = z.union([z.strictObject({ slide, text }), z.strictObject({ slide, front: text, back: text }), z.strictObject({ slide, answers: z.array(text).min(1).max(8) })]);
const idParam = z.object({ id: recordId });

/** Cards on the walls: a participant writes, edits and withdraws their own; facilitators hide and show. */
export function cardsRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const participant = [participantWrite(deps, 'participant')] as const;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .post('/', ...participant, validate('json', newCard), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => writeCard(state, runtime.deck, c.get('subject'), c.req.valid('json'), context));
      return c.json(response, 201);
    })
    .patch('/:id', ...participant, validate('param', idParam), validate('json', z.strictObject({ text })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => editCard(state, c.get('subject'), c.req.valid('param').id, c.req.valid('json').text));
      return c.json(response);
    })
    .delete('/:id', ...participant, validate('param', idParam), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => withdrawCard(state, c.get('subject'), c.req.valid('param').id));
      return c.json(response);
    })
    .put('/:id/visibility', requireRole(keys, 'lead', 'support'), requireOpId, validate('param', idParam), validate('json', z.strictObject({ hidden: z.boolean() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setCardHidden(state, c.req.valid('param').id, c.req.valid('json').hidden));
      return c.json(response);
    });
}
