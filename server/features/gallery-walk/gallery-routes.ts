import { Hono } from 'hono';
import { z } from 'zod';
import { chooseAtCut, mergeCards, setRevealed, unmergeCard } from './gallery-commands.js';
import { writePaperCard } from './paper-commands.js';
import { MAX_PAPER_STICKERS, placePaperSticker, setPaperStickerCount } from './sticker-commands.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { recordId, wallId, writtenText } from '../../http/fields.js';

/** One of the deck's stakeholder groups (the command checks which). */
const groupId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'is not a group id');

const id = recordId;
const wall = wallId;

/**
 * The facilitators' side of the gallery walk: reveal the tallies, choose at a tied cut,
 * merge duplicate cards, and type in paper cards and paper stickers.
 */
export function galleryRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>()
    .use(withSession(registry), requireRole(keys, 'lead', 'support'), requireOpId)
    .put('/reveal', validate('json', z.strictObject({ revealed: z.boolean() })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setRevealed(state, runtime.deck, c.req.valid('json').revealed));
      return c.json(response);
    })
    .put('/cut', validate('json', z.strictObject({ wall, cardIds: z.array(id).max(50) })), (c) => {
      const { runtime } = c.get('live');
      const { wall, cardIds } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => chooseAtCut(state, runtime.deck, wall, cardIds));
      return c.json(response);
    })
    .post('/merges', validate('json', z.strictObject({ cardId: id, intoId: id })), (c) => {
      const { runtime } = c.get('live');
      const { cardId, intoId } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => mergeCards(state, cardId, intoId));
      return c.json(response, 201);
    })
    .delete('/merges/:cardId', validate('param', z.object({ cardId: id })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => unmergeCard(state, c.req.valid('param').cardId));
      return c.json(response);
    })
    .post('/paper-cards', validate('json', z.strictObject({ wall, text: writtenText(5000), group: groupId.optional() })), (c) => {
      const { runtime } = c.get('live');
      const { wall, text, group } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => writePaperCard(state, runtime.deck, wall, text, group, context));
      return c.json(response, 201);
    })
    .put('/paper-stickers/:cardId', validate('param', z.object({ cardId: id })), validate('json', z.strictObject({ count: z.number().int().min(0).max(MAX_PAPER_STICKERS) })), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => setPaperStickerCount(state, runtime.deck, c.req.valid('param').cardId, c.req.valid('json').count, context));
      return c.json(response);
    })
    .post('/paper-stickers', validate('json', z.strictObject({ cardId: id, group: groupId.optional() })), (c) => {
      const { runtime } = c.get('live');
      const { cardId, group } = c.req.valid('json');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => placePaperSticker(state, runtime.deck, cardId, group, context));
      return c.json(response, 201);
    });
}
