import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PageBoot, PublicSessionInfo } from '../contract/i18n.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { acceptedLanguages, type Catalogs } from '../i18n/catalogs.js';
import { publicSessionInfo } from './sessions.js';

const CODE = /^[A-Za-z0-9]{6}$/;

/**
 * The built web pages: one HTML file per role, each a route over the same session.
 *
 * Each page names its family of message catalogs in `<meta name="pd-catalog">` (its own
 * first, then any its parts share with other pages). The server writes those catalogs in
 * the reader's language into the page (`<script type="application/json"
 * id="pd-boot">`, which no browser runs as a script) and sets `<html lang dir>`, so the first
 * paint is in the right language and direction with no request for words. The language is
 * the one the link asks for (`?lang=es`), else the browser's (Accept-Language); a phone whose
 * person chose another one fetches that catalog itself (GET /i18n/<family>/<lang>).
 * A join link's page also carries its session's public details, so joining needs no lookup.
 */
export function pagesRoutes(deps: AppDeps & { webDir: string; catalogs: Catalogs }) {
  const { webDir, catalogs, registry } = deps;
  const page = (name: string) => {
    let template: PageTemplate | null = null;
    return (c: Context<AppEnv>) => {
      template ??= readTemplate(join(webDir, name));
      // `?lang=en,es` (a projector in two languages) reads its first for the page's own words.
      const wanted = [...(c.req.query('lang') ?? '').split(','), ...acceptedLanguages(c.req.header('accept-language'))].filter(Boolean);
      const [own, ...others] = template.families.map((family) => catalogs.catalog(family, catalogs.pick(family, wanted)));
      const also = others.filter((c) => c !== undefined);
      const boot: PageBoot | null = own ? { catalog: own, ...(also.length > 0 ? { also } : {}) } : null;
      const code = c.req.param('code');
      if (boot && name === 'join.html' && code !== undefined) {
        const live = CODE.test(code) ? registry.get(code) : undefined;
        boot.session = live ? publicSessionInfo(live.runtime, deps.publicUrl) : null;
      }
      c.header('Cache-Control', 'no-cache');
      c.header('Vary', 'Accept-Language');
      return c.html(fill(template, boot));
    };
  };
  const root = relative(process.cwd(), webDir) || '.';
  let serviceWorker: string | null = null;
  return new Hono<AppEnv>()
    .use(
      '/assets/*',
      serveStatic({
        root,
        // The build writes `<file>.gz` beside each script and style (precompress-assets.ts):
        // a browser that accepts gzip gets that file, compressed once, not on every request.
        precompressed: true,
        onFound: (_path, c) => {
          // Vite names assets by content hash, so a phone can keep them for good.
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    )
    // The phone's service worker: at the root so it may serve /join pages, always revalidated
    // so a new build's worker replaces the old one.
    .get('/sw.js', (c) => {
      serviceWorker ??= readFileSync(join(webDir, 'sw.js'), 'utf8');
      c.header('Cache-Control', 'no-cache');
      return c.body(serviceWorker, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    })
    .get('/', page('index.html'))
    .get('/present/:code', page('present.html'))
    .get('/notes/:code', page('notes.html'))
    .get('/remote/:code', page('remote.html'))
    .get('/prepare/:code', page('prepare.html'))
    .get('/join', page('join.html'))
    .get('/join/:code', page('join.html'))
    .get('/agreement/:code', page('agreement.html'))
    .get('/plan/:code', page('plan.html'))
    .get('/board/:code', page('board.html'))
    .get('/partnership-plan/:code', page('partnership-plan.html'))
    .get('/district', page('district.html'));
}

interface PageTemplate {
  /** The page's own family first, then those of its parts that other pages share (`content="staff inventory series"`). */
  families: string[];
  html: string;
}

function readTemplate(path: string): PageTemplate {
  const html = readFileSync(path, 'utf8');
  const named = /<meta name="pd-catalog" content="([a-z0-9 -]+)"/.exec(html)?.[1] ?? '';
  return { families: named.split(/\s+/).filter(Boolean), html };
}

/** The page with its language on `<html>` and the boot data before `</head>`. */
function fill({ html }: PageTemplate, boot: PageBoot | null): string {
  if (!boot) return html;
  const { code, dir } = boot.catalog.language;
  // `<` is escaped so no text in the data (a school's name) can close the script element.
  const data = JSON.stringify(boot).replace(/</g, '\\u003c');
  return html
    .replace(/<html lang="[^"]*">/, `<html lang="${code}" dir="${dir}">`)
    .replace('</head>', `<script type="application/json" id="pd-boot">${data}</script>\n</head>`);
}

export type { PublicSessionInfo };
