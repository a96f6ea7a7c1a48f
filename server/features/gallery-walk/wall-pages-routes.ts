import { Hono } from 'hono';
import { z } from 'zod';
import { acceptsGzip, matchesEtag } from '../../http/accepts-gzip.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { errorBody } from '../../http/errors.js';
import { requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { currentGallery } from './gallery-model.js';
import { wallPagesOf } from './wall-pages.js';

const params = z.object({
  wall: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  page: z.coerce.number().int().min(0).max(100_000),
});

/**
 * `GET /api/sessions/:code/walls/:wall/pages/:page`: one page of a wall's cards during the
 * gallery walk (wall-listing.ts), `{wall, page, cards: [{id, text}]}`. A participant may
 * read it only while the walk is on screen, as the stream shows the walls only then.
 *
 * Every phone gets the same bytes for a page, so a page carries an entity tag and
 * `Cache-Control: private, no-cache`: the browser keeps it and asks again with
 * If-None-Match, and an unchanged page costs a 304 of a few hundred bytes. Gzipped when
 * the client accepts it.
 */
export function wallPagesRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>().get('/:wall/pages/:page', withSession(registry), requireRole(keys, 'participant', 'lead', 'support'), validate('param', params), (c) => {
    const { runtime } = c.get('live');
    const { wall, page } = c.req.valid('param');
    const gallery = currentGallery(runtime.state, runtime.deck);
    const staff = c.get('actor').role !== 'participant';
    const onScreen = !!gallery && gallery.slide === runtime.state.slide;
    if (!gallery || (!staff && !onScreen)) {
      return c.json(errorBody('walls_not_shown', 'The walls are shown only during the gallery walk.'), 409);
    }
    if (!gallery.activity.walls.includes(wall)) return c.json(errorBody('unknown_wall', `This gallery walk has no wall "${wall}".`), 404);
    const body = wallPagesOf(runtime).page(wall, page);
    c.header('Cache-Control', 'private, no-cache');
    c.header('ETag', body.etag);
    c.header('Vary', 'Accept-Encoding');
    if (matchesEtag(c.req.header('if-none-match'), body.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    if (acceptsGzip(c.req.header('accept-encoding'))) {
      c.header('Content-Encoding', 'gzip');
      return c.body(body.gzipped());
    }
    return c.body(body.json);
  });
}
