import { Hono } from 'hono';
import { z } from 'zod';
import { cleanOrRefuse, cleanText } from '../../domain/clean-text.js';
import { DomainError } from '../../domain/domain-error.js';
import { event } from '../../domain/events.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { fidelityItemIds, fidelityPart } from './fidelity-checklist.js';

const itemParam = z.object({ itemId: z.string().regex(/^[a-z0-9-]{1,100}$/) });
const COMMENT_MAX = 500;
const NOTE_MAX = 2000;

/** The coach marks the checklist and writes coaching notes; the co-facilitators and the coordinator read them. */
export function fidelityRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/', requireRole(keys, 'lead', 'support', 'coach', 'coordinator'), (c) => {
      const { runtime } = c.get('live');
      return c.json(fidelityPart(runtime.state, runtime.deck).fidelity);
    })
    .put(
      '/items/:itemId',
      requireRole(keys, 'coach'),
      requireOpId,
      validate('param', itemParam),
      validate(
        'json',
        z.strictObject({
          mark: z.enum(['observed', 'partly', 'not-observed']).nullable(),
          comment: z
            .string()
            .max(COMMENT_MAX * 2)
            .default(''),
        }),
      ),
      (c) => {
        const { runtime } = c.get('live');
        const { itemId } = c.req.valid('param');
        const { mark, comment } = c.req.valid('json');
        const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => {
          const deck = runtime.deck;
          if (!fidelityItemIds(deck).has(itemId)) throw new DomainError(404, 'unknown_item', `This session's checklist has no item "${itemId}".`);
          const clean = comment.trim() === '' ? '' : cleanOrRefuse(cleanText(comment, COMMENT_MAX));
          const before = state.fidelityMarks.get(itemId);
          const same = before && before.mark === mark && before.comment === clean;
          return { events: same ? [] : [event('fidelity.marked', { itemId, mark, comment: clean })], response: { itemId, mark, comment: clean } };
        });
        return c.json(response);
      },
    )
    .post('/notes', requireRole(keys, 'coach'), requireOpId, validate('json', z.strictObject({ text: z.string().max(NOTE_MAX * 2) })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (_state, context) => {
        const text = cleanOrRefuse(cleanText(c.req.valid('json').text, NOTE_MAX));
        const id = context.newId();
        return { events: [event('fidelity.note-written', { id, text })], response: { id } };
      });
      return c.json(response, 201);
    });
}
