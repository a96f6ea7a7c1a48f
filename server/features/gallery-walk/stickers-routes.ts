import { Hono } from 'hono';
import { z } from 'zod';
import { placeSticker, removePaperSticker, removeSticker } from './sticker-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { participantWrite } from '../../http/participant-write.js';
import { withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { recordId } from '../../http/fields.js';

const id = recordId;

/**
 * Stickers of the gallery walk: a participant places one on a card and takes back their
 * own. A facilitator may take back a paper sticker through the same DELETE.
 */
export function stickersRoutes(deps: AppDeps) {
  const { registry } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .post('/', participantWrite(deps, 'participant'), validate('json', z.strictObject({ cardId: id })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => placeSticker(state, runtime.deck, c.get('subject'), c.req.valid('json').cardId, context));
      return c.json(response, 201);
    })
    .delete('/:stickerId', participantWrite(deps, 'participant', 'lead', 'support'), validate('param', z.object({ stickerId: id })), (c) => {
      const { runtime } = c.get('live');
      const { stickerId } = c.req.valid('param');
      const actor = c.get('actor');
      const { response } = runtime.execute(actor, c.get('opKey'), (state) =>
        actor.role === 'participant' ? removeSticker(state, runtime.deck, c.get('subject'), stickerId) : removePaperSticker(state, stickerId),
      );
      return c.json(response);
    });
}
