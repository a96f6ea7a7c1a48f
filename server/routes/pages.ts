import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppEnv } from '../http/app-env.js';

/** The built web pages: one HTML file per role, each a route over the same session. */
export function pagesRoutes(webDir: string) {
  const page = (name: string) => {
    let html: string | null = null;
    return (c: import('hono').Context) => {
      html ??= readFileSync(join(webDir, name), 'utf8');
      c.header('Cache-Control', 'no-cache');
      return c.html(html);
    };
  };
  const root = relative(process.cwd(), webDir) || '.';
  return new Hono<AppEnv>()
    .use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_path, c) => {
          // Vite names assets by content hash, so a phone can keep them for good.
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    )
    .get('/', page('index.html'))
    .get('/present/:code', page('present.html'))
    .get('/notes/:code', page('notes.html'))
    .get('/remote/:code', page('remote.html'))
    .get('/prepare/:code', page('prepare.html'))
    .get('/join', page('join.html'))
    .get('/join/:code', page('join.html'))
    .get('/agreement/:code', page('agreement.html'))
    .get('/district', page('district.html'));
}
