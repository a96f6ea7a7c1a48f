import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { errorBody } from '../http/errors.js';
import type { Catalogs } from '../i18n/catalogs.js';

/**
 * A page family's catalog in one language, for a page whose reader picks another language
 * than the one the page was served in. Small, and revalidated by its content tag.
 */
export function i18nRoutes(catalogs: Catalogs) {
  return new Hono<AppEnv>().get('/:family/:lang', (c) => {
    const family = c.req.param('family');
    const lang = c.req.param('lang').replace(/\.json$/, '');
    const served = catalogs.catalogJson(family, lang);
    if (!served) return c.json(errorBody('unknown_catalog', `There is no ${family.slice(0, 40)} catalog in "${lang.slice(0, 20)}".`), 404);
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', served.etag);
    if (c.req.header('if-none-match') === served.etag) return c.body(null, 304);
    return c.body(served.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
