import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env.js';
import { errorBody } from '../http/errors.js';
import { validate } from '../http/validate.js';
import type { Catalogs } from '../i18n/catalogs.js';

/** A family is a folder of locales/; a language a BCP 47 tag, optionally written as its file's name. */
const catalogParam = z.strictObject({
  family: z.string().regex(/^[a-z0-9-]{1,40}$/),
  lang: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}(\.json)?$/),
});

/**
 * A page family's catalog in one language, for a page whose reader picks another language
 * than the one the page was served in. Small, and revalidated by its content tag.
 */
export function i18nRoutes(catalogs: Catalogs) {
  return new Hono<AppEnv>().get('/:family/:lang', validate('param', catalogParam), (c) => {
    const { family } = c.req.valid('param');
    const lang = c.req.valid('param').lang.replace(/\.json$/, '');
    const served = catalogs.catalogJson(family, lang);
    if (!served) return c.json(errorBody('unknown_catalog', `There is no ${family} catalog in "${lang}".`), 404);
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', served.etag);
    if (c.req.header('if-none-match') === served.etag) return c.body(null, 304);
    return c.body(served.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
