import { Hono } from 'hono';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { errorBody } from '../http/errors.js';
import { sessionLinks } from '../http/links.js';
import { rateLimit } from '../http/rate-limit.js';
import { requireRole, withSession } from '../http/session-access.js';
import { validate } from '../http/validate.js';
import { deckId as deckIdField, oneLineText } from '../http/fields.js';
import { clientAddress } from '../http/client-address.js';

const createSession = z.strictObject({
  deckId: deckIdField.optional(),
  schoolName: oneLineText(120).optional(),
});

/** Sessions: start one, look one up by code, fetch its deck, its join QR code, delete it. */
export function sessionsRoutes(deps: AppDeps) {
  const { registry, keys, decks } = deps;
  const session = withSession(registry);
  const perAddress = rateLimit({
    name: 'per address',
    perSecond: deps.limits.addressPerSecond,
    burst: deps.limits.addressBurst,
    key: (c) => `session:${clientAddress(c)}`,
  });
  return new Hono<AppEnv>()
    .post('/', perAddress, validate('json', createSession), (c) => {
      const { deckId, schoolName } = c.req.valid('json');
      const deck = deckId ? decks.get(deckId) : decks.values().next().value;
      if (!deck) return c.json(errorBody('unknown_deck', `There is no deck "${deckId ?? ''}".`), 404);
      const live = registry.create(deck, (schoolName ?? '').trim());
      const { id, code } = live.runtime;
      const leadKey = keys.staffKey(id, 'lead');
      const supportKey = keys.staffKey(id, 'support');
      return c.json({ code, leadKey, supportKey, links: sessionLinks(deps.publicUrl, code, leadKey, supportKey) }, 201);
    })
    .get('/:code', session, (c) => {
      const { runtime } = c.get('live');
      return c.json({
        code: runtime.code,
        schoolName: runtime.state.schoolName,
        deckTitle: runtime.deck.title,
        joinUrl: `${deps.publicUrl}/join/${runtime.code}`,
      });
    })
    .get('/:code/deck', session, requireRole(keys, 'lead', 'support'), (c) => {
      const { deck } = c.get('live').runtime;
      return c.json(deck);
    })
    .get('/:code/qr.svg', session, async (c) => {
      const svg = await QRCode.toString(`${deps.publicUrl}/join/${c.get('live').runtime.code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml' });
    })
    .delete('/:code', session, requireRole(keys, 'lead'), (c) => {
      registry.delete(c.get('live').runtime.code);
      keys.forget(c.get('live').runtime.id);
      return c.json({ deleted: true });
    });
}
